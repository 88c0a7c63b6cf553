import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../../../common/utils/sql';
import { buildReportWhere, reportExprs, type ReportScope } from '../filter';
import type { WeeklyReportFilterDto } from './dto/weekly-report-filter.dto';

/** One group's figures on one local day of the week (sums as PostgreSQL's numeric text), with the group's names. */
export interface WeeklyCellRow {
  g1: string | null;
  day: string;
  duration: string;
  billable: string;
  entries: string;
  earned: string;
  cost: string;
  g1_name: string | null;
  g1_client: string | null;
  g1_color: string | null;
}

/**
 * The week's entries summed per group (user or project) and local day, in one plain GROUP BY; the names are joined
 * on the groups, not on the entries. Group, day and week totals are sums of these cells (the service adds them).
 */
export function weeklyCells(
  manager: EntityManager,
  scope: ReportScope,
  filter: WeeklyReportFilterDto,
  firstDay: string,
): Promise<WeeklyCellRow[]> {
  const params: unknown[] = [];
  const where = buildReportWhere(scope, filter, params);
  const x = reportExprs(scope);
  const p = new SqlConditions(params).param;
  const day = `${p(firstDay)}::date`;
  const tz = `${p(scope.timeZone)}::text`;
  const byProject = filter.weeklyFilter.group === 'PROJECT';
  // each entry's cost (or earned) is computed only when a shown amount needs it
  const types = new Set([scope.amountShown, ...scope.amountTypes]);
  const earned = types.has('EARNED') || types.has('PROFIT') ? `sum(${x.earned})` : '0';
  const cost = types.has('COST') || types.has('PROFIT') ? `sum(${x.cost})` : '0';
  const names = byProject
    ? `pr.name AS g1_name, cl.name AS g1_client, pr.color AS g1_color
         FROM cells LEFT JOIN projects pr ON pr.id = cells.g1 LEFT JOIN clients cl ON cl.id = pr.client_id`
    : `u.name AS g1_name, NULL AS g1_client, NULL AS g1_color FROM cells LEFT JOIN users u ON u.id = cells.g1`;
  const sql = `
      WITH cells AS (
        SELECT ${byProject ? 'te.project_id' : 'te.user_id'} AS g1, (te.start_at AT TIME ZONE ${tz})::date AS day,
               sum(${x.duration}) AS duration, sum(${x.billableDuration}) AS billable, count(*) AS entries,
               ${earned} AS earned, ${cost} AS cost
          FROM time_entries te
         WHERE ${where}
           AND te.start_at >= (${day})::timestamp AT TIME ZONE ${tz}
           AND te.start_at < (${day} + 7)::timestamp AT TIME ZONE ${tz}
         GROUP BY 1, 2
      )
      SELECT cells.g1, to_char(cells.day, 'YYYY-MM-DD') AS day, cells.duration, cells.billable, cells.entries,
             cells.earned, cells.cost, ${names}`;
  return manager.query(sql, params);
}
