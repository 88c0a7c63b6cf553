import type { WorkspaceContext } from '../auth/principal';
import { type Queryable, sqlRef } from './sql-ref';
import { isTeamManagerOf, teamManagerSql } from './team-manager';

/**
 * Who may act on a user's own data (time entries, expenses, time off, approvals): the user, a workspace
 * admin, or one of the user's team managers.
 */

/** In code, when whether the caller manages the user is already known (read in the same statement). */
export function mayActFor(ws: WorkspaceContext, userId: string, managed: boolean): boolean {
  return userId === ws.userId || ws.isAdmin || managed;
}

/** In code, reading the team-manager rule when it is needed (self and admins need no query). */
export async function mayActForUser(db: Queryable, ws: WorkspaceContext, userId: string): Promise<boolean> {
  if (userId === ws.userId || ws.isAdmin) return true;
  return isTeamManagerOf(db, ws, userId);
}

export interface ActForRefs {
  workspace: string;
  /** The acting user. */
  caller: string;
  /** The owner of the row (`te.user_id`). */
  user: string;
}

/**
 * SQL boolean for a non-admin caller: the row's user is the caller or in the caller's team. Admins see
 * everything: leave the condition out for them rather than passing a flag.
 */
export function mayActForSql({ workspace, caller, user }: ActForRefs): string {
  return `(${sqlRef(user, 'user')} = ${sqlRef(caller, 'caller')} OR ${teamManagerSql({ workspace, manager: caller, user })})`;
}
