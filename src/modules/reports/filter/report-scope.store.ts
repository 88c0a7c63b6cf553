import { BadRequestException, ForbiddenException } from '@nestjs/common';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { projectVisibleSql, teamUserIdsSql } from '../../../common/access';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { connectionsCarryReportSettings, reportSettingsSql } from '../../../database/session-settings';
import { type AmountType, REPORT_WEEK_DAYS, type ReportFilterBaseDto, type ReportWeekDay } from './report-filter.dto';
import { isValidTimeZone, parseReportInstant, relativeRange, type Rounding, roundingFromSetting } from './report-time';

export type ShownAmount = 'EARNED' | 'COST' | 'PROFIT';

/** Everything a report needs to know besides the filter body: who asks, what they may see, where days begin. */
export interface ReportScope {
  workspaceId: string;
  userId: string;
  isAdmin: boolean;
  /** IANA zone of days/weeks/months: the filter's, else the caller's settings zone, else UTC. */
  timeZone: string;
  weekStart: ReportWeekDay;
  /** The resolved range: entries whose start is in [start, end]. */
  start: Date;
  end: Date;
  /** Null when durations are not rounded. */
  rounding: Rounding | null;
  /** The amount type of `amount` fields; null when amounts are hidden (HIDE_AMOUNT, or rates not visible to the caller). */
  amountShown: ShownAmount | null;
  /** The amount types listed in totals ([] when hidden). */
  amountTypes: ShownAmount[];
  /**
   * Null for admins (everything). Otherwise the entries the caller may see: their
   * own, their team's (`teamUserIds`) and, when the workspace lets members see
   * others' time, those on `projectIds`.
   */
  visibility: { teamUserIds: string[]; projectIds: string[] | null } | null;
  /** The workspace currency (for totals). */
  currency: string;
}

interface ScopeRow {
  settings: Record<string, unknown>;
  currency: string;
  tz: string | null;
  week_start: string | null;
}

const SHOWN: readonly string[] = ['EARNED', 'COST', 'PROFIT'];

/** The filter fields a scope is resolved from (every report body has them; the expense report lacks the optional amount/rounding ones). */
export type ReportScopeFilter = Pick<
  ReportFilterBaseDto,
  | 'dateRangeStart'
  | 'dateRangeEnd'
  | 'dateRangeType'
  | 'timeZone'
  | 'weekStart'
  | 'rounding'
  | 'amountShown'
  | 'amounts'
  | 'users'
>;

/**
 * Opens a report transaction on the runner's connection: REPEATABLE READ, so a report made of several statements
 * (groups and totals, a page and its totals) reads one snapshot, with the report settings where the connections do
 * not carry them, in one round trip (`startTransaction` and the settings take up to three). The runner does not
 * know of it: end it with `runner.query('COMMIT' | 'ROLLBACK')`.
 */
export async function beginReportTransaction(runner: QueryRunner): Promise<void> {
  const settings = connectionsCarryReportSettings() ? '' : `; ${reportSettingsSql(true)}`;
  await runner.query(`BEGIN ISOLATION LEVEL REPEATABLE READ${settings}`);
}

/** Runs `work` in a report transaction (beginReportTransaction) on a connection of its own. */
export async function inReportTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await beginReportTransaction(runner);
    const result = await work(runner.manager);
    await runner.query('COMMIT');
    return result;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Runs `work` with the report settings, for a report whose entries are read by one statement (no snapshot to
 * share): on the pool, without a transaction, where the connections carry the settings; otherwise in a report
 * transaction.
 */
export function inReportSession<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return connectionsCarryReportSettings() ? work(dataSource.manager) : inReportTransaction(dataSource, work);
}

/**
 * Validates the filter's range, zone and users against the caller's rights and
 * returns the scope. 400: malformed or reversed range, unknown time zone. 403: a
 * member names users whose time they may not see (when the workspace shows
 * members only their own time: onlyAdminsSeeAllTimeEntries).
 */
export async function resolveReportScope(
  manager: Pick<EntityManager, 'query'>,
  ws: WorkspaceContext,
  filter: ReportScopeFilter,
  now = new Date(),
): Promise<ReportScope> {
  const rows: ScopeRow[] = await manager.query(
    `SELECT w.settings, w.currency, u.settings->>'timeZone' AS tz, u.settings->>'weekStart' AS week_start
       FROM workspaces w LEFT JOIN users u ON u.id = $2 WHERE w.id = $1`,
    [ws.workspaceId, ws.userId],
  );
  const row = rows[0];
  if (!row) throw new ForbiddenException('You are not a member of this workspace');
  const settings = row.settings;

  if (filter.timeZone !== undefined && !isValidTimeZone(filter.timeZone))
    throw new BadRequestException(`Unknown time zone: ${filter.timeZone}`);
  const timeZone = filter.timeZone ?? (row.tz && isValidTimeZone(row.tz) ? row.tz : 'UTC');
  const weekStart =
    filter.weekStart ??
    ((REPORT_WEEK_DAYS as readonly string[]).includes(row.week_start ?? '')
      ? (row.week_start as ReportWeekDay)
      : 'MONDAY');

  let start = parseReportInstant(filter.dateRangeStart, timeZone);
  let end = parseReportInstant(filter.dateRangeEnd, timeZone);
  if (!start) throw new BadRequestException('dateRangeStart must be a date-time (YYYY-MM-DDTHH:MM:SS[.sss][offset])');
  if (!end) throw new BadRequestException('dateRangeEnd must be a date-time (YYYY-MM-DDTHH:MM:SS[.sss][offset])');
  const relative = filter.dateRangeType ? relativeRange(filter.dateRangeType, now, timeZone, weekStart) : null;
  if (relative) ({ start, end } = relative);
  if (end < start) throw new BadRequestException('dateRangeEnd must not be before dateRangeStart');

  const roundingOn = filter.rounding ?? settings.timeRoundingInReports === true;
  const rounding = roundingOn ? roundingFromSetting(settings.round as { round?: string; minutes?: string }) : null;

  const mayseeRates = ws.isAdmin || settings.onlyAdminsSeeBillableRates === false;
  const requested = filter.amountShown ?? 'EARNED';
  const hidden = !mayseeRates || requested === 'HIDE_AMOUNT';
  const amountShown: ShownAmount | null = hidden
    ? null
    : SHOWN.includes(requested)
      ? (requested as ShownAmount)
      : 'EARNED';
  const listed = (filter.amounts ?? []).filter((t: AmountType) => SHOWN.includes(t)) as ShownAmount[];
  const amountTypes: ShownAmount[] = hidden ? [] : listed.length ? [...new Set(listed)] : [amountShown ?? 'EARNED'];

  const visibility = ws.isAdmin ? null : await memberVisibility(manager, ws, settings, filter);
  return {
    workspaceId: ws.workspaceId,
    userId: ws.userId,
    isAdmin: ws.isAdmin,
    timeZone,
    weekStart,
    start,
    end,
    rounding,
    amountShown,
    amountTypes,
    visibility,
    currency: row.currency,
  };
}

/** The team of a member (users they manage directly or through a group) and, where allowed, the projects whose time they see. */
async function memberVisibility(
  manager: Pick<EntityManager, 'query'>,
  ws: WorkspaceContext,
  settings: Record<string, unknown>,
  filter: ReportScopeFilter,
): Promise<NonNullable<ReportScope['visibility']>> {
  const team: { user_id: string }[] = await manager.query(teamUserIdsSql({ workspace: '$1', manager: '$2' }), [
    ws.workspaceId,
    ws.userId,
  ]);
  const teamUserIds = team.map((r) => r.user_id);
  const seesOthers = settings.onlyAdminsSeeAllTimeEntries === false;
  if (!seesOthers) {
    const mayAsk = new Set([ws.userId, ...teamUserIds]);
    const asked = filter.users && filter.users.contains !== 'DOES_NOT_CONTAIN' ? (filter.users.ids ?? []) : [];
    if (asked.some((id) => !mayAsk.has(id)))
      throw new ForbiddenException("You may only see your own and your team's time");
    return { teamUserIds, projectIds: null };
  }
  const publicToo = settings.onlyAdminsSeePublicProjectsEntries !== true;
  const projects: { id: string }[] = await manager.query(
    `SELECT p.id FROM projects p WHERE p.workspace_id = $1 AND ${projectVisibleSql({ project: 'p', user: '$2', publicProjects: '$3' })}`,
    [ws.workspaceId, ws.userId, publicToo],
  );
  return { teamUserIds, projectIds: projects.map((p) => p.id) };
}
