import { jsonObjectSql, jsonValueSql } from './summary-groups';

describe('jsonObjectSql', () => {
  it('merges adjacent literals so a large value is copied once per concatenation', () => {
    expect(
      jsonObjectSql([
        ['id', jsonValueSql('r.k1', 'key')],
        ['children', [{ lit: '[' }, { sql: 'r.children' }, { lit: ']' }]],
      ]),
    ).toBe(`'{"id":' || coalesce('"' || (r.k1) || '"', 'null') || ',"children":[' || r.children || ']}'`);
  });

  it('quotes the literals it writes', () => {
    expect(jsonObjectSql([["it's", 'x']])).toBe(`'{"it''s":' || x || '}'`);
  });
});

describe('jsonValueSql', () => {
  it('escapes text through to_json and writes null for NULL', () => {
    expect(jsonValueSql('n.name', 'text')).toBe(`coalesce(to_json((n.name)::text)::text, 'null')`);
    expect(jsonValueSql('r.d', 'number')).toBe(`coalesce((r.d)::text, 'null')`);
  });
});
