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

/** Reads balances with their policy and user. */
@Injectable()
export class BalancesStore {
  async list(manager: EntityManager, where: string, params: unknown[], query: BalancesQueryDto, defaultSort: keyof typeof SORTS): Promise<BalancesWithCountDto> {
    const direction = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    const { limit, offset } = limitOffset(pageOf(query));
    const rows: BalanceListRow[] = await manager.query(
      `${SELECT} WHERE ${where} ORDER BY ${SORTS[query.sort ?? defaultSort]} ${direction}, b.id ${direction} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    let count = rows[0]?.count;
    if (count === undefined) {
      const [total]: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM (${SELECT} WHERE ${where}) x`, params);
      count = total.count;
    }
    return { balances: rows.map(toBalanceDto), count };
  }

  async one(manager: EntityManager, workspaceId: string, id: string): Promise<BalanceDto> {
    const rows: BalanceListRow[] = await manager.query(`${SELECT} WHERE b.workspace_id = $1 AND b.id = $2`, [workspaceId, id]);
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
