import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { projectVisibleSql, teamManagerSql } from '../../common/access';
import { limitOffset } from '../../common/dto/page';
import { SqlConditions } from '../../common/utils/sql';
import type { SortColumn, UserListFilter } from './user-list';
import type { UserRow } from './users.store';

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
  const where = new SqlConditions();
  where.add(`m.workspace_id = ${where.param(workspaceId)}`);

  if (filter.email) where.add(`strpos(lower(u.email), lower(${where.param(filter.email)})) > 0`);
  if (filter.name) where.add(`strpos(lower(u.name), lower(${where.param(filter.name)})) > 0`);
  if (filter.status !== 'ALL') where.add(`m.status = ${where.param(filter.status)}`);
  where.add(`u.status = ANY(${where.param(filter.accountStatuses)}::text[])`);
  if (filter.userIds) where.add(`m.user_id = ANY(${where.param(filter.userIds)}::char(24)[])`);
  if (filter.roles) {
    where.add(
      `EXISTS (SELECT 1 FROM member_roles r WHERE r.workspace_id = m.workspace_id AND r.user_id = m.user_id AND r.role = ANY(${where.param(filter.roles)}::text[]))`,
    );
  }
  if (filter.userGroups) {
    where.add(`EXISTS (SELECT 1 FROM user_group_members g WHERE g.workspace_id = m.workspace_id AND g.user_id = m.user_id
                        AND g.user_group_id = ANY(${where.param(filter.userGroups)}::char(24)[]))`);
  }
  if (filter.projectId) {
    const project = where.param(filter.projectId);
    // Members who see the project as its members do (public, or a member directly or through a group).
    const visible = projectVisibleSql({ project: 'pr', user: 'm.user_id', projectManagers: false });
    where.add(
      `EXISTS (SELECT 1 FROM projects pr WHERE pr.workspace_id = m.workspace_id AND pr.id = ${project} AND ${visible})`,
    );
  }
  if (filter.managersOf) {
    const managed = where.param(filter.managersOf);
    where.add(teamManagerSql({ workspace: 'm.workspace_id', manager: 'm.user_id', user: managed }));
  }

  const from = `FROM workspace_members m JOIN users u ON u.id = m.user_id WHERE ${where.conditions.join('\n AND ')}`;
  const countParams = [...where.params];
  const direction = filter.sortOrder === 'DESCENDING' ? 'DESC' : 'ASC';
  const { limit, offset } = limitOffset(filter.page);
  const sql = `SELECT u.id, u.email, u.name, u.status, u.profile_picture, u.settings,
                      u.default_workspace_id, u.active_workspace_id
                 ${from}
                ORDER BY ${SORT_EXPRESSIONS[filter.sortColumn]} ${direction}, u.id ${direction}
                LIMIT ${where.param(limit)} OFFSET ${where.param(offset)}`;
  return {
    page: { sql, params: where.params },
    count: { sql: `SELECT count(*)::int AS total ${from}`, params: countParams },
  };
}

/** The SQL of a workspace's user list. */
@Injectable()
export class UserListStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The filter's page of users. */
  page(
    workspaceId: string,
    filter: UserListFilter,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserRow[]> {
    const { page } = buildUserListQuery(workspaceId, filter);
    return manager.query(page.sql, page.params);
  }

  /** How many users the filter finds in all. */
  async total(
    workspaceId: string,
    filter: UserListFilter,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const { count } = buildUserListQuery(workspaceId, filter);
    const totals: { total: number }[] = await manager.query(count.sql, count.params);
    return totals[0]?.total ?? 0;
  }

  /** Whether only admins see billable rates in the workspace (the default), undefined for no such workspace. */
  async onlyAdminsSeeBillableRates(
    workspaceId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean | undefined> {
    const rows: { admins_only: boolean }[] = await manager.query(
      `SELECT coalesce((settings->>'onlyAdminsSeeBillableRates')::boolean, true) AS admins_only FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    return rows[0]?.admins_only;
  }

  async projectExists(
    workspaceId: string,
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM projects WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      projectId,
    ]);
    return rows.length > 0;
  }
}
