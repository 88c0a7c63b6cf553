import type { WorkspaceContext } from '../auth/principal';
import { type Queryable, sqlAlias, sqlRef } from './sql-ref';

/**
 * Team managers. A member is a team manager of a user through a `member_roles` row with role TEAM_MANAGER
 * whose `entity_id` is the user (`source_type` NULL) or a user group the user belongs to (`source_type`
 * USER_GROUP). This file is the only place that spells the rule out.
 */

/** SQL: `member_roles` row `r` makes its user a team manager of one user (`r.entity_id` is the user). */
export function managesUserRoleSql(r: string): string {
  const a = sqlAlias(r, 'role alias');
  return `${a}.role = 'TEAM_MANAGER' AND ${a}.source_type IS NULL`;
}

/** SQL: `member_roles` row `r` makes its user a team manager of a user group (`r.entity_id` is the group). */
export function managesGroupRoleSql(r: string): string {
  const a = sqlAlias(r, 'role alias');
  return `${a}.role = 'TEAM_MANAGER' AND ${a}.source_type = 'USER_GROUP'`;
}

export interface TeamManagerRefs {
  /** The workspace (`$1`, `w.id`, `m.workspace_id`). */
  workspace: string;
  /** The member who would be the manager. */
  manager: string;
  /** The user who would be managed. */
  user: string;
}

/** SQL boolean: is `user` in the team of `manager` (managed directly, or through a group the user is in)? */
export function teamManagerSql({ workspace, manager, user }: TeamManagerRefs): string {
  const ws = sqlRef(workspace, 'workspace');
  const mgr = sqlRef(manager, 'manager');
  const usr = sqlRef(user, 'user');
  return `EXISTS (SELECT 1 FROM member_roles mr
     WHERE mr.workspace_id = ${ws} AND mr.user_id = ${mgr} AND mr.role = 'TEAM_MANAGER'
       AND ((mr.source_type IS NULL AND mr.entity_id = ${usr})
         OR (mr.source_type = 'USER_GROUP' AND EXISTS (SELECT 1 FROM user_group_members ugm
              WHERE ugm.workspace_id = ${ws} AND ugm.user_group_id = mr.entity_id AND ugm.user_id = ${usr}))))`;
}

/** SQL: the ids (`user_id`) of the users in the team of `manager`, as a set (for `IN (…)` or a list). */
export function teamUserIdsSql({ workspace, manager }: Omit<TeamManagerRefs, 'user'>): string {
  const ws = sqlRef(workspace, 'workspace');
  const mgr = sqlRef(manager, 'manager');
  return `SELECT mr.entity_id AS user_id FROM member_roles mr
      WHERE mr.workspace_id = ${ws} AND mr.user_id = ${mgr} AND ${managesUserRoleSql('mr')}
     UNION
     SELECT ugm.user_id FROM member_roles mr JOIN user_group_members ugm ON ugm.workspace_id = mr.workspace_id AND ugm.user_group_id = mr.entity_id
      WHERE mr.workspace_id = ${ws} AND mr.user_id = ${mgr} AND ${managesGroupRoleSql('mr')}`;
}

/** Whether the caller is a team manager of `userId` (of the user, or of a group the user is in). */
export async function isTeamManagerOf(db: Queryable, ws: WorkspaceContext, userId: string): Promise<boolean> {
  const rows = (await db.query(`SELECT ${teamManagerSql({ workspace: '$1', manager: '$2', user: '$3' })} AS managed`, [
    ws.workspaceId,
    ws.userId,
    userId,
  ])) as { managed: boolean }[];
  return rows[0]?.managed === true;
}
