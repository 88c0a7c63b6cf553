import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../../../common/utils/sql';
import type { TimeEntryReportTotalsDto } from '../detailed/dto/detailed-report.dto';
import { buildReportWhere, reportExprs, type ReportScope } from '../filter';
import { totalsObjectSql } from '../filter/report-totals.store';
import type { WeeklyReportFilterDto } from './dto/weekly-report-filter.dto';

/** GROUPING(g1, day) of each grouping set (a set bit = that column is aggregated away); 8: the totals object. */
export const LEVEL = { GROUP_DAY: 0, GROUP: 1, DAY: 2, TOTAL: 3, TOTALS_JSON: 8 } as const;

/** A grouping set's row of the weekly statement (`level` says which). */
export interface WeeklyAggRow {
  level: number;
  g1: string | null;
  day: string | null;
  duration: string;
  billable: string;
  entries: string;
  amount: string;
  earned: string;
  cost: string;
  profit: string;
  g1_name: string | null;
  g1_client: string | null;
  g1_color: string | null;
  totals: TimeEntryReportTotalsDto | null;
}

/**
 * The week's figures in one GROUP BY GROUPING SETS statement: per group and day, per group, per day, and the
 * totals object; the days come from generate_series in the report's zone, so a DST week still has 7 calendar days.
 */
export function weeklyRows(
  manager: EntityManager,
  scope: ReportScope,
  filter: WeeklyReportFilterDto,
  firstDay: string,
): Promise<WeeklyAggRow[]> {
  const params: unknown[] = [];
  const where = buildReportWhere(scope, filter, params);
  const x = reportExprs(scope);
  const p = new SqlConditions(params).param;
  const day = `${p(firstDay)}::date`;
  const tz = `${p(scope.timeZone)}::text`;
  const byProject = filter.weeklyFilter.group === 'PROJECT';
  const showAmount = scope.amountShown ? '0' : 'NULL';
  const g1 = byProject ? 'te.project_id' : 'te.user_id';
  const projectCols = (col: string, prefix: string) =>
    `(SELECT p.name FROM projects p WHERE p.id = ${col}) AS ${prefix}_name,
       (SELECT c.name FROM projects p JOIN clients c ON c.id = p.client_id WHERE p.id = ${col}) AS ${prefix}_client,
       (SELECT p.color FROM projects p WHERE p.id = ${col}) AS ${prefix}_color`;
  const userCols = (col: string, prefix: string) =>
    `(SELECT u.name FROM users u WHERE u.id = ${col}) AS ${prefix}_name, NULL AS ${prefix}_client, NULL AS ${prefix}_color`;
  const sql = `
      WITH e AS (
        SELECT ${g1} AS g1, (te.start_at AT TIME ZONE ${tz})::date AS day,
               ${x.duration} AS duration, ${x.billableDuration} AS billable, ${x.amount} AS amount,
               ${x.earned} AS earned, ${x.cost} AS cost, ${x.profit} AS profit
          FROM time_entries te
         WHERE ${where}
           AND te.start_at >= (${day})::timestamp AT TIME ZONE ${tz}
           AND te.start_at < (${day} + 7)::timestamp AT TIME ZONE ${tz}
      ), agg AS (
        SELECT GROUPING(g1, day) AS level, g1, day,
               sum(duration) AS duration, sum(billable) AS billable, count(*) AS entries,
               sum(amount) AS amount, sum(earned) AS earned, sum(cost) AS cost, sum(profit) AS profit
          FROM e
         GROUP BY GROUPING SETS ((g1, day), (g1), (day), ())
      ), days AS (
        SELECT d::date AS day FROM generate_series(${day}::timestamp, (${day} + 6)::timestamp, interval '1 day') AS d
      )
      SELECT ${LEVEL.DAY} AS level, NULL AS g1, to_char(days.day, 'YYYY-MM-DD') AS day,
             coalesce(a.duration, 0) AS duration, coalesce(a.billable, 0) AS billable, coalesce(a.entries, 0) AS entries,
             coalesce(a.amount, ${showAmount}) AS amount, coalesce(a.earned, 0) AS earned, coalesce(a.cost, 0) AS cost, coalesce(a.profit, 0) AS profit,
             NULL AS g1_name, NULL AS g1_client, NULL AS g1_color, NULL::json AS totals
        FROM days LEFT JOIN agg a ON a.level = ${LEVEL.DAY} AND a.day = days.day
      UNION ALL
      SELECT a.level, a.g1, to_char(a.day, 'YYYY-MM-DD'), a.duration, a.billable, a.entries, a.amount, a.earned, a.cost, a.profit,
             ${byProject ? projectCols('a.g1', 'g1') : userCols('a.g1', 'g1')}, NULL::json
        FROM agg a WHERE a.level NOT IN (${LEVEL.DAY}, ${LEVEL.TOTAL})
      UNION ALL
      SELECT ${LEVEL.TOTALS_JSON}, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL,
             (SELECT ${totalsObjectSql(scope, { duration: 'sum(duration)', billableDuration: 'sum(billable)', count: 'count(*)', earned: 'sum(earned)', cost: 'sum(cost)' })} FROM e)
      ORDER BY 1, 3`;
  return manager.query(sql, params);
}
