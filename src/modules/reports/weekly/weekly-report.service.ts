import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import type { TimeEntryReportTotalsDto } from '../detailed/dto/detailed-report.dto';
import {
  inReportSession,
  parseReportInstant,
  resolveReportScope,
  type ReportScope,
  type ShownAmount,
  weekBucket,
} from '../filter';
import type { WeeklyReportFilterDto } from './dto/weekly-report-filter.dto';
import type { WeeklyGroupDto, WeeklyReportDto } from './dto/weekly-report.dto';
import { type WeeklyCellRow, weeklyCells } from './weekly-report.store';

/** The week computed for a filter: its first day and its 7 days (YYYY-MM-DD, in the report's zone). */
export interface WeeklyResult {
  scope: ReportScope;
  days: string[];
  report: WeeklyReportDto;
}

/**
 * The weekly report: the whole week (starting on weekStart, in timeZone) holding
 * dateRangeStart (dateRangeEnd does not cut it short), one row per user or
 * per project (subgroup TIME: durations), each with its 7 days. One GROUP BY per group and local day
 * reads the entries; every other figure is a sum of those cells.
 */
@Injectable()
export class WeeklyReportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  async report(ws: WorkspaceContext, filter: WeeklyReportFilterDto): Promise<WeeklyReportDto> {
    return (await this.compute(ws, filter)).report;
  }

  async compute(ws: WorkspaceContext, filter: WeeklyReportFilterDto): Promise<WeeklyResult> {
    return inReportSession(this.dataSource, async (manager) => {
      const resolved = await resolveReportScope(manager, ws, filter);
      const firstDay = weekBucket(resolved.start, resolved.timeZone, resolved.weekStart);
      const scope = { ...resolved, ...weekRange(firstDay, resolved.timeZone) };
      const cells = await weeklyCells(manager, scope, filter, firstDay);
      const days = weekDays(firstDay);
      return { scope, days, report: assemble(filter.weeklyFilter.group === 'PROJECT', scope, days, cells) };
    });
  }
}

/** The week's 7 calendar dates from its first (a DST week still has 7). */
function weekDays(firstDay: string): string[] {
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  return Array.from({ length: 7 }, (_, i) => new Date(first + i * 86400_000).toISOString().slice(0, 10));
}

/** The whole week (the range of the report, whatever dateRangeEnd says): its first local midnight to the next week's, exclusive. */
function weekRange(firstDay: string, timeZone: string): { start: Date; end: Date } {
  const next = new Date(Date.parse(`${firstDay}T00:00:00Z`) + 7 * 86400_000).toISOString().slice(0, 10);
  const start = parseReportInstant(`${firstDay}T00:00:00`, timeZone) as Date;
  const end = new Date((parseReportInstant(`${next}T00:00:00`, timeZone) as Date).getTime() - 1);
  return { start, end };
}

/** The amount of a type from earned and cost (cents). */
function amountOf(type: ShownAmount, earned: number, cost: number): number {
  return type === 'EARNED' ? earned : type === 'COST' ? cost : earned - cost;
}

/** Groups sorted by name, each with its 7 days; per-day and week totals: sums of the cells. */
function assemble(byProject: boolean, scope: ReportScope, days: string[], cells: WeeklyCellRow[]): WeeklyReportDto {
  const shown = scope.amountShown;
  const dayIndex = new Map(days.map((date, i) => [date, i]));
  const empty = () => days.map((date) => ({ date, duration: 0, amount: shown ? 0 : null }));
  const groups = new Map<string, WeeklyGroupDto>();
  const byDay = empty();
  const week = { duration: 0, billable: 0, entries: 0, earned: 0, cost: 0 };
  for (const r of cells) {
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
        amount: shown ? 0 : null,
        days: empty(),
      };
      groups.set(key, g);
    }
    const i = dayIndex.get(r.day);
    const duration = Number(r.duration);
    const earned = Number(r.earned);
    const cost = Number(r.cost);
    const amount = shown ? amountOf(shown, earned, cost) : null;
    if (i !== undefined) {
      g.days[i] = { date: r.day, duration, amount };
      byDay[i].duration += duration;
      if (amount !== null) byDay[i].amount = (byDay[i].amount ?? 0) + amount;
    }
    g.duration += duration;
    if (amount !== null) g.amount = (g.amount ?? 0) + amount;
    week.duration += duration;
    week.billable += Number(r.billable);
    week.entries += Number(r.entries);
    week.earned += earned;
    week.cost += cost;
  }
  const totals: TimeEntryReportTotalsDto & { _id: string } = {
    _id: '',
    id: '',
    totalTime: week.duration,
    totalBillableTime: week.billable,
    entriesCount: week.entries,
    totalAmount: shown ? amountOf(shown, week.earned, week.cost) : null,
    amounts: scope.amountTypes.map((type) => ({ type, value: amountOf(type, week.earned, week.cost) })),
  };
  const groupOne = [...groups.values()].sort(
    (a, b) => a.nameLowerCase.localeCompare(b.nameLowerCase) || a._id.localeCompare(b._id),
  );
  return {
    groupOne,
    totals: [totals],
    totalsByDay: byDay,
    decimalFormat: false,
    includeUsersWithoutTime: false,
    trackTimeDownToSeconds: true,
    usersWithoutTime: [],
  };
}
