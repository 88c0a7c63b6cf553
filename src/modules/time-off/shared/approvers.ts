import type { EntityManager } from 'typeorm';
import { isTeamManagerOf } from '../../../common/access';
import type { WorkspaceContext } from '../../../common/auth/principal';

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
export async function canApprove(
  manager: EntityManager,
  ws: WorkspaceContext,
  approve: ApproveSettings,
  userId: string,
): Promise<boolean> {
  if (ws.isAdmin) return true;
  if (ws.userId === userId) return false;
  if (approve.specificMembers && approve.userIds?.includes(ws.userId)) return true;
  return Boolean(approve.teamManagers) && isTeamManagerOf(manager, ws, userId);
}
