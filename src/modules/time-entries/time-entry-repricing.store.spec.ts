import { RateLevel } from '../rates/rate-resolver';
import { repriceSql } from './time-entry-repricing.store';

describe('repriceSql', () => {
  const antiJoins = (sql: string) => (sql.match(/NOT EXISTS \(SELECT 1 FROM r /g) ?? []).length;
  it('skips the entries a stronger level decides: one anti-join per stronger level', () => {
    expect(antiJoins(repriceSql(RateLevel.Workspace, 'HOURLY'))).toBe(4);
    expect(antiJoins(repriceSql(RateLevel.Project, 'HOURLY'))).toBe(2);
    expect(antiJoins(repriceSql(RateLevel.Task, 'COST'))).toBe(0);
  });

  it('never touches invoiced entries and sets only the kind changed', () => {
    const sql = repriceSql(RateLevel.WorkspaceMember, 'COST');
    expect(sql).toContain('NOT te.invoiced');
    expect(sql).toContain('invoice_item_time_entries');
    expect(sql).toContain('SET cost_rate = $6');
    expect(sql).not.toContain('hourly_rate =');
  });
});
