import type { EntityManager } from 'typeorm';
import { newId } from '../../../common/utils/ids';
import { policyAppliesTo, policyMembers } from './assignment.store';

/** A 24-hex id made in SQL, shaped as newId(): seconds since the epoch, then random hex. */
const SQL_NEW_ID = `lpad(to_hex(floor(extract(epoch
  FROM clock_timestamp()))::bigint), 8, '0') || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)`;

export interface BalanceRow {
  id: string;
  policy_id: string;
  user_id: string;
  /** numeric, as text: exact. */
  balance: string;
  used: string;
}

/** Creates the missing balance rows (zero) of every member the policy applies to. */
export async function ensurePolicyBalances(
  manager: EntityManager,
  workspaceId: string,
  policyId: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO time_off_balances (id, workspace_id, policy_id, user_id)
     SELECT ${SQL_NEW_ID}, $1, $2, member.user_id FROM (${policyMembers('$1', '$2')}) member
     ON CONFLICT (workspace_id, policy_id, user_id) DO NOTHING`,
    [workspaceId, policyId],
  );
}

/** Creates the missing balance rows (zero) of the user in every policy that applies to them. */
export async function ensureUserBalances(manager: EntityManager, workspaceId: string, userId: string): Promise<void> {
  await manager.query(
    `INSERT INTO time_off_balances (id, workspace_id, policy_id, user_id)
     SELECT ${SQL_NEW_ID}, $1, p.id, $2 FROM time_off_policies p
      WHERE p.workspace_id = $1 AND ${policyAppliesTo('p', '$2')}
     ON CONFLICT (workspace_id, policy_id, user_id) DO NOTHING`,
    [workspaceId, userId],
  );
}

/** The user's balance row of the policy, created at zero when missing, locked FOR UPDATE until the transaction ends. */
export async function lockBalance(
  manager: EntityManager,
  workspaceId: string,
  policyId: string,
  userId: string,
): Promise<BalanceRow> {
  await manager.query(
    `INSERT INTO time_off_balances (id, workspace_id, policy_id, user_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workspace_id, policy_id, user_id) DO NOTHING`,
    [newId(), workspaceId, policyId, userId],
  );
  const rows: BalanceRow[] = await manager.query(
    `SELECT id, policy_id, user_id, balance::text AS balance, used::text AS used FROM time_off_balances
      WHERE workspace_id = $1 AND policy_id = $2 AND user_id = $3 FOR UPDATE`,
    [workspaceId, policyId, userId],
  );
  return rows[0];
}

/** The lowest balance the policy allows: 0, -amount with a negative balance limit, or none. */
export function balanceFloor(policy: {
  allow_negative_balance: boolean;
  negative_balance: { amount: number } | null;
}): number | null {
  if (!policy.allow_negative_balance) return 0;
  return policy.negative_balance ? -policy.negative_balance.amount : null;
}
