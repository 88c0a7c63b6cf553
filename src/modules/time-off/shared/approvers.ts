import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';

/** SQL: whether user `$managerParam` is a team manager of user `$userParam` (directly or through a group). */
export function managesSql(managerParam: string, userParam: string, wsParam = '$1'): string {
  return `EXISTS (SELECT 1 FROM member_roles mgr
             WHERE mgr.workspace_id = ${wsParam} AND mgr.user_id = ${managerParam} AND mgr.role = 'TEAM_MANAGER'
               AND ((mgr.source_type IS NULL AND mgr.entity_id = ${userParam})
                 OR (mgr.source_type = 'USER_GROUP' AND mgr.entity_id IN (
                      SELECT mgm.user_group_id FROM user_group_members mgm WHERE mgm.workspace_id = ${wsParam} AND mgm.user_id = ${userParam}))))`;
}

export async function isTeamManagerOf(manager: EntityManager, ws: WorkspaceContext, userId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 WHERE ${managesSql('$2', '$3')}`, [ws.workspaceId, ws.userId, userId]);
  return rows.length > 0;
}

export interface ApproveSettings {
  teamManagers?: boolean;
  specificMembers?: boolean;
  userIds?: string[];
}

/**
 * Who approves a request of `userId` in a policy: admins always; the user's
 * team managers when the policy says teamManagers; the listed members when it
 * says specificMembers. Nobody approves their own request unless an admin.
 */
export async function canApprove(manager: EntityManager, ws: WorkspaceContext, approve: ApproveSettings, userId: string): Promise<boolean> {
  if (ws.isAdmin) return true;
  if (ws.userId === userId) return false;
  if (approve.specificMembers && approve.userIds?.includes(ws.userId)) return true;
  return Boolean(approve.teamManagers) && isTeamManagerOf(manager, ws, userId);
}
