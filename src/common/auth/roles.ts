/** The roles a member may hold in a workspace, as Clockify names them (a plain member holds none). */
export const ROLES = ['OWNER', 'WORKSPACE_ADMIN', 'TEAM_MANAGER', 'PROJECT_MANAGER'] as const;
export type Role = (typeof ROLES)[number];

export function isAdmin(roles: readonly Role[]): boolean {
  return roles.includes('OWNER') || roles.includes('WORKSPACE_ADMIN');
}

/**
 * Whether a member with `roles` passes a route that needs one of `required`.
 * Admins pass every check except an owner-only one; no requirement passes everyone.
 */
export function satisfiesRoles(roles: readonly Role[], required: readonly Role[] | undefined): boolean {
  if (!required?.length) return true;
  if (required.some((role) => roles.includes(role))) return true;
  return isAdmin(roles) && required.some((role) => role !== 'OWNER');
}
