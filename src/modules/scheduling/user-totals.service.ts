import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page, limitOffset } from '../../common/dto/page';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { AssignmentStore } from './assignment.store';
import type { SchedulingUsersTotalsDto } from './dto/assignment.dto';
import type { GetUserTotalsRequestDto, PagedPeriodQueryDto, StatusFilter } from './dto/scheduling-filters.dto';
import { dayRange, dayStart } from './scheduling-days';
import { type MemberDayRow, type MemberRow, SchedulingTotalsStore } from './scheduling-totals.store';

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
    const request: PageRequest = { page: body.page ?? 1, pageSize: body.pageSize ?? 50 };
    const { limit, offset } = limitOffset(request);
    const members = await SchedulingTotalsStore.members(this.dataSource.manager, ws, body, limit, offset);
    const totals = await this.totals(ws, members, range, body.statusFilter, zone);
    return new Page(totals, members.length ? Number(members[0].total) : 0, request);
  }

  /** One member: themselves, or (admins, their team managers) another; 404 when not a member. */
  async forUser(ws: WorkspaceContext, userId: string, query: PagedPeriodQueryDto): Promise<SchedulingUsersTotalsDto> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(query.start, query.end, zone);
    const member = await SchedulingTotalsStore.member(this.dataSource.manager, ws, userId);
    if (!member) throw new NotFoundException('User not found in this workspace');
    if (!member.allowed) throw new ForbiddenException("Only admins and team managers see other members' schedules");
    const [totals] = await this.totals(ws, [member], range, 'ALL', zone);
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
    const days = await SchedulingTotalsStore.memberDays(
      this.dataSource.manager,
      ws,
      members.map((m) => m.user_id),
      range,
      status,
    );
    const byUser = new Map<string, MemberDayRow[]>();
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
