import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { BalanceLedger } from '../balances/balance-ledger.service';
import { PoliciesStore } from '../policies/policies.store';
import { canApprove } from '../shared/approvers';
import type { ChangeTimeOffRequestStatusDto } from './dto/time-off-request-requests.dto';
import type { TimeOffRequestDto } from './dto/time-off-request.dto';
import { recordTimeOffRequest } from './time-off-request-events';
import { TimeOffRequestsStore, toRequestDto } from './time-off-requests.store';

/**
 * Approving, rejecting and withdrawing requests. The request row is locked
 * first, then the balance row, so two concurrent approvals approve (and
 * deduct) once: the second sees the request already approved.
 */
@Injectable()
export class TimeOffRequestStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly policies: PoliciesStore,
    private readonly store: TimeOffRequestsStore,
    private readonly ledger: BalanceLedger,
  ) {}

  changeStatus(
    ws: WorkspaceContext,
    policyId: string,
    requestId: string,
    dto: ChangeTimeOffRequestStatusDto,
  ): Promise<TimeOffRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.policies.row(manager, ws.workspaceId, policyId);
      const request = await this.store.row(manager, ws.workspaceId, policyId, requestId, true);
      if (!(await canApprove(manager, ws, policy.approve, request.user_id))) {
        throw new ForbiddenException(
          'Only admins and the approvers of the policy change the status of a time off request',
        );
      }
      if (request.status === dto.status || request.status === 'REJECTED') {
        throw new ConflictException(`The time off request is already ${request.status.toLowerCase()}`);
      }
      if (dto.status === 'APPROVED') {
        await this.ledger.apply(manager, ws, policy, {
          userId: request.user_id,
          amount: request.balance_diff,
          reason: 'REQUEST_APPROVED',
          requestId,
          note: dto.note,
        });
      } else if (request.status === 'APPROVED') {
        await this.ledger.apply(manager, ws, policy, {
          userId: request.user_id,
          amount: request.balance_diff,
          reason: 'REQUEST_RETURNED',
          requestId,
          note: dto.note,
        });
      }
      await this.store.setStatus(manager, ws.workspaceId, requestId, dto.status, dto.note ?? null, ws.userId);
      const changed = toRequestDto(await this.store.row(manager, ws.workspaceId, policyId, requestId));
      await recordTimeOffRequest(
        this.outbox,
        manager,
        changed,
        dto.status === 'APPROVED' ? 'TIME_OFF_REQUEST_APPROVED' : 'TIME_OFF_REQUEST_REJECTED',
      );
      return changed;
    });
  }

  /**
   * Withdraws (deletes) a request; an approved one gives its amount back to the
   * balance. The requester withdraws their own pending or rejected requests;
   * approvers withdraw any.
   */
  withdraw(ws: WorkspaceContext, policyId: string, requestId: string): Promise<TimeOffRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.policies.row(manager, ws.workspaceId, policyId);
      const request = await this.store.row(manager, ws.workspaceId, policyId, requestId, true);
      const approver = await canApprove(manager, ws, policy.approve, request.user_id);
      const own = request.user_id === ws.userId && request.status !== 'APPROVED';
      if (!approver && !own) {
        throw new ForbiddenException(
          request.user_id === ws.userId
            ? 'An approved time off request is withdrawn by an approver'
            : "Only approvers delete another user's time off request",
        );
      }
      if (request.status === 'APPROVED') {
        await this.ledger.apply(manager, ws, policy, {
          userId: request.user_id,
          amount: request.balance_diff,
          reason: 'REQUEST_RETURNED',
          requestId,
        });
      }
      const withdrawn = toRequestDto(request);
      await this.store.delete(manager, ws.workspaceId, requestId);
      await recordTimeOffRequest(this.outbox, manager, withdrawn, 'TIME_OFF_REQUEST_WITHDRAWN');
      return withdrawn;
    });
  }
}
