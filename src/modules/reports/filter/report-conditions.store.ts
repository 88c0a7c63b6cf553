import type { SqlConditions } from '../../../common/utils/sql';
import type { ContainsType, ReportFilterBaseDto } from './report-filter.dto';
import type { ReportScope } from './report-scope.store';

/**
 * The pieces of report WHERE clauses that time entries and expenses share:
 * both tables have `workspace_id`, `user_id`, `project_id`, `task_id`,
 * `billable`, `invoiced` and `approval_status`, so each function takes the
 * table alias (`te`, `e`) and a placeholder function that pushes a parameter.
 */

/** Pushes a value onto the statement's parameters and answers its placeholder (`$n`): `SqlConditions.param`. */
export type ParamFn = SqlConditions['param'];

/** The filter fields selecting by related ids. */
export type IdFilters = Pick<ReportFilterBaseDto, 'users' | 'userGroups' | 'projects' | 'clients' | 'tasks'>;
/** The filter fields on flags. */
export type FlagFilters = Pick<ReportFilterBaseDto, 'billable' | 'invoicingState' | 'approvalState'>;

/** CONTAINS / CONTAINS_ONLY: `col` in the set; DOES_NOT_CONTAIN: not in it (NULL included when `nullable`). */
export function containsCondition(
  col: string,
  contains: ContainsType | undefined,
  set: string,
  nullable: boolean,
): string {
  if (contains === 'DOES_NOT_CONTAIN')
    return nullable ? `(${col} IS NULL OR NOT ${col} = ANY(${set}))` : `NOT ${col} = ANY(${set})`;
  return `${col} = ANY(${set})`;
}

/** The list, or null when missing or empty (no condition). */
export function idsOrNull(list: string[] | undefined): string[] | null {
  return list?.length ? list : null;
}

export function memberStatuses(status: string | undefined): string[] | null {
  switch (status) {
    case 'ACTIVE':
      return ['ACTIVE'];
    case 'PENDING':
      return ['PENDING'];
    case 'INACTIVE':
      return ['INACTIVE', 'DECLINED'];
    case 'ACTIVE_WITH_PENDING':
      return ['ACTIVE', 'PENDING'];
    default:
      return null;
  }
}

export function archivedFlag(status: string | undefined): boolean | null {
  return status === 'ACTIVE' ? false : status === 'ARCHIVED' ? true : null;
}

/**
 * What a member may see (scope.visibility): their own rows, their team's and,
 * where the workspace allows, those on the projects they may see. Null for
 * admins (no condition).
 */
export function visibilityCondition(scope: ReportScope, alias: string, p: ParamFn): string | null {
  if (!scope.visibility) return null;
  const own = [`${alias}.user_id = ${p(scope.userId)}`];
  if (scope.visibility.teamUserIds.length)
    own.push(`${alias}.user_id = ANY(${p(scope.visibility.teamUserIds)}::bpchar[])`);
  if (scope.visibility.projectIds?.length)
    own.push(`${alias}.project_id = ANY(${p(scope.visibility.projectIds)}::bpchar[])`);
  return `(${own.join(' OR ')})`;
}

/**
 * users / userGroups / projects / clients / tasks over `alias` (see the
 * contains rules in report-filter.store.ts); `ws` is the workspace placeholder.
 */
export function idFilterConditions(filter: IdFilters, alias: string, ws: string, p: ParamFn): string[] {
  const and: string[] = [];
  const users = idsOrNull(filter.users?.ids);
  if (users) {
    const statuses = memberStatuses(filter.users?.status);
    const set = statuses
      ? `ARRAY(SELECT m.user_id FROM workspace_members m WHERE m.workspace_id = ${ws}
        AND m.user_id = ANY(${p(users)}::bpchar[]) AND m.status = ANY(${p(statuses)}::text[]))`
      : `${p(users)}::bpchar[]`;
    and.push(containsCondition(`${alias}.user_id`, filter.users?.contains, set, false));
  }
  const groups = idsOrNull(filter.userGroups?.ids);
  if (groups) {
    const set = `ARRAY(SELECT ugm.user_id FROM user_group_members ugm WHERE ugm.workspace_id = ${ws}
      AND ugm.user_group_id = ANY(${p(groups)}::bpchar[]))`;
    and.push(containsCondition(`${alias}.user_id`, filter.userGroups?.contains, set, false));
  }
  const projects = idsOrNull(filter.projects?.ids);
  if (projects) {
    const archived = archivedFlag(filter.projects?.status);
    const set =
      archived === null
        ? `${p(projects)}::bpchar[]`
        : `ARRAY(SELECT x.id FROM projects x WHERE x.workspace_id = ${ws} AND x.id = ANY(${p(projects)}::bpchar[]) AND x.archived = ${archived})`;
    and.push(containsCondition(`${alias}.project_id`, filter.projects?.contains, set, true));
  }
  const clients = idsOrNull(filter.clients?.ids);
  if (clients) {
    const archived = archivedFlag(filter.clients?.status);
    const set = `ARRAY(SELECT x.id FROM projects x JOIN clients c ON c.id = x.client_id WHERE x.workspace_id = ${ws}
      AND x.client_id = ANY(${p(clients)}::bpchar[])${archived === null ? '' : ` AND c.archived = ${archived}`})`;
    and.push(containsCondition(`${alias}.project_id`, filter.clients?.contains, set, true));
  }
  const tasks = idsOrNull(filter.tasks?.ids);
  if (tasks) {
    const status = filter.tasks?.status === 'ACTIVE' ? 'ACTIVE' : filter.tasks?.status === 'ARCHIVED' ? 'DONE' : null;
    const set =
      status === null
        ? `${p(tasks)}::bpchar[]`
        : `ARRAY(SELECT x.id FROM tasks x WHERE x.workspace_id = ${ws} AND x.id = ANY(${p(tasks)}::bpchar[]) AND x.status = '${status}')`;
    and.push(containsCondition(`${alias}.task_id`, filter.tasks?.contains, set, true));
  }
  return and;
}

/** billable, invoicingState (INVOICED / UNINVOICED), approvalState (APPROVED = approval_status 'APPROVED'). */
export function flagConditions(filter: FlagFilters, alias: string, p: ParamFn): string[] {
  const and: string[] = [];
  if (filter.billable !== undefined) and.push(`${alias}.billable = ${p(filter.billable)}`);
  if (filter.invoicingState === 'INVOICED') and.push(`${alias}.invoiced`);
  if (filter.invoicingState === 'UNINVOICED') and.push(`NOT ${alias}.invoiced`);
  if (filter.approvalState === 'APPROVED') and.push(`${alias}.approval_status = 'APPROVED'`);
  if (filter.approvalState === 'UNAPPROVED') and.push(`${alias}.approval_status IS DISTINCT FROM 'APPROVED'`);
  return and;
}
