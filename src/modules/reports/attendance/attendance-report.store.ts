import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../../../common/utils/sql';
import { buildReportWhere, reportExprs } from '../filter';
import type { ReportScope } from '../filter/report-scope.store';
import type {
  AttendanceReportFilterDto,
  CompareDurationFilterDto,
  CompareTimeFilterDto,
} from './dto/attendance-report-filter.dto';

/** A user's day in the attendance report. */
export interface AttendanceRow {
  user_id: string;
  user_name: string;
  image_url: string;
  day: string;
  first_start: Date;
  last_end: Date;
  work: string;
  break: string;
  capacity: string;
  overtime: string;
  remaining: string;
  time_off: string;
  running: boolean;
}

const SORT_SQL: Record<string, string> = {
  USER: 'lower(user_name)',
  DATE: 'day',
  START: 'first_start',
  END: 'last_end',
  BREAK: 'break',
  WORK: 'work',
  CAPACITY: 'capacity',
  OVERTIME: 'overtime',
  TIME_OFF: 'time_off',
};
const COMPARE_SQL = { EXACTLY: '=', LARGER_THAN: '>', SMALLER_THAN: '<' } as const;

/** The report's rows: per user per day, filtered, sorted and paged in the one statement. */
export async function attendanceRows(
  manager: EntityManager,
  scope: ReportScope,
  filter: AttendanceReportFilterDto,
): Promise<AttendanceRow[]> {
  const params: unknown[] = [];
  const where = buildReportWhere(scope, filter, params, { includeRunning: true });
  const x = reportExprs(scope, { includeRunning: true });
  const p = new SqlConditions(params).param;
  const tz = `${p(scope.timeZone)}::text`;
  const af = filter.attendanceFilter;
  const withTimeOff = af.hasTimeOff === true;
  const conditions = [
    ...timeConditions('first_start', af.startFilters, tz, p),
    ...timeConditions('last_end', af.endFilters, tz, p),
    ...durationConditions('break', af.breakFilters, p),
    ...durationConditions('work', af.workFilters, p),
    ...durationConditions('capacity', af.capacityFilters, p),
    ...durationConditions('overtime', af.overtimeFilters, p),
  ];
  const order = filter.sortOrder === 'DESCENDING' ? 'DESC' : 'ASC';
  const sort = SORT_SQL[af.sortColumn ?? 'USER'];
  const pageSize = af.pageSize ?? 50;
  const offset = ((af.page ?? 1) - 1) * pageSize;
  const rows: AttendanceRow[] = await manager.query(
    `WITH e AS (
           SELECT te.user_id, (te.start_at AT TIME ZONE ${tz})::date AS day, te.start_at, coalesce(te.end_at, now()) AS end_at,
                  te.end_at IS NULL AS running, te.type IN ('TIME_OFF', 'HOLIDAY') AS off, te.type, ${x.duration} AS duration
             FROM time_entries te
            WHERE ${where}${withTimeOff ? '' : ` AND te.type NOT IN ('TIME_OFF', 'HOLIDAY')`}
         ), w AS (
           SELECT e.*, max(e.end_at) OVER (PARTITION BY e.user_id, e.day, e.off ORDER BY e.start_at, e.end_at
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
             FROM e
         ), d AS (
           SELECT w.user_id, w.day,
                  coalesce(min(w.start_at) FILTER (WHERE NOT w.off), min(w.start_at)) AS first_start,
                  coalesce(max(w.end_at) FILTER (WHERE NOT w.off), max(w.end_at)) AS last_end,
                  coalesce(sum(w.duration) FILTER (WHERE w.type = 'REGULAR'), 0) AS work,
                  CASE WHEN bool_or(w.type = 'BREAK') THEN sum(w.duration) FILTER (WHERE w.type = 'BREAK')
                       ELSE coalesce(sum(greatest(0, extract(epoch FROM w.start_at - w.prev_end))::bigint) FILTER (WHERE NOT w.off), 0) END AS break,
                  coalesce(sum(w.duration) FILTER (WHERE w.off), 0) AS time_off,
                  bool_or(w.running) AS running
             FROM w GROUP BY w.user_id, w.day
         ), r AS (
           SELECT d.*, u.name AS user_name, coalesce(u.profile_picture, '') AS image_url,
                  CASE WHEN trim(to_char(d.day, 'DAY')) = ANY(m.working_days) THEN m.work_capacity ELSE 0 END AS capacity
             FROM d
             JOIN users u ON u.id = d.user_id
             JOIN workspace_members m ON m.workspace_id = ${p(scope.workspaceId)} AND m.user_id = d.user_id
         ), f AS (
           SELECT r.*, greatest(0, r.work + r.time_off - r.capacity) AS overtime, greatest(0, r.capacity - r.work - r.time_off) AS remaining
             FROM r
         )
         SELECT f.user_id, f.user_name, f.image_url, to_char(f.day, 'YYYY-MM-DD') AS day, f.first_start, f.last_end, f.work, f.break,
                f.capacity, f.overtime, f.remaining, f.time_off, f.running
           FROM f
          ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY ${sort} ${order}, f.day ${order}, lower(f.user_name), f.user_id
          LIMIT ${p(pageSize)} OFFSET ${p(offset)}`,
    params,
  );
  return rows;
}

/** Start/end filters: the time of day in the report's zone, to the minute. */
function timeConditions(
  col: string,
  filters: CompareTimeFilterDto[] | undefined,
  tz: string,
  p: (v: unknown) => string,
): string[] {
  return (filters ?? []).map(
    (f) =>
      `date_trunc('minute', (f.${col} AT TIME ZONE ${tz})::time) ${COMPARE_SQL[f.filtrationType]} ${p(f.value)}::time`,
  );
}

/** Duration filters: values are hours × 100 ("750" = 7.5 h = 27000 s); EXACTLY compares at that precision. */
function durationConditions(
  col: string,
  filters: CompareDurationFilterDto[] | undefined,
  p: (v: unknown) => string,
): string[] {
  return (filters ?? []).map((f) =>
    f.filtrationType === 'EXACTLY'
      ? `round(f.${col} / 36.0) = ${p(Number(f.value))}`
      : `f.${col} ${COMPARE_SQL[f.filtrationType]} ${p(Number(f.value) * 36)}`,
  );
}
