import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { limitOffset } from '../../../common/dto/page';
import { pageOf } from '../../../common/dto/page-query.dto';
import type { BalanceDto, BalancesQueryDto, BalancesWithCountDto } from './dto/balance.dto';

interface BalanceListRow {
  id: string;
  workspace_id: string;
  policy_id: string;
  policy_name: string;
  archived: boolean;
  time_unit: 'DAYS' | 'HOURS';
  allow_negative_balance: boolean;
  negative_balance: { amount: number } | null;
  user_id: string;
  user_name: string;
  balance: string;
  used: string;
  total: string;
  count: number;
}

const SORTS: Record<NonNullable<BalancesQueryDto['sort']>, string> = {
  USER: 'lower(u.name)',
  POLICY: 'lower(p.name)',
  USED: 'b.used',
  BALANCE: 'b.balance',
  TOTAL: 'b.balance + b.used',
};

const SELECT = `
  SELECT b.id, b.workspace_id, b.policy_id, p.name AS policy_name, p.archived, p.time_unit, p.allow_negative_balance,
         p.negative_balance, b.user_id, u.name AS user_name, b.balance::text AS balance, b.used::text AS used,
         (b.balance + b.used)::text AS total, count(*) OVER ()::int AS count
    FROM time_off_balances b
    JOIN time_off_policies p ON p.workspace_id = b.workspace_id AND p.id = b.policy_id
    JOIN users u ON u.id = b.user_id`;

/** A row of the balance changes log. */
export interface BalanceChangeValues {
  id: string;
  balanceId: string;
  diff: string;
  reason: string;
  requestId: string | null;
  note: string | null;
  changedBy: string;
}

/** Reads balances with their policy and user, and changes them. */
@Injectable()
export class BalancesStore {
  async list(
    manager: EntityManager,
    where: string,
    params: unknown[],
    query: BalancesQueryDto,
    defaultSort: keyof typeof SORTS,
  ): Promise<BalancesWithCountDto> {
    const direction = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    const { limit, offset } = limitOffset(pageOf(query));
    const rows: BalanceListRow[] = await manager.query(
      `${SELECT} WHERE ${where} ORDER BY ${SORTS[query.sort ?? defaultSort]} ${direction}, b.id ${direction} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    let count = rows[0]?.count;
    if (count === undefined) {
      const [total]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM (${SELECT} WHERE ${where}) x`,
        params,
      );
      count = total.count;
    }
    return { balances: rows.map(toBalanceDto), count };
  }

  /** The balances of the policy's members. */
  byPolicy(
    manager: EntityManager,
    workspaceId: string,
    policyId: string,
    query: BalancesQueryDto,
  ): Promise<BalancesWithCountDto> {
    return this.list(manager, 'b.workspace_id = $1 AND b.policy_id = $2', [workspaceId, policyId], query, 'USER');
  }

  /** The user's balances in every policy. */
  byUser(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    query: BalancesQueryDto,
  ): Promise<BalancesWithCountDto> {
    return this.list(manager, 'b.workspace_id = $1 AND b.user_id = $2', [workspaceId, userId], query, 'POLICY');
  }

  async isMember(manager: EntityManager, workspaceId: string, userId: string): Promise<boolean> {
    const member: unknown[] = await manager.query(
      `SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId],
    );
    return member.length > 0;
  }

  /**
   * Changes a locked balance row by `reason` (ADJUSTMENT sets it to `amount`, REQUEST_APPROVED takes `amount`, REQUEST_RETURNED gives it
   * back), unless that takes it below `floor` (null: no floor; a returned amount is always taken back). Answers the change of the
   * balance from `previous`, or null when the floor refused it.
   */
  async change(
    manager: EntityManager,
    workspaceId: string,
    balanceId: string,
    reason: string,
    amount: string,
    floor: number | null,
    previous: string,
  ): Promise<string | null> {
    const [balanceDiff, usedDiff] =
      reason === 'ADJUSTMENT'
        ? [`$3::numeric - balance`, '0']
        : reason === 'REQUEST_APPROVED'
          ? ['-$3::numeric', '$3::numeric']
          : ['$3::numeric', '-$3::numeric'];
    const checked =
      reason === 'REQUEST_RETURNED'
        ? '($4::numeric IS NULL OR true)'
        : `($4::numeric IS NULL OR balance + ${balanceDiff} >= $4::numeric)`;
    // TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affected].
    const [updated]: [{ diff: string }[], number] = await manager.query(
      `UPDATE time_off_balances SET balance = balance + ${balanceDiff}, used = used + ${usedDiff}
        WHERE workspace_id = $1 AND id = $2 AND ${checked}
        RETURNING (balance - $5::numeric)::text AS diff`,
      [workspaceId, balanceId, amount, floor, previous],
    );
    return updated.length ? updated[0].diff : null;
  }

  /** Logs a change of a balance. */
  async logChange(manager: EntityManager, workspaceId: string, c: BalanceChangeValues): Promise<void> {
    await manager.query(
      `INSERT INTO time_off_balance_changes (id, workspace_id, balance_id, diff, reason, request_id, note, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.id, workspaceId, c.balanceId, c.diff, c.reason, c.requestId, c.note, c.changedBy],
    );
  }

  async one(manager: EntityManager, workspaceId: string, id: string): Promise<BalanceDto> {
    const rows: BalanceListRow[] = await manager.query(`${SELECT} WHERE b.workspace_id = $1 AND b.id = $2`, [
      workspaceId,
      id,
    ]);
    return toBalanceDto(rows[0]);
  }
}

function toBalanceDto(row: BalanceListRow): BalanceDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    policyId: row.policy_id,
    policyName: row.policy_name,
    policyArchived: row.archived,
    policyTimeUnit: row.time_unit,
    userId: row.user_id,
    userName: row.user_name,
    balance: Number(row.balance),
    used: Number(row.used),
    total: Number(row.total),
    negativeBalanceLimit: row.allow_negative_balance && row.negative_balance !== null,
    negativeBalanceAmount: row.negative_balance?.amount ?? 0,
  };
}
