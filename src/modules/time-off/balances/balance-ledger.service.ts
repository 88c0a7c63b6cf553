import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { newId } from '../../../common/utils/ids';
import { balanceFloor, lockBalance } from '../shared/balance-rows';
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
    const [balanceDiff, usedDiff] =
      change.reason === 'ADJUSTMENT' ? [`$3::numeric - balance`, '0'] : change.reason === 'REQUEST_APPROVED' ? ['-$3::numeric', '$3::numeric'] : ['$3::numeric', '-$3::numeric'];
    const checked = change.reason === 'REQUEST_RETURNED' ? '($4::numeric IS NULL OR true)' : `($4::numeric IS NULL OR balance + ${balanceDiff} >= $4::numeric)`;
    // TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affected].
    const [updated]: [{ diff: string }[], number] = await manager.query(
      `UPDATE time_off_balances SET balance = balance + ${balanceDiff}, used = used + ${usedDiff}
        WHERE workspace_id = $1 AND id = $2 AND ${checked}
        RETURNING (balance - $5::numeric)::text AS diff`,
      [ws.workspaceId, row.id, amount, floor, row.balance],
    );
    if (!updated.length) {
      throw new BadRequestException(
        floor === 0 ? 'Not enough balance: the policy does not allow a negative balance' : `Not enough balance: the policy allows at most ${-(floor ?? 0)} below zero`,
      );
    }
    await manager.query(
      `INSERT INTO time_off_balance_changes (id, workspace_id, balance_id, diff, reason, request_id, note, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [newId(), ws.workspaceId, row.id, updated[0].diff, change.reason, change.requestId ?? null, change.note ?? null, ws.userId],
    );
    const balance = await this.store.one(manager, ws.workspaceId, row.id);
    await this.outbox.record(manager, { workspaceId: ws.workspaceId, entityType: 'BALANCE', entityId: row.id, event: 'BALANCE_UPDATED', payload: balance });
  }
}
