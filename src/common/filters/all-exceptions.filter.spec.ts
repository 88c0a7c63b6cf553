import { QueryFailedError } from 'typeorm';
import type { ArgumentsHost } from '@nestjs/common';
import { AllExceptionsFilter, isDatabaseUnavailable } from './all-exceptions.filter';

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

describe('AllExceptionsFilter on a unique violation', () => {
  const answer = (constraint: string) => {
    const sent: { status?: number; body?: unknown } = {};
    const response = {
      getHeader: () => undefined,
      setHeader: () => response,
      status: (status: number) => ((sent.status = status), response),
      json: (body: unknown) => ((sent.body = body), response),
    };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint,
    });
    new AllExceptionsFilter().catch(new QueryFailedError('INSERT', [], error), host);
    return sent;
  };

  it("answers a mapped constraint's message, as a ConflictException's body (message first)", () => {
    const sent = answer('time_entries_one_running');
    expect(sent.status).toBe(409);
    expect(JSON.stringify(sent.body)).toBe(
      JSON.stringify({ message: 'Another time entry is already running for this user', code: 409 }),
    );
  });

  it('answers the generic message for any other constraint', () => {
    expect(answer('constructor').body).toEqual({
      code: 409,
      message: 'A resource with the same unique value already exists',
    });
  });
});
