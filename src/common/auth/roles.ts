import type { Role } from '../../modules/workspaces/entities/member-role.entity';

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
