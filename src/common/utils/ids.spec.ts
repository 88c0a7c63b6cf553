import { isObjectId, newId } from './ids';

describe('ids', () => {
  it('are 24 lowercase hex characters, unique, and start with the creation second', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isObjectId(id)).toBe(true);
    const seconds = parseInt([...ids][0].slice(0, 8), 16);
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'abc', 'FFFFFFFFFFFFFFFFFFFFFFFF', 'gggggggggggggggggggggggg', 'ffffffffffffffffffffffff0'])
      expect(isObjectId(bad)).toBe(false);
  });
});
