import { RateLevel } from './rate-resolver';
import { levelOf, ratesUnchangedSql } from './rates.store';

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

describe('ratesUnchangedSql', () => {
  it('takes the shared advisory lock without waiting, then reads the version (CASE keeps that order)', () => {
    const sql = ratesUnchangedSql('$2', '$16');
    expect(sql).toMatch(
      /^CASE WHEN pg_try_advisory_xact_lock_shared\(\d+, hashtext\(\$2\)\) THEN rates_version_of\(\$2\) = \$16::bigint ELSE false END$/,
    );
  });
});
