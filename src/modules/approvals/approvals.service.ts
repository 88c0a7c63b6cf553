import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { mayActForUser } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { type ApprovalPeriod, parsePeriodStart, periodDates } from './approval-period';
import { ApprovalStore, LOCKED_STATES, toApprovalRequestDto, type PeriodOwner } from './approval.store';
import type { ApprovalRequestDto } from './dto/approval-request.dto';
import type { CreateApprovalRequestDto } from './dto/approval-requests.dto';

const ENTITY_TYPE = 'APPROVAL_REQUEST';

/** A resolved period of one owner: kind, calendar dates (end exclusive) and the instants of their local midnights. */
interface ResolvedPeriod {
  owner: PeriodOwner;
  period: ApprovalPeriod;
  startDate: string;
  endDate: string;
  start: Date;
  end: Date;
}

/**
 * Submitting periods for approval. A submission puts the owner's entries and
 * expenses of the period into the request as PENDING (locked for the member),
 * in the transaction that creates the request and its outbox event.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ApprovalStore,
    private readonly outbox: OutboxService,
  ) {}

  /** Submits `userId`'s period (the caller's own, or, for admins and the user's team managers, another member's). */
  async submit(ws: WorkspaceContext, userId: string, body: CreateApprovalRequestDto): Promise<ApprovalRequestDto> {
    await this.assertMaySubmitFor(ws, userId);
    return this.dataSource.transaction(async (manager) => {
      const p = await this.resolve(manager, ws.workspaceId, userId, body);
      await this.assertNoActive(manager, ws.workspaceId, userId, p, null);
      const id = newId();
      await this.store.insert(manager, {
        id,
        workspaceId: ws.workspaceId,
        userId,
        period: p.period,
        start: p.start,
        end: p.end,
        startDate: p.startDate,
        endDate: p.endDate,
        submittedBy: ws.userId,
      });
      await this.store.attach(manager, {
        id,
        workspace_id: ws.workspaceId,
        user_id: userId,
        period_start: p.start,
        period_end: p.end,
      });
      const result = toApprovalRequestDto(await this.store.find(manager, ws.workspaceId, id));
      await this.outbox.record(manager, {
        workspaceId: ws.workspaceId,
        entityType: ENTITY_TYPE,
        entityId: id,
        event: 'NEW_APPROVAL_REQUEST',
        payload: result,
      });
      return result;
    });
  }

  /**
   * Puts the period's entries and expenses that are not pending or approved
   * (new, changed after a rejection, withdrawn) into the period's request and
   * makes it PENDING again: the active request when there is one, else the
   * latest rejected or withdrawn one. 404 when the period was never submitted.
   */
  async resubmit(ws: WorkspaceContext, userId: string, body: CreateApprovalRequestDto): Promise<ApprovalRequestDto> {
    await this.assertMaySubmitFor(ws, userId);
    return this.dataSource.transaction(async (manager) => {
      const p = await this.resolve(manager, ws.workspaceId, userId, body);
      const target = await this.store.lockForResubmit(manager, ws.workspaceId, userId, p.start, p.end);
      if (!target) throw new NotFoundException('This period has no approval request to resubmit to; submit it first');
      if (!LOCKED_STATES.includes(target.status))
        await this.assertNoActive(manager, ws.workspaceId, userId, p, target.id);
      const row = await this.store.find(manager, ws.workspaceId, target.id);
      const attached = await this.store.attach(manager, row);
      if (target.status === 'PENDING' && !attached) return toApprovalRequestDto(row);
      if (target.status === 'APPROVED' && !attached) return toApprovalRequestDto(row);
      await this.store.setPending(manager, ws.workspaceId, target.id, ws.userId);
      const result = toApprovalRequestDto(await this.store.find(manager, ws.workspaceId, target.id));
      await this.outbox.record(manager, {
        workspaceId: ws.workspaceId,
        entityType: ENTITY_TYPE,
        entityId: target.id,
        event: 'APPROVAL_REQUEST_STATUS_UPDATED',
        payload: result,
      });
      return result;
    });
  }

  /** Oneself always; another member only as a workspace admin or one of their team managers (403). */
  private async assertMaySubmitFor(ws: WorkspaceContext, userId: string): Promise<void> {
    if (await mayActForUser(this.dataSource.manager, ws, userId)) return;
    throw new ForbiddenException(
      "Only workspace admins and the user's team managers may submit time for approval for another user",
    );
  }

  private async resolve(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    body: CreateApprovalRequestDto,
  ): Promise<ResolvedPeriod> {
    const owner = await this.store.lockOwner(manager, workspaceId, userId);
    const setting = (await this.store.periodSetting(manager, workspaceId)) as ApprovalPeriod | null | undefined;
    if (setting && body.period && body.period !== setting) {
      throw new BadRequestException(`The period must match the workspace approval period setting (${setting})`);
    }
    const period = body.period ?? setting ?? 'WEEKLY';
    const parsed = parsePeriodStart(body.periodStart);
    if (!parsed) throw new BadRequestException('periodStart must be a date in yyyy-MM-ddThh:mm:ssZ format');
    const date = 'date' in parsed ? parsed.date : await this.store.localDate(manager, parsed.instant, owner.timeZone);
    const dates = periodDates(period, date, owner.weekStart);
    const instants = await this.store.midnights(manager, dates.start, dates.end, owner.timeZone);
    return { owner, period, startDate: dates.start, endDate: dates.end, start: instants.start, end: instants.end };
  }

  /** 409 when a pending or approved request of the user overlaps the period (other than `except`). */
  private async assertNoActive(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    p: ResolvedPeriod,
    except: string | null,
  ): Promise<void> {
    const active = await this.store.activeOverlapping(manager, workspaceId, userId, p.start, p.end, except);
    if (active) {
      throw new ConflictException(
        `This period is already submitted: approval request ${active.id} is ${active.status.toLowerCase()}`,
      );
    }
  }
}
