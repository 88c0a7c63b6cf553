import type { Request } from 'express';
import type { Role } from './roles';

/** Who is calling: a user through an API key, or an add-on through its token. */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      apiKeyId: string;
      /** The membership of the route's workspace, read with the key in the same query (`member` null: not a member). */
      membership?: { workspaceId: string; member: { status: string; roles: Role[] } | null };
    }
  | {
      kind: 'addon';
      userId: string;
      addonId: string;
      workspaceId: string;
      /** The manifest's scopes; null: full access (installed without a manifest). */
      scopes: string[] | null;
      /** A user token: acts as `userId` with that member's roles, not as an admin. */
      asMember: boolean;
    };

/** The workspace of a `/v1/workspaces/:workspaceId/...` route, checked by the workspace guard. */
export interface WorkspaceContext {
  workspaceId: string;
  /** The acting user (for an add-on: the member it acts for). */
  userId: string;
  roles: Role[];
  /** OWNER or WORKSPACE_ADMIN (add-ons act as admins of their workspace). */
  isAdmin: boolean;
  principal: Principal;
}

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  workspace?: WorkspaceContext;
}
