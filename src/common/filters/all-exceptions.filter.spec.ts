import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './all-exceptions.filter';

describe('isDatabaseUnavailable', () => {
  const wrapped = (driverError: Error & { code?: string }) => new QueryFailedError('SELECT 1', [], driverError);
  const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('recognizes a refused, timed-out, cut or shutting-down database, also wrapped by TypeORM', () => {
    expect(isDatabaseUnavailable(coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(coded('terminating connection due to administrator command', '57P01')))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(wrapped(coded('sorry, too many clients already', '53300')))).toBe(true);
    expect(isDatabaseUnavailable(coded('connection failure', '08006'))).toBe(true);
  });

  it('leaves request errors and bugs alone', () => {
    expect(isDatabaseUnavailable(wrapped(coded('duplicate key', '23505')))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('text')).toBe(false);
  });
});
