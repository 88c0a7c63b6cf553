import { projectVisibleSql, teamManagerSql } from '../../common/access';
import { limitOffset } from '../../common/dto/page';
import type { SortColumn, UserListFilter } from './user-list';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** Current member-level rate amount of `m`'s user (for sorting). */
const memberRate = (kind: 'HOURLY' | 'COST') => `coalesce((
  SELECT r.amount FROM rates r
   WHERE r.workspace_id = m.workspace_id AND r.kind = '${kind}' AND r.user_id = m.user_id
     AND r.project_id IS NULL AND r.task_id IS NULL AND r.since <= now()
   ORDER BY r.since DESC LIMIT 1), 0)`;

/** Owner first, then admins, managers, plain members. */
const ACCESS_RANK = `coalesce((
  SELECT min(CASE r.role WHEN 'OWNER' THEN 0 WHEN 'WORKSPACE_ADMIN' THEN 1 ELSE 2 END)
    FROM member_roles r WHERE r.workspace_id = m.workspace_id AND r.user_id = m.user_id), 3)`;

const SORT_EXPRESSIONS: Record<SortColumn, string> = {
  ID: 'u.id',
  EMAIL: 'lower(u.email)',
  NAME: 'u.name',
  NAME_LOWERCASE: 'lower(u.name)',
  ACCESS: ACCESS_RANK,
  HOURLYRATE: memberRate('HOURLY'),
  COSTRATE: memberRate('COST'),
};

/**
 * The page query and the count query of a workspace's user list. Every
 * condition is a parameter; the only interpolated text comes from the fixed
 * SORT_EXPRESSIONS table.
 */
export function buildUserListQuery(workspaceId: string, filter: UserListFilter): { page: SqlQuery; count: SqlQuery } {
  const params: unknown[] = [workspaceId];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where = ['m.workspace_id = $1'];

  if (filter.email) where.push(`strpos(lower(u.email), lower(${p(filter.email)})) > 0`);
  if (filter.name) where.push(`strpos(lower(u.name), lower(${p(filter.name)})) > 0`);
  if (filter.status !== 'ALL') where.push(`m.status = ${p(filter.status)}`);
  where.push(`u.status = ANY(${p(filter.accountStatuses)}::text[])`);
  if (filter.userIds) where.push(`m.user_id = ANY(${p(filter.userIds)}::char(24)[])`);
  if (filter.roles) {
    where.push(`EXISTS (SELECT 1 FROM member_roles r WHERE r.workspace_id = m.workspace_id AND r.user_id = m.user_id AND r.role = ANY(${p(filter.roles)}::text[]))`);
  }
  if (filter.userGroups) {
    where.push(`EXISTS (SELECT 1 FROM user_group_members g WHERE g.workspace_id = m.workspace_id AND g.user_id = m.user_id
                        AND g.user_group_id = ANY(${p(filter.userGroups)}::char(24)[]))`);
  }
  if (filter.projectId) {
    const project = p(filter.projectId);
    // Members who see the project as its members do (public, or a member directly or through a group).
    const visible = projectVisibleSql({ project: 'pr', user: 'm.user_id', projectManagers: false });
    where.push(`EXISTS (SELECT 1 FROM projects pr WHERE pr.workspace_id = m.workspace_id AND pr.id = ${project} AND ${visible})`);
  }
  if (filter.managersOf) {
    const managed = p(filter.managersOf);
    where.push(teamManagerSql({ workspace: 'm.workspace_id', manager: 'm.user_id', user: managed }));
  }

  const from = `FROM workspace_members m JOIN users u ON u.id = m.user_id WHERE ${where.join('\n AND ')}`;
  const countParams = [...params];
  const direction = filter.sortOrder === 'DESCENDING' ? 'DESC' : 'ASC';
  const { limit, offset } = limitOffset(filter.page);
  const sql = `SELECT u.id, u.email, u.name, u.status, u.profile_picture, u.settings,
                      u.default_workspace_id, u.active_workspace_id
                 ${from}
                ORDER BY ${SORT_EXPRESSIONS[filter.sortColumn]} ${direction}, u.id ${direction}
                LIMIT ${p(limit)} OFFSET ${p(offset)}`;
  return { page: { sql, params }, count: { sql: `SELECT count(*)::int AS total ${from}`, params: countParams } };
}
