import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { newId } from '../../../common/utils/ids';
import { balanceFloor, lockBalance } from '../shared/balance-rows.store';
import { BalancesStore } from './balances.store';

export interface LedgerPolicy {
  id: string;
  allow_negative_balance: boolean;
  negative_balance: { amount: number } | null;
}

export type LedgerReason = 'ADJUSTMENT' | 'REQUEST_APPROVED' | 'REQUEST_RETURNED';

export interface LedgerChange {
  userId: string;
  /** For requests: the amount taken (REQUEST_APPROVED) or given back (REQUEST_RETURNED); for ADJUSTMENT: the new balance. */
  amount: string | number;
  reason: LedgerReason;
  requestId?: string;
  note?: string | null;
}

/**
 * Every change of a balance: the row is locked (FOR UPDATE) for the rest of
 * the caller's transaction, the arithmetic is done by PostgreSQL on exact
 * numerics, the policy's floor is enforced, and the change is logged with a
 * BALANCE_UPDATED event.
 */
@Injectable()
export class BalanceLedger {
  constructor(
    private readonly outbox: OutboxService,
    private readonly store: BalancesStore,
  ) {}

  async apply(manager: EntityManager, ws: WorkspaceContext, policy: LedgerPolicy, change: LedgerChange): Promise<void> {
    const row = await lockBalance(manager, ws.workspaceId, policy.id, change.userId);
    const floor = balanceFloor(policy);
    const amount = String(change.amount);
    const diff = await this.store.change(manager, ws.workspaceId, row.id, change.reason, amount, floor, row.balance);
    if (diff === null) {
      throw new BadRequestException(
        floor === 0
          ? 'Not enough balance: the policy does not allow a negative balance'
          : `Not enough balance: the policy allows at most ${-(floor ?? 0)} below zero`,
      );
    }
    await this.store.logChange(manager, ws.workspaceId, {
      id: newId(),
      balanceId: row.id,
      diff,
      reason: change.reason,
      requestId: change.requestId ?? null,
      note: change.note ?? null,
      changedBy: ws.userId,
    });
    const balance = await this.store.one(manager, ws.workspaceId, row.id);
    await this.outbox.record(manager, {
      workspaceId: ws.workspaceId,
      entityType: 'BALANCE',
      entityId: row.id,
      event: 'BALANCE_UPDATED',
      payload: balance,
    });
  }
}
