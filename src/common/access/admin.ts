import { sqlAlias } from './sql-ref';

/**
 * Workspace admins: OWNER or WORKSPACE_ADMIN. In code the rule is `isAdmin(roles)` (common/auth/roles,
 * computed once per request into `WorkspaceContext.isAdmin`); in SQL it is this.
 */
export function adminRoleSql(r: string): string {
  return `${sqlAlias(r, 'role alias')}.role IN ('OWNER', 'WORKSPACE_ADMIN')`;
}
