import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import type { TimeEntryReportTotalsDto } from '../detailed/dto/detailed-report.dto';
import { inReportTransaction, parseReportInstant, resolveReportScope, type ReportScope, weekBucket } from '../filter';
import type { WeeklyReportFilterDto } from './dto/weekly-report-filter.dto';
import type { WeeklyGroupDto, WeeklyReportDto } from './dto/weekly-report.dto';
import { LEVEL, type WeeklyAggRow, weeklyRows } from './weekly-report.store';

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
      const rows = await weeklyRows(manager, scope, filter, firstDay);
      const days = rows.filter((r) => r.level === LEVEL.DAY).map((r) => r.day ?? '');
      return {
        scope,
        days,
        report: assemble(filter.weeklyFilter.group === 'PROJECT', scope.amountShown !== null, days, rows),
      };
    });
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
        _id: key,
        id: r.g1 === null ? null : key,
        name,
        nameLowerCase: name.toLowerCase(),
        ...(byProject ? { clientName: r.g1_client ?? '', color: r.g1_color ?? '' } : {}),
        duration: 0,
        amount: showAmounts ? 0 : null,
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
  const groupOne = [...groups.values()].sort(
    (a, b) => a.nameLowerCase.localeCompare(b.nameLowerCase) || a._id.localeCompare(b._id),
  );
  const totalsByDay = rows
    .filter((r) => r.level === LEVEL.DAY)
    .map((r) => ({ date: r.day ?? '', duration: num(r.duration), amount: money(r.amount) }));
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
