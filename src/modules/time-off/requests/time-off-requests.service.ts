import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { newId } from '../../../common/utils/ids';
import type { WeekDay } from '../../users/dto/user-settings.dto';
import { BalanceLedger } from '../balances/balance-ledger.service';
import { PoliciesStore, type PolicyRow } from '../policies/policies.store';
import { mayActForUser } from '../../../common/access';
import { holidayAppliesTo, holidayOccurrencesSql, policyAppliesTo } from '../shared/assignment.sql';
import { balanceFloor } from '../shared/balance-rows';
import { timeOffDuration, type DateRange } from '../shared/time-off-duration';
import type { CreateTimeOffRequestDto } from './dto/time-off-request-requests.dto';
import type { TimeOffRequestFullDto } from './dto/time-off-request.dto';
import { requestedPeriod, type RequestedPeriod } from './time-off-request-period';
import { TimeOffRequestsStore, toFullRequestDto } from './time-off-requests.store';

interface MemberRow {
  working_days: WeekDay[];
  work_capacity: number;
  applies: boolean;
}

/** Making time-off requests: the duration from working days and holidays, the balance check, auto-approval. */
@Injectable()
export class TimeOffRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly policies: PoliciesStore,
    private readonly store: TimeOffRequestsStore,
    private readonly ledger: BalanceLedger,
  ) {}

  /** A request for `userId` (the caller, or for someone else by an admin or the user's team manager). */
  create(ws: WorkspaceContext, policyId: string, userId: string, dto: CreateTimeOffRequestDto): Promise<TimeOffRequestFullDto> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.policies.row(manager, ws.workspaceId, policyId);
      const member = await this.member(manager, ws.workspaceId, policy.id, userId);
      if (!(await mayActForUser(manager, ws, userId))) {
        throw new ForbiddenException("Only admins and the user's team managers request time off for another user");
      }
      if (policy.archived) throw new BadRequestException('The policy is archived');
      if (!member.applies) throw new BadRequestException('The policy does not apply to this user');
      const period = requestedPeriod(dto.timeOffPeriod, policy.allow_half_day);
      await this.checkOverlap(manager, ws.workspaceId, userId, period);
      const holidays = await this.holidays(manager, ws.workspaceId, userId, period);
      const { amount } = timeOffDuration({
        period,
        workingDays: member.working_days,
        holidays,
        halfDay: period.halfDay,
        unit: policy.time_unit,
        workCapacitySeconds: member.work_capacity,
      });
      if (amount <= 0) throw new BadRequestException('The period has no working days');
      await this.checkBalance(manager, ws.workspaceId, policy, userId, amount);

      const id = newId();
      await manager.query(
        `INSERT INTO time_off_requests (id, workspace_id, policy_id, user_id, requester_user_id, start_date, end_date, half_day,
                                        half_day_period, note, balance_diff)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, ws.workspaceId, policy.id, userId, ws.userId, period.start, period.end, period.halfDay, period.halfDayPeriod, dto.note ?? null, amount],
      );
      const requested = toFullRequestDto(await this.store.row(manager, ws.workspaceId, policy.id, id));
      await this.record(manager, requested, 'TIME_OFF_REQUESTED');
      if (policy.approve.requiresApproval) return requested;

      // A policy without approval approves at once, and takes the balance now.
      await this.ledger.apply(manager, ws, policy, { userId, amount, reason: 'REQUEST_APPROVED', requestId: id });
      await manager.query(
        `UPDATE time_off_requests SET status = 'APPROVED', status_changed_by = $3, status_changed_at = now() WHERE workspace_id = $1 AND id = $2`,
        [ws.workspaceId, id, ws.userId],
      );
      const approved = toFullRequestDto(await this.store.row(manager, ws.workspaceId, policy.id, id));
      await this.record(manager, approved, 'TIME_OFF_REQUEST_APPROVED');
      return approved;
    });
  }

  private async member(manager: EntityManager, workspaceId: string, policyId: string, userId: string): Promise<MemberRow> {
    const rows: MemberRow[] = await manager.query(
      `SELECT m.working_days, m.work_capacity, ${policyAppliesTo('p', 'm.user_id')} AS applies
         FROM workspace_members m JOIN time_off_policies p ON p.workspace_id = m.workspace_id AND p.id = $2
        WHERE m.workspace_id = $1 AND m.user_id = $3`,
      [workspaceId, policyId, userId],
    );
    if (!rows.length) throw new NotFoundException('User not found');
    return rows[0];
  }

  /** The user's holiday occurrences in the period, in one query (annual ones in each year). */
  private holidays(manager: EntityManager, workspaceId: string, userId: string, period: RequestedPeriod): Promise<DateRange[]> {
    return manager.query(
      `SELECT o.occ_start::text AS start, o.occ_end::text AS "end" FROM (${holidayOccurrencesSql(`AND ${holidayAppliesTo('h', '$4')}`)}) o`,
      [workspaceId, period.start, period.end, userId],
    );
  }

  /** Pending and approved requests of a user do not overlap (two halves of one day do not). */
  private async checkOverlap(manager: EntityManager, workspaceId: string, userId: string, period: RequestedPeriod): Promise<void> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM time_off_requests
        WHERE workspace_id = $1 AND user_id = $2 AND status IN ('PENDING', 'APPROVED')
          AND start_date <= $4::date AND end_date >= $3::date
          AND NOT ($5 AND half_day AND half_day_period <> 'NOT_DEFINED' AND $6 <> 'NOT_DEFINED' AND half_day_period <> $6)
        LIMIT 1`,
      [workspaceId, userId, period.start, period.end, period.halfDay, period.halfDayPeriod],
    );
    if (rows.length) throw new ConflictException('The user already has a time off request in this period');
  }

  /** Whether the current balance covers the request (approval checks again, under the balance row's lock). */
  private async checkBalance(manager: EntityManager, workspaceId: string, policy: PolicyRow, userId: string, amount: number): Promise<void> {
    const floor = balanceFloor(policy);
    if (floor === null) return;
    const rows: { enough: boolean }[] = await manager.query(
      `SELECT coalesce((SELECT balance FROM time_off_balances WHERE workspace_id = $1 AND policy_id = $2 AND user_id = $3), 0) - $4::numeric >= $5::numeric AS enough`,
      [workspaceId, policy.id, userId, amount, floor],
    );
    if (!rows[0].enough) throw new BadRequestException('Not enough balance for this time off request');
  }

  private record(manager: EntityManager, request: TimeOffRequestFullDto, event: string): Promise<void> {
    return this.outbox.record(manager, { workspaceId: request.workspaceId, entityType: 'TIME_OFF_REQUEST', entityId: request.id, event, payload: request });
  }
}
