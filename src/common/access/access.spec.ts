import type { WorkspaceContext } from '../auth/principal';
import { adminRoleSql } from './admin';
import { mayActFor, mayActForSql, mayActForUser } from './act-for';
import { projectManagerSql, projectVisibleSql } from './project-access';
import type { Queryable } from './sql-ref';
import { managesGroupRoleSql, teamManagerSql, teamUserIdsSql } from './team-manager';

const ws = (over: Partial<WorkspaceContext> = {}): WorkspaceContext => ({
  workspaceId: 'w'.repeat(24),
  userId: 'a'.repeat(24),
  roles: [],
  isAdmin: false,
  principal: { kind: 'user', userId: 'a'.repeat(24), apiKeyId: 'k' },
  ...over,
});

/** Collapses white space so assertions read as SQL. */
const flat = (sql: string) => sql.replace(/\s+/g, ' ');

describe('teamManagerSql', () => {
  const sql = flat(teamManagerSql({ workspace: '$1', manager: '$3', user: 'te.user_id' }));

  it('puts each named reference in its own place (manager holds the role, user is managed)', () => {
    expect(sql).toContain("mr.workspace_id = $1 AND mr.user_id = $3 AND mr.role = 'TEAM_MANAGER'");
    expect(sql).toContain('mr.source_type IS NULL AND mr.entity_id = te.user_id');
    expect(sql).toContain('ugm.workspace_id = $1 AND ugm.user_group_id = mr.entity_id AND ugm.user_id = te.user_id');
    expect(sql).not.toMatch(/user_id = \$1|entity_id = \$3/);
  });

  it('refuses anything but a parameter or alias.column, and aliases it uses inside', () => {
    expect(() => teamManagerSql({ workspace: '$1', manager: "'x' OR true", user: '$2' })).toThrow(/manager/);
    expect(() => teamManagerSql({ workspace: '$1', manager: '$2', user: 'mr.entity_id' })).toThrow(/alias mr/);
    expect(() => teamManagerSql({ workspace: '1', manager: '$2', user: '$3' })).toThrow(/workspace/);
    expect(() => teamManagerSql({ workspace: '$1::char(24)', manager: 'w.id', user: '$3' })).not.toThrow();
  });

  it('lists the team as the union of direct roles and roles over groups', () => {
    const team = flat(teamUserIdsSql({ workspace: '$1', manager: '$2' }));
    expect(team).toContain("mr.user_id = $2 AND mr.role = 'TEAM_MANAGER' AND mr.source_type IS NULL");
    expect(team).toContain(`UNION SELECT ugm.user_id`);
    expect(team).toContain(flat(managesGroupRoleSql('mr')));
  });
});

describe('projectVisibleSql', () => {
  it('public projects, membership (direct or by group) and the PROJECT_MANAGER role', () => {
    const sql = flat(projectVisibleSql({ project: 'p', user: '$2' }));
    expect(sql.startsWith('(p.is_public OR EXISTS')).toBe(true);
    expect(sql).toContain('pm.project_id = p.id AND (pm.user_id = $2 OR pm.user_group_id IN');
    expect(sql).toContain(flat(projectManagerSql({ workspace: 'p.workspace_id', manager: '$2', project: 'p.id' })));
  });

  it('gates public projects on a parameter when asked, and can leave the manager role out', () => {
    expect(flat(projectVisibleSql({ project: 'p', user: '$2', publicProjects: '$3' }))).toContain(
      '(($3 AND p.is_public) OR',
    );
    const members = flat(projectVisibleSql({ project: 'pr', user: 'm.user_id', projectManagers: false }));
    expect(members).not.toContain('PROJECT_MANAGER');
    expect(members).toContain('pm.user_id = m.user_id');
  });

  it('refuses a project that is not an alias', () => {
    expect(() => projectVisibleSql({ project: 'p.id', user: '$2' })).toThrow(/project/);
  });
});

describe('may act for a user', () => {
  it('self, admins and team managers', () => {
    const other = 'b'.repeat(24);
    expect(mayActFor(ws(), ws().userId, false)).toBe(true);
    expect(mayActFor(ws({ isAdmin: true }), other, false)).toBe(true);
    expect(mayActFor(ws(), other, true)).toBe(true);
    expect(mayActFor(ws(), other, false)).toBe(false);
  });

  it("in SQL: the row is the caller's or in the caller's team", () => {
    const sql = flat(mayActForSql({ workspace: '$1', caller: '$2', user: 'e.user_id' }));
    expect(sql.startsWith('(e.user_id = $2 OR EXISTS')).toBe(true);
    expect(sql).toContain('mr.user_id = $2');
    expect(sql).toContain('mr.entity_id = e.user_id');
  });

  it('self and admins need no query (the team-manager rule itself is exercised through HTTP)', async () => {
    const untouched: Queryable = { query: () => Promise.reject(new Error('no query expected')) };
    expect(await mayActForUser(untouched, ws(), ws().userId)).toBe(true);
    expect(await mayActForUser(untouched, ws({ isAdmin: true }), 'b'.repeat(24))).toBe(true);
    await expect(mayActForUser(untouched, ws(), 'b'.repeat(24))).rejects.toThrow('no query expected');
  });
});

describe('adminRoleSql', () => {
  it('OWNER or WORKSPACE_ADMIN', () => {
    expect(adminRoleSql('r')).toBe("r.role IN ('OWNER', 'WORKSPACE_ADMIN')");
    expect(() => adminRoleSql('r; DROP')).toThrow();
  });
});
