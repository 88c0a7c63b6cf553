import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page, limitOffset } from '../../common/dto/page';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { mayActForSql } from '../../common/access';
import { AssignmentStore } from './assignment.store';
import type { SchedulingUsersTotalsDto } from './dto/assignment.dto';
import type { GetUserTotalsRequestDto, PagedPeriodQueryDto, StatusFilter } from './dto/scheduling-filters.dto';
import { dayRange, dayStart } from './scheduling-days';
import { CAPACITY_SQL, DAYS_CTE, dayFlagsSql, SCHEDULED_SQL, statusSql, visibleSql } from './scheduling.sql';
import { likePattern, SqlParams, userFilterSql } from './scheduling-user-filter';

interface MemberRow {
  user_id: string;
  name: string;
  image: string;
  status: string;
  work_capacity: number;
  working_days: string[];
  total: string;
}

interface DayRow {
  user_id: string;
  day: string;
  capacity: number;
  scheduled: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Per member and day: the hours scheduled (assignments covering the day; a
 * non-working day only for assignments that include non-working days), the
 * capacity (work capacity on the member's working days, none on holidays,
 * less approved time off, half for a half day) and their difference. One SQL
 * statement over generate_series of the days, in the caller's time zone.
 */
@Injectable()
export class UserTotalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
  ) {}

  /** Members the caller may see (admins: all; others: themselves and the members they manage), filtered and paged. */
  async forUsers(ws: WorkspaceContext, body: GetUserTotalsRequestDto): Promise<Page<SchedulingUsersTotalsDto>> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(body.start, body.end, zone);
    const params = new SqlParams([ws.workspaceId]);
    const where = [`m.workspace_id = $1`, ...userFilterSql(params, 'm.user_id', body.userFilter, body.userGroupFilter, 'm.status')];
    if (!ws.isAdmin) {
      const me = params.add(ws.userId);
      where.push(mayActForSql({ workspace: '$1', caller: me, user: 'm.user_id' }));
    }
    if (body.search) {
      const like = params.add(likePattern(body.search));
      where.push(`(u.name ILIKE ${like} OR u.email ILIKE ${like})`);
    }
    const request: PageRequest = { page: body.page ?? 1, pageSize: body.pageSize ?? 50 };
    const { limit, offset } = limitOffset(request);
    const members: MemberRow[] = await this.dataSource.query(
      `SELECT m.user_id, u.name, coalesce(u.profile_picture, '') AS image, m.status, m.work_capacity, m.working_days, count(*) OVER () AS total
         FROM workspace_members m JOIN users u ON u.id = m.user_id
        WHERE ${where.join(' AND ')}
        ORDER BY lower(u.name), m.user_id LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    const totals = await this.totals(ws, members, range, body.statusFilter, zone);
    return new Page(totals, members.length ? Number(members[0].total) : 0, request);
  }

  /** One member: themselves, or (admins, their team managers) another; 404 when not a member. */
  async forUser(ws: WorkspaceContext, userId: string, query: PagedPeriodQueryDto): Promise<SchedulingUsersTotalsDto> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(query.start, query.end, zone);
    const members: (MemberRow & { allowed: boolean })[] = await this.dataSource.query(
      `SELECT m.user_id, u.name, coalesce(u.profile_picture, '') AS image, m.status, m.work_capacity, m.working_days, 1 AS total,
              ($4::boolean OR ${mayActForSql({ workspace: '$1', caller: '$2', user: 'm.user_id' })}) AS allowed
         FROM workspace_members m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 AND m.user_id = $3`,
      [ws.workspaceId, ws.userId, userId, ws.isAdmin],
    );
    if (!members.length) throw new NotFoundException('User not found in this workspace');
    if (!members[0].allowed) throw new ForbiddenException("Only admins and team managers see other members' schedules");
    const [totals] = await this.totals(ws, members, range, 'ALL', zone);
    return totals;
  }

  private async totals(
    ws: WorkspaceContext,
    members: MemberRow[],
    range: { start: string; end: string },
    status: StatusFilter | undefined,
    zone: string,
  ): Promise<SchedulingUsersTotalsDto[]> {
    if (!members.length) return [];
    const days: DayRow[] = await this.dataSource.query(
      `WITH ${DAYS_CTE}
       SELECT m.user_id, days.day::text AS day, (${CAPACITY_SQL})::float8 AS capacity,
              coalesce((SELECT sum(${SCHEDULED_SQL('a')}) FROM assignments a
                         WHERE a.workspace_id = $1 AND a.user_id = m.user_id AND days.day BETWEEN a.start_date AND a.end_date
                           AND ${visibleSql(ws, 'a', '$4')} AND ${statusSql('a', status)}), 0)::float8 AS scheduled
         FROM workspace_members m CROSS JOIN days
         ${dayFlagsSql('days.day')}
        WHERE m.workspace_id = $1 AND m.user_id = ANY($5)
        ORDER BY m.user_id, days.day`,
      [ws.workspaceId, range.start, range.end, ws.userId, members.map((m) => m.user_id)],
    );
    const byUser = new Map<string, DayRow[]>();
    for (const row of days) {
      const list = byUser.get(row.user_id);
      if (list) list.push(row);
      else byUser.set(row.user_id, [row]);
    }
    return members.map((m) => ({
      workspaceId: ws.workspaceId,
      userId: m.user_id,
      userName: m.name,
      userImage: m.image,
      userStatus: m.status,
      capacityPerDay: m.work_capacity,
      workingDays: m.working_days,
      totalHoursPerDay: (byUser.get(m.user_id) ?? []).map((d) => ({
        date: dayStart(d.day, zone),
        totalHours: round(d.scheduled),
        capacityHours: round(d.capacity / 3600),
        differenceHours: round(d.capacity / 3600 - d.scheduled),
      })),
    }));
  }
}
