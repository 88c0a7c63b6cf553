import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';

export { outboxEvents as timeOffEvents } from './outbox';

export interface PolicyOptions {
  name?: string;
  requiresApproval?: boolean;
  teamManagers?: boolean;
  allowHalfDay?: boolean;
  allowNegativeBalance?: boolean;
  negativeAmount?: number;
  timeUnit?: 'DAYS' | 'HOURS';
  userIds?: string[];
  everyone?: boolean;
}

/** A policy created through the API by an admin key; returns its id. */
export async function createPolicy(
  http: App,
  workspaceId: string,
  apiKey: string,
  options: PolicyOptions = {},
): Promise<string> {
  const res = await request(http)
    .post(`/v1/workspaces/${workspaceId}/time-off/policies`)
    .set('X-Api-Key', apiKey)
    .send({
      name: options.name ?? `Policy ${Math.random().toString(16).slice(2, 10)}`,
      approve: { requiresApproval: options.requiresApproval ?? true, teamManagers: options.teamManagers ?? false },
      allowHalfDay: options.allowHalfDay ?? false,
      allowNegativeBalance: options.allowNegativeBalance ?? false,
      ...(options.negativeAmount !== undefined ? { negativeBalance: { amount: options.negativeAmount } } : {}),
      timeUnit: options.timeUnit ?? 'DAYS',
      everyoneIncludingNew: options.everyone ?? !options.userIds,
      users: { ids: options.userIds ?? [] },
    });
  if (res.status !== 201) throw new Error(`createPolicy: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

/** Sets users' balances in a policy through the API. */
export async function setBalance(
  http: App,
  workspaceId: string,
  apiKey: string,
  policyId: string,
  userIds: string[],
  value: number,
): Promise<void> {
  const res = await request(http)
    .patch(`/v1/workspaces/${workspaceId}/time-off/balance/policy/${policyId}`)
    .set('X-Api-Key', apiKey)
    .send({ userIds, value });
  if (res.status !== 204) throw new Error(`setBalance: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The user's balance row of a policy, straight from the database: [balance, used]. */
export async function balanceOf(app: INestApplication, policyId: string, userId: string): Promise<[number, number]> {
  const rows: { balance: string; used: string }[] = await app
    .get(DataSource)
    .query(`SELECT balance::text, used::text FROM time_off_balances WHERE policy_id = $1 AND user_id = $2`, [
      policyId,
      userId,
    ]);
  return rows.length ? [Number(rows[0].balance), Number(rows[0].used)] : [0, 0];
}
