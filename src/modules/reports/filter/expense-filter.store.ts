import { likePattern, SqlConditions } from '../../../common/utils/sql';
import {
  archivedFlag,
  containsCondition,
  type FlagFilters,
  flagConditions,
  type IdFilters,
  idFilterConditions,
  idsOrNull,
  visibilityCondition,
} from './report-conditions.store';
import type { ContainsArchivedFilterDto, ReportFilterBaseDto } from './report-filter.dto';
import type { ReportScope } from './report-scope.store';

/** The filter fields of the expense report (ExpenseReportFilterV1) that select expenses. */
export type ExpenseFilter = IdFilters &
  FlagFilters &
  Pick<ReportFilterBaseDto, 'currency'> & {
    categories?: ContainsArchivedFilterDto;
    note?: string;
    withoutNote?: boolean;
  };

/**
 * The expense report's WHERE over `expenses e`, the counterpart of
 * buildReportWhere (report-filter.store.ts) for time entries, built from the
 * same pieces (report-conditions.store.ts) so a filter means the same thing:
 *
 *   const scope = await resolveReportScope(manager, ws, body);
 *   const params: unknown[] = [];
 *   const where = buildExpenseWhere(scope, body, params);   // $1 is the workspace id
 *   await manager.query(`SELECT count(*) FROM expenses e WHERE ${where}`, params);
 *
 * - Range: expenses whose date (a calendar day) lies between the days of
 *   scope.start and scope.end in the report's time zone.
 * - Visibility, users/userGroups/projects/clients/tasks, billable,
 *   invoicingState, approvalState: as for time entries.
 * - categories: CONTAINS / CONTAINS_ONLY = one of the ids, DOES_NOT_CONTAIN = none;
 *   `status` keeps, of the ids, the active or archived categories.
 * - currency: expenses are in the workspace currency, so the filter keeps all
 *   of them or none.
 * - note (contains, case-insensitive), withoutNote (empty note).
 */
export function buildExpenseWhere(scope: ReportScope, filter: ExpenseFilter, params: unknown[]): string {
  const p = new SqlConditions(params).param;
  const ws = p(scope.workspaceId);
  const tz = p(scope.timeZone);
  const and: string[] = [
    `e.workspace_id = ${ws}`,
    `e.date >= (${p(scope.start)}::timestamptz AT TIME ZONE ${tz}::text)::date`,
    `e.date <= (${p(scope.end)}::timestamptz AT TIME ZONE ${tz}::text)::date`,
  ];
  const visible = visibilityCondition(scope, 'e', p);
  if (visible) and.push(visible);
  and.push(...idFilterConditions(filter, 'e', ws, p));

  const categories = idsOrNull(filter.categories?.ids);
  if (categories) {
    const archived = archivedFlag(filter.categories?.status);
    const set =
      archived === null
        ? `${p(categories)}::bpchar[]`
        : `ARRAY(SELECT x.id FROM expense_categories x WHERE x.workspace_id = ${ws}
          AND x.id = ANY(${p(categories)}::bpchar[]) AND x.archived = ${archived})`;
    and.push(containsCondition('e.category_id', filter.categories?.contains, set, false));
  }
  const currencies = idsOrNull(filter.currency?.ids);
  if (currencies) {
    const set = `${p(currencies.map((c) => c.toUpperCase()))}::text[]`;
    and.push(containsCondition(`${p(scope.currency.toUpperCase())}::text`, filter.currency?.contains, set, false));
  }
  if (filter.withoutNote) and.push(`e.notes = ''`);
  else if (filter.note) and.push(`e.notes ILIKE ${p(likePattern(filter.note))} ESCAPE '\\'`);
  and.push(...flagConditions(filter, 'e', p));
  return and.join('\n  AND ');
}
