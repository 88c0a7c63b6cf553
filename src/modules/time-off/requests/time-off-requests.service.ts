import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { newId } from '../../../common/utils/ids';
import { BalanceLedger } from '../balances/balance-ledger.service';
import { PoliciesStore, type PolicyRow } from '../policies/policies.store';
import { mayActForUser } from '../../../common/access';
import { balanceFloor } from '../shared/balance-rows.store';
import { timeOffDuration, type DateRange } from '../shared/time-off-duration';
import type { CreateTimeOffRequestDto } from './dto/time-off-request-requests.dto';
import type { TimeOffRequestFullDto } from './dto/time-off-request.dto';
import { requestedPeriod, type RequestedPeriod } from './time-off-request-period';
import { recordTimeOffRequest } from './time-off-request-events';
import { type RequestMemberRow, TimeOffRequestsStore, toFullRequestDto } from './time-off-requests.store';

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
  create(
    ws: WorkspaceContext,
    policyId: string,
    userId: string,
    dto: CreateTimeOffRequestDto,
  ): Promise<TimeOffRequestFullDto> {
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
      await this.store.insert(manager, ws.workspaceId, {
        id,
        policyId: policy.id,
        userId,
        requesterId: ws.userId,
        start: period.start,
        end: period.end,
        halfDay: period.halfDay,
        halfDayPeriod: period.halfDayPeriod,
        note: dto.note ?? null,
        amount,
      });
      const requested = toFullRequestDto(await this.store.row(manager, ws.workspaceId, policy.id, id));
      await recordTimeOffRequest(this.outbox, manager, requested, 'TIME_OFF_REQUESTED');
      if (policy.approve.requiresApproval) return requested;

      // A policy without approval approves at once, and takes the balance now.
      await this.ledger.apply(manager, ws, policy, { userId, amount, reason: 'REQUEST_APPROVED', requestId: id });
      await this.store.approve(manager, ws.workspaceId, id, ws.userId);
      const approved = toFullRequestDto(await this.store.row(manager, ws.workspaceId, policy.id, id));
      await recordTimeOffRequest(this.outbox, manager, approved, 'TIME_OFF_REQUEST_APPROVED');
      return approved;
    });
  }

  private async member(
    manager: EntityManager,
    workspaceId: string,
    policyId: string,
    userId: string,
  ): Promise<RequestMemberRow> {
    const member = await this.store.member(manager, workspaceId, policyId, userId);
    if (!member) throw new NotFoundException('User not found');
    return member;
  }

  /** The user's holiday occurrences in the period, in one query (annual ones in each year). */
  private holidays(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    period: RequestedPeriod,
  ): Promise<DateRange[]> {
    return this.store.holidays(manager, workspaceId, userId, period);
  }

  /** Pending and approved requests of a user do not overlap (two halves of one day do not). */
  private async checkOverlap(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    period: RequestedPeriod,
  ): Promise<void> {
    if (await this.store.overlaps(manager, workspaceId, userId, period))
      throw new ConflictException('The user already has a time off request in this period');
  }

  /** Whether the current balance covers the request (approval checks again, under the balance row's lock). */
  private async checkBalance(
    manager: EntityManager,
    workspaceId: string,
    policy: PolicyRow,
    userId: string,
    amount: number,
  ): Promise<void> {
    const floor = balanceFloor(policy);
    if (floor === null) return;
    if (!(await this.store.balanceCovers(manager, workspaceId, policy.id, userId, amount, floor)))
      throw new BadRequestException('Not enough balance for this time off request');
  }
}
