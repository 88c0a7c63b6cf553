import { RateLevel } from './rate-resolver';
import { levelOf, ratesUnchangedSql, repriceSql } from './rates.store';

describe('levelOf', () => {
  const ws = 'w'.repeat(24);
  it.each([
    [{ workspaceId: ws }, RateLevel.Workspace],
    [{ workspaceId: ws, userId: 'u' }, RateLevel.WorkspaceMember],
    [{ workspaceId: ws, projectId: 'p' }, RateLevel.Project],
    [{ workspaceId: ws, projectId: 'p', userId: 'u' }, RateLevel.ProjectMember],
    [{ workspaceId: ws, projectId: 'p', taskId: 't' }, RateLevel.Task],
  ])('%j is level %s', (scope, level) => expect(levelOf(scope)).toBe(level));
});

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

describe('ratesUnchangedSql', () => {
  it('takes the shared advisory lock without waiting, then reads the version (CASE keeps that order)', () => {
    const sql = ratesUnchangedSql('$2', '$16');
    expect(sql).toMatch(
      /^CASE WHEN pg_try_advisory_xact_lock_shared\(\d+, hashtext\(\$2\)\) THEN rates_version_of\(\$2\) = \$16::bigint ELSE false END$/,
    );
  });
});
