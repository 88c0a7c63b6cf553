import type { WorkspaceContext } from '../../common/auth/principal';
import { holidayAppliesTo, holidayOccurrencesSql } from '../time-off/shared/assignment.store';
import { projectManagerSql, teamManagerSql } from '../../common/access';
import type { SqlConditions } from '../../common/utils/sql';
import type {
  ContainsUserGroupFilterRequestDto,
  ContainsUsersFilterRequestDto,
  StatusFilter,
} from './dto/scheduling-filters.dto';

/**
 * SQL: may the caller change assignment `a` (or one with its user and project)?
 * Admins always; team managers of the user; project managers of the project.
 */
export function writableSql(ws: WorkspaceContext, a: string, meParam: string, wsParam = '$1'): string {
  // Admins: always (the parameter is still typed, so the statement's parameter list stays the same).
  if (ws.isAdmin) return `(${meParam}::char(24) IS NOT NULL)`;
  const managesUser = teamManagerSql({ workspace: wsParam, manager: meParam, user: `${a}.user_id` });
  return `(${managesUser} OR ${projectManagerSql({ workspace: `${a}.workspace_id`, manager: meParam, project: `${a}.project_id` })})`;
}

/**
 * SQL: may the caller see assignment `a`? Unpublished ones: admins and managers
 * only (team managers of the user, project managers of the project); published
 * ones also the assignee.
 */
export function visibleSql(ws: WorkspaceContext, a: string, meParam: string, wsParam = '$1'): string {
  if (ws.isAdmin) return writableSql(ws, a, meParam, wsParam);
  return `((${a}.published AND ${a}.user_id = ${meParam}) OR ${writableSql(ws, a, meParam, wsParam)})`;
}

export function statusSql(a: string, filter: StatusFilter | undefined): string {
  if (filter === 'PUBLISHED') return `${a}.published`;
  if (filter === 'UNPUBLISHED') return `NOT ${a}.published`;
  return 'true';
}

/**
 * A LATERAL subquery with the day flags of member `m` on day `dayExpr`:
 * `working` (one of the member's working days), `holiday` (a holiday that
 * applies to the member, yearly ones moved into each year), `off` (the share
 * of the day taken by approved time off: 1, or 0.5 for a half day).
 * Parameters: $1 workspace, $2 and $3 the first and last day of the range.
 */
export function dayFlagsSql(dayExpr: string): string {
  return `CROSS JOIN LATERAL (
    SELECT trim(to_char(${dayExpr}, 'FMDAY')) = ANY (m.working_days) AS working,
           EXISTS (SELECT 1 FROM (${holidayOccurrencesSql(`AND ${holidayAppliesTo('h', 'm.user_id')}`)}) ho
                    WHERE ${dayExpr} BETWEEN ho.occ_start AND ho.occ_end) AS holiday,
           coalesce((SELECT max(CASE WHEN r.half_day THEN 0.5 ELSE 1 END) FROM time_off_requests r
                      WHERE r.workspace_id = $1 AND r.user_id = m.user_id AND r.status = 'APPROVED'
                        AND ${dayExpr} BETWEEN r.start_date AND r.end_date), 0) AS off
  ) f`;
}

/** SQL: the capacity of member `m` on a day of `dayFlagsSql`, in seconds. */
export const CAPACITY_SQL = `CASE WHEN f.working AND NOT f.holiday THEN m.work_capacity * (1 - f.off) ELSE 0 END`;

/** SQL: the hours assignment `a` schedules on a day of `dayFlagsSql` (non-working days only when it includes them). */
export const SCHEDULED_SQL = (a: string) =>
  `CASE WHEN ${a}.include_non_working_days OR f.working THEN ${a}.hours_per_day ELSE 0 END`;

/** The `days` CTE: every day from $2 to $3. */
export const DAYS_CTE = `days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') d)`;

/**
 * SQL conditions on the member `userCol` (of workspace $1) from the users and
 * user groups filters: CONTAINS / CONTAINS_ONLY keep the listed ones,
 * DOES_NOT_CONTAIN drops them; member statuses default to ACTIVE.
 */
export function userFilterSql(
  params: SqlConditions,
  userCol: string,
  users: ContainsUsersFilterRequestDto | undefined,
  groups: ContainsUserGroupFilterRequestDto | undefined,
  statusCol: string | null,
): string[] {
  const where: string[] = [];
  if (users?.ids?.length) {
    where.push(`${users.contains === 'DOES_NOT_CONTAIN' ? 'NOT ' : ''}(${userCol} = ANY(${params.param(users.ids)}))`);
  }
  if (groups?.ids?.length) {
    where.push(`${groups.contains === 'DOES_NOT_CONTAIN' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM user_group_members gfm
      WHERE gfm.workspace_id = $1 AND gfm.user_id = ${userCol} AND gfm.user_group_id = ANY(${params.param(groups.ids)}))`);
  }
  if (statusCol) {
    const statuses = [
      ...(users?.statuses ?? []),
      ...(users?.status ? [users.status] : []),
      ...(groups?.status ? [groups.status] : []),
    ];
    const wanted = statuses.length ? statuses : ['ACTIVE'];
    if (!wanted.includes('ALL')) where.push(`${statusCol} = ANY(${params.param(wanted)})`);
  }
  return where;
}
