import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import type { TimeEntryReportTotalsDto } from '../detailed/dto/detailed-report.dto';
import { buildReportWhere, inReportTransaction, parseReportInstant, reportExprs, resolveReportScope, type ReportScope, weekBucket } from '../filter';
import { totalsObjectSql } from '../filter/report-totals.store';
import type { WeeklyReportFilterDto } from './dto/weekly-report-filter.dto';
import type { WeeklyGroupDto, WeeklyReportDto } from './dto/weekly-report.dto';

/** GROUPING(g1, day) of each grouping set (a set bit = that column is aggregated away); 8: the totals object. */
const LEVEL = { GROUP_DAY: 0, GROUP: 1, DAY: 2, TOTAL: 3, TOTALS_JSON: 8 } as const;

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

/** The week computed for a filter: its first day and its 7 days (YYYY-MM-DD, in the report's zone). */
export interface WeeklyResult {
  scope: ReportScope;
  days: string[];
  report: WeeklyReportDto;
}

/**
 * The weekly report: the whole week (starting on weekStart, in timeZone) holding
 * dateRangeStart (dateRangeEnd does not cut it short), one row per user or
 * per project (subgroup TIME: durations), each with its 7 days. Every figure is one grouping set
 * of a single GROUP BY GROUPING SETS query; the days come from generate_series
 * in the report's zone, so a DST week still has 7 calendar days.
 */
@Injectable()
export class WeeklyReportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  async report(ws: WorkspaceContext, filter: WeeklyReportFilterDto): Promise<WeeklyReportDto> {
    return (await this.compute(ws, filter)).report;
  }

  async compute(ws: WorkspaceContext, filter: WeeklyReportFilterDto): Promise<WeeklyResult> {
    return inReportTransaction(this.dataSource, async (manager) => {
      const resolved = await resolveReportScope(manager, ws, filter);
      const firstDay = weekBucket(resolved.start, resolved.timeZone, resolved.weekStart);
      const scope = { ...resolved, ...weekRange(firstDay, resolved.timeZone) };
      const rows = await this.query(manager, scope, filter, firstDay);
      const days = rows.filter((r) => r.level === LEVEL.DAY).map((r) => r.day ?? '');
      return { scope, days, report: assemble(filter.weeklyFilter.group === 'PROJECT', scope.amountShown !== null, days, rows) };
    });
  }

  private query(manager: EntityManager, scope: ReportScope, filter: WeeklyReportFilterDto, firstDay: string): Promise<WeeklyAggRow[]> {
    const params: unknown[] = [];
    const where = buildReportWhere(scope, filter, params);
    const x = reportExprs(scope);
    params.push(firstDay, scope.timeZone);
    const day = `$${params.length - 1}::date`;
    const tz = `$${params.length}::text`;
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
}

/** The whole week (the range of the report, whatever dateRangeEnd says): its first local midnight to the next week's, exclusive. */
function weekRange(firstDay: string, timeZone: string): { start: Date; end: Date } {
  const next = new Date(Date.parse(`${firstDay}T00:00:00Z`) + 7 * 86400_000).toISOString().slice(0, 10);
  const start = parseReportInstant(`${firstDay}T00:00:00`, timeZone) as Date;
  const end = new Date((parseReportInstant(`${next}T00:00:00`, timeZone) as Date).getTime() - 1);
  return { start, end };
}

const num = (v: string | null | undefined) => Number(v ?? 0);

function assemble(byProject: boolean, showAmounts: boolean, days: string[], rows: WeeklyAggRow[]): WeeklyReportDto {
  const money = (v: string | null | undefined) => (showAmounts ? num(v) : null);
  const groups = new Map<string, WeeklyGroupDto>();
  const group = (r: WeeklyAggRow): WeeklyGroupDto => {
    const key = r.g1?.trim() ?? '';
    let g = groups.get(key);
    if (!g) {
      const name = r.g1_name ?? (byProject ? 'Without project' : '');
      g = {
        _id: key, id: r.g1 === null ? null : key, name, nameLowerCase: name.toLowerCase(),
        ...(byProject ? { clientName: r.g1_client ?? '', color: r.g1_color ?? '' } : {}),
        duration: 0, amount: showAmounts ? 0 : null,
        days: days.map((date) => ({ date, duration: 0, amount: showAmounts ? 0 : null })),
      };
      groups.set(key, g);
    }
    return g;
  };
  let totals: TimeEntryReportTotalsDto | null = null;
  for (const r of rows) {
    if (r.level === LEVEL.GROUP_DAY) {
      const slot = group(r).days.find((d) => d.date === r.day);
      if (slot) Object.assign(slot, { duration: num(r.duration), amount: money(r.amount) });
    } else if (r.level === LEVEL.GROUP) Object.assign(group(r), { duration: num(r.duration), amount: money(r.amount) });
    else if (r.level === LEVEL.TOTALS_JSON) totals = r.totals;
  }
  const groupOne = [...groups.values()].sort((a, b) => a.nameLowerCase.localeCompare(b.nameLowerCase) || a._id.localeCompare(b._id));
  const totalsByDay = rows.filter((r) => r.level === LEVEL.DAY).map((r) => ({ date: r.day ?? '', duration: num(r.duration), amount: money(r.amount) }));
  return {
    groupOne,
    totals: totals ? [totals] : [],
    totalsByDay,
    decimalFormat: false,
    includeUsersWithoutTime: false,
    trackTimeDownToSeconds: true,
    usersWithoutTime: [],
  };
}
