import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';

/** Helpers for approval-request tests. */

export interface ApprovalResponse {
  id: string;
  workspaceId: string;
  creator: { userId: string; userName: string; userEmail: string };
  owner: { userId: string; userName: string; timeZone: string; startOfWeek: string };
  dateRange: { start: string; end: string };
  status: { state: string; note: string | null; updatedAt: string; updatedBy: string; updatedByUserName: string };
}

/** Submits a period (for oneself, or for `userId`) and expects 201. */
export async function apSubmit(
  http: App,
  workspaceId: string,
  apiKey: string,
  periodStart: string,
  userId?: string,
): Promise<ApprovalResponse> {
  const path = `/v1/workspaces/${workspaceId}/approval-requests${userId ? `/users/${userId}` : ''}`;
  const res = await request(http).post(path).set('X-Api-Key', apiKey).send({ periodStart });
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ApprovalResponse;
}

/** PATCHes a request's state and expects `status`. */
export async function apPatch(
  http: App,
  workspaceId: string,
  apiKey: string,
  id: string,
  body: object,
  status = 200,
): Promise<ApprovalResponse> {
  const res = await request(http)
    .patch(`/v1/workspaces/${workspaceId}/approval-requests/${id}`)
    .set('X-Api-Key', apiKey)
    .send(body);
  if (res.status !== status)
    throw new Error(`patch: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ApprovalResponse;
}

/** approval_status and approval_request_id of time entries, by id. */
export async function apEntryStates(
  app: INestApplication,
  ids: string[],
): Promise<Record<string, { status: string | null; requestId: string | null }>> {
  const rows: { id: string; approval_status: string | null; approval_request_id: string | null }[] = await app
    .get(DataSource)
    .query('SELECT id, approval_status, approval_request_id FROM time_entries WHERE id = ANY($1::char(24)[])', [ids]);
  return Object.fromEntries(rows.map((r) => [r.id, { status: r.approval_status, requestId: r.approval_request_id }]));
}

/** Merges keys into a user's settings (timeZone, weekStart). */
export async function apUserSettings(
  app: INestApplication,
  userId: string,
  settings: Record<string, string>,
): Promise<void> {
  await app
    .get(DataSource)
    .query('UPDATE users SET settings = settings || $2::jsonb WHERE id = $1', [userId, JSON.stringify(settings)]);
}

/** An expense of `userId` on `date` (with its own category), in cents. */
export async function apExpense(
  app: INestApplication,
  workspaceId: string,
  userId: string,
  date: string,
  cents: number,
): Promise<string> {
  const db = app.get(DataSource);
  const categoryId = newId();
  const id = newId();
  await db.query('INSERT INTO expense_categories (id, workspace_id, name) VALUES ($1, $2, $3)', [
    categoryId,
    workspaceId,
    `Category ${categoryId.slice(-6)}`,
  ]);
  await db.query(
    'INSERT INTO expenses (id, workspace_id, user_id, category_id, date, amount_cents) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, workspaceId, userId, categoryId, date, cents],
  );
  return id;
}

export { outboxEvents as apEvents } from './outbox';
