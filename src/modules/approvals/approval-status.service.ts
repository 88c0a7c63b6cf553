import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { ApprovalStore, LOCKED_STATES, toApprovalRequestDto } from './approval.store';
import { isTeamManagerOf } from '../../common/access';
import type { ApprovalRequestDto } from './dto/approval-request.dto';
import type { ApprovalState, UpdateApprovalRequestDto } from './dto/approval-requests.dto';

/** Who may move a request to a state, from which state, and what its entries and expenses become. */
interface Transition {
  from: string;
  /** approver: admins and the owner's team managers; owner: also the owner and whoever submitted it. */
  who: 'approver' | 'owner';
  items: { from: readonly string[]; to: string };
}

const TRANSITIONS: Partial<Record<ApprovalState, Transition>> = {
  APPROVED: { from: 'PENDING', who: 'approver', items: { from: ['PENDING'], to: 'APPROVED' } },
  REJECTED: { from: 'PENDING', who: 'approver', items: { from: LOCKED_STATES, to: 'REJECTED' } },
  WITHDRAWN_SUBMISSION: { from: 'PENDING', who: 'owner', items: { from: LOCKED_STATES, to: 'WITHDRAWN_SUBMISSION' } },
  WITHDRAWN_APPROVAL: { from: 'APPROVED', who: 'approver', items: { from: LOCKED_STATES, to: 'WITHDRAWN_APPROVAL' } },
};

/**
 * PATCH of a request: approve (records who and when), reject with a note,
 * withdraw a submission (the owner) or an approval (approvers). Rejecting and
 * withdrawing unlock the entries and expenses for the member again. One
 * transaction with the request row locked, so two concurrent decisions
 * apply once and the second is 409.
 */
@Injectable()
export class ApprovalStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ApprovalStore,
    private readonly outbox: OutboxService,
  ) {}

  async update(ws: WorkspaceContext, id: string, body: UpdateApprovalRequestDto): Promise<ApprovalRequestDto> {
    const transition = TRANSITIONS[body.state];
    if (!transition)
      throw new BadRequestException(
        'A request becomes PENDING by resubmitting its period (resubmit-entries-for-approval)',
      );
    return this.dataSource.transaction(async (manager) => {
      const row = await this.store.find(manager, ws.workspaceId, id, true);
      const isApprover = ws.isAdmin || (row.user_id !== ws.userId && (await isTeamManagerOf(manager, ws, row.user_id)));
      const isOwner = row.user_id === ws.userId || row.submitted_by === ws.userId;
      if (!isApprover && !(transition.who === 'owner' && isOwner)) {
        throw new ForbiddenException(
          transition.who === 'owner'
            ? "Only the user, workspace admins and the user's team managers may withdraw this approval request"
            : "Only workspace admins and the user's team managers may approve, reject or withdraw an approval of this request",
        );
      }
      if (row.status !== transition.from) {
        throw new ConflictException(
          `The approval request is ${row.status}; it must be ${transition.from} to become ${body.state}`,
        );
      }
      await this.store.setStatus(manager, ws.workspaceId, id, body.state, body.note ?? null, ws.userId);
      await this.store.setItemsStatus(manager, ws.workspaceId, id, transition.items.from, transition.items.to);
      const result = toApprovalRequestDto(await this.store.find(manager, ws.workspaceId, id));
      await this.outbox.record(manager, {
        workspaceId: ws.workspaceId,
        entityType: 'APPROVAL_REQUEST',
        entityId: id,
        event: 'APPROVAL_REQUEST_STATUS_UPDATED',
        payload: result,
      });
      return result;
    });
  }
}
