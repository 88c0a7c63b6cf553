/**
 * Clockify's add-on scopes, and which one each API operation needs: the one
 * table the scope guard reads. A route is matched by its path template (as
 * Nest registers it) and read/write by method; reports are read whatever the
 * method (they are POSTs in the reference).
 */
export const ADDON_SCOPES = [
  'APPROVAL_READ',
  'APPROVAL_WRITE',
  'CLIENT_READ',
  'CLIENT_WRITE',
  'CUSTOM_FIELDS_READ',
  'CUSTOM_FIELDS_WRITE',
  'EXPENSE_READ',
  'EXPENSE_WRITE',
  'GROUP_READ',
  'GROUP_WRITE',
  'INVOICE_READ',
  'INVOICE_WRITE',
  'PROJECT_READ',
  'PROJECT_WRITE',
  'REPORTS_READ',
  'REPORTS_WRITE',
  'SCHEDULING_READ',
  'SCHEDULING_WRITE',
  'TAG_READ',
  'TAG_WRITE',
  'TASK_READ',
  'TASK_WRITE',
  'TIME_ENTRY_READ',
  'TIME_ENTRY_WRITE',
  'TIME_OFF_READ',
  'TIME_OFF_WRITE',
  'USER_READ',
  'USER_WRITE',
  'WORKSPACE_READ',
  'WORKSPACE_WRITE',
] as const;
export type AddonScope = (typeof ADDON_SCOPES)[number];

type Area =
  | 'APPROVAL'
  | 'CLIENT'
  | 'CUSTOM_FIELDS'
  | 'EXPENSE'
  | 'GROUP'
  | 'INVOICE'
  | 'PROJECT'
  | 'REPORTS'
  | 'SCHEDULING'
  | 'TAG'
  | 'TASK'
  | 'TIME_ENTRY'
  | 'TIME_OFF'
  | 'USER'
  | 'WORKSPACE';

/** Marks routes open to every add-on token whatever its scopes (its own installation's settings, user tokens). */
export const NO_SCOPE = 'NONE';

const WS = '^/v1/workspaces/:workspaceId';

/**
 * First match wins, so nested resources come before their parents
 * (`/projects/:projectId/tasks` is TASK, not PROJECT). `readOnly` areas need
 * `_READ` for every method.
 */
const TABLE: { pattern: RegExp; area: Area | typeof NO_SCOPE; readOnly?: boolean }[] = [
  { pattern: new RegExp(`${WS}/addons/:addonId/(settings|users/:userId/token)$`), area: NO_SCOPE },
  { pattern: new RegExp(`${WS}/reports(/|$)`), area: 'REPORTS', readOnly: true },
  { pattern: new RegExp(`${WS}/shared-reports(/|$)`), area: 'REPORTS' },
  { pattern: /^\/v1\/shared-reports(\/|$)/, area: 'REPORTS', readOnly: true },
  { pattern: new RegExp(`${WS}/projects/:projectId/tasks(/|$)`), area: 'TASK' },
  { pattern: new RegExp(`${WS}/projects/:projectId/custom-fields(/|$)`), area: 'CUSTOM_FIELDS' },
  { pattern: new RegExp(`${WS}/projects(/|$)`), area: 'PROJECT' },
  { pattern: new RegExp(`${WS}/clients(/|$)`), area: 'CLIENT' },
  { pattern: new RegExp(`${WS}/tags(/|$)`), area: 'TAG' },
  {
    pattern: new RegExp(`${WS}/(time-entries|user/:userId/time-entries|users/:userId/time-entries|templates)(/|$)`),
    area: 'TIME_ENTRY',
  },
  { pattern: new RegExp(`${WS}/(user-groups|groups)(/|$)`), area: 'GROUP' },
  { pattern: new RegExp(`${WS}/custom-fields(/|$)`), area: 'CUSTOM_FIELDS' },
  { pattern: new RegExp(`${WS}/expenses(/|$)`), area: 'EXPENSE' },
  { pattern: new RegExp(`${WS}/invoices(/|$)`), area: 'INVOICE' },
  { pattern: new RegExp(`${WS}/approval-requests(/|$)`), area: 'APPROVAL' },
  { pattern: new RegExp(`${WS}/(time-off|holidays|balance)(/|$)`), area: 'TIME_OFF' },
  { pattern: new RegExp(`${WS}/scheduling(/|$)`), area: 'SCHEDULING' },
  { pattern: new RegExp(`${WS}/(users|member-profile)(/|$)`), area: 'USER' },
  { pattern: /^\/v1\/(user|file\/image)(\/|$)/, area: 'USER' },
  // Webhooks, add-ons, rates, change feed and the workspace itself: the workspace.
  { pattern: new RegExp(`${WS}(/|$)`), area: 'WORKSPACE' },
  { pattern: /^\/v1\/workspaces$/, area: 'WORKSPACE' },
];

/**
 * The scope an operation needs: `NO_SCOPE` when any add-on token may call it,
 * null when the route is not in the table (refused to add-ons with scopes).
 */
export function requiredScope(method: string, routePath: string): AddonScope | typeof NO_SCOPE | null {
  const row = TABLE.find((r) => r.pattern.test(routePath));
  if (!row) return null;
  if (row.area === NO_SCOPE) return NO_SCOPE;
  const read = row.readOnly || ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
  return `${row.area}_${read ? 'READ' : 'WRITE'}`;
}
