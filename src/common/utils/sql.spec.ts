import { likePattern, SqlConditions } from './sql';

describe('SqlConditions', () => {
  it('numbers its parameters in the order they are written and joins its conditions with AND', () => {
    const where = new SqlConditions();
    where.add(`a = ${where.param(1)}`);
    where.add(`b = ANY(${where.param(['x'])})`);
    expect(where.sql).toBe('a = $1 AND b = ANY($2)');
    expect(where.params).toEqual([1, ['x']]);
  });

  it('numbers after the parameters the statement already has, pushing onto the array it was given', () => {
    const params: unknown[] = ['ws', '2024-01-01'];
    const where = new SqlConditions(params);
    where.add(`c = ${where.param('me')}`);
    expect(where.sql).toBe('c = $3');
    expect(where.params).toBe(params);
    expect(params).toEqual(['ws', '2024-01-01', 'me']);
  });
});

describe('likePattern', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
