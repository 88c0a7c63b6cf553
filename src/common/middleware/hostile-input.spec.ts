import { findHostileValue } from './hostile-input';

describe('findHostileValue', () => {
  const nest = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it('accepts 32 levels and names the path where the 33rd starts', () => {
    expect(findHostileValue({ a: nest(31) })).toBeNull();
    expect(findHostileValue({ a: nest(32) })).toEqual({ kind: 'depth', field: `a${'[0]'.repeat(31)}` });
  });

  it('inspects 100,000 levels without recursion', () => {
    expect(findHostileValue(nest(100_000))?.kind).toBe('depth');
  });

  it('finds a NUL in a value or a key, first field first', () => {
    expect(findHostileValue({ ok: 'x', items: [{ note: 'a' }, { note: 'b\0' }], other: '\0' })).toEqual({
      kind: 'nul',
      field: 'items[1].note',
    });
    expect(findHostileValue({ ['k\0']: 1 })).toEqual({ kind: 'nul', field: 'k\\0' });
    expect(findHostileValue({ name: 'plain', n: 1, b: null })).toBeNull();
  });
});
