import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';
import { insertProject } from './projects';

/** Rows for time-entry tests, inserted with SQL so the tests do not depend on the catalog modules' APIs. */

export interface TeProjectOptions {
  name?: string;
  isPublic?: boolean;
  billable?: boolean;
}

export async function teProject(
  app: INestApplication,
  workspaceId: string,
  options: TeProjectOptions = {},
): Promise<string> {
  return insertProject(app, workspaceId, {
    name: options.name,
    isPublic: options.isPublic,
    billable: options.billable ?? false,
  });
}

export async function teTask(
  app: INestApplication,
  workspaceId: string,
  projectId: string,
  name?: string,
): Promise<string> {
  const id = newId();
  await app
    .get(DataSource)
    .query(`INSERT INTO tasks (id, workspace_id, project_id, name) VALUES ($1, $2, $3, $4)`, [
      id,
      workspaceId,
      projectId,
      name ?? `Task ${id.slice(-8)}`,
    ]);
  return id;
}

export async function teTag(app: INestApplication, workspaceId: string, name?: string): Promise<string> {
  const id = newId();
  await app
    .get(DataSource)
    .query(`INSERT INTO tags (id, workspace_id, name) VALUES ($1, $2, $3)`, [
      id,
      workspaceId,
      name ?? `Tag ${id.slice(-8)}`,
    ]);
  return id;
}

export async function teProjectMember(
  app: INestApplication,
  workspaceId: string,
  projectId: string,
  userId: string,
): Promise<void> {
  await app
    .get(DataSource)
    .query(`INSERT INTO project_members (workspace_id, project_id, user_id) VALUES ($1, $2, $3)`, [
      workspaceId,
      projectId,
      userId,
    ]);
}

/** Sets one top-level workspace setting (there is no API for it in the reference). */
export async function teSetting(
  app: INestApplication,
  workspaceId: string,
  key: string,
  value: unknown,
): Promise<void> {
  await app
    .get(DataSource)
    .query(`UPDATE workspaces SET settings = jsonb_set(settings, $2, $3::jsonb) WHERE id = $1`, [
      workspaceId,
      `{${key}}`,
      JSON.stringify(value),
    ]);
}

/** A rate step: HOURLY or COST, at the level the scope names (task > project member > project > member > workspace). */
export async function teRate(
  app: INestApplication,
  workspaceId: string,
  kind: 'HOURLY' | 'COST',
  amount: number,
  scope: { userId?: string; projectId?: string; taskId?: string } = {},
  since = new Date('2000-01-01T00:00:00Z'),
): Promise<void> {
  await app
    .get(DataSource)
    .query(
      `INSERT INTO rates (id, workspace_id, kind, user_id, project_id, task_id, amount, currency, since) VALUES ($1, $2, $3, $4, $5, $6, $7, 'USD', $8)`,
      [newId(), workspaceId, kind, scope.userId ?? null, scope.projectId ?? null, scope.taskId ?? null, amount, since],
    );
}

export { outboxEvents as teEvents } from './outbox';

export interface EntryBody {
  start?: string;
  end?: string;
  description?: string;
  projectId?: string;
  taskId?: string;
  tagIds?: string[];
  billable?: boolean;
  type?: string;
}

export interface EntryResponse {
  id: string;
  description: string;
  userId: string;
  projectId: string | null;
  taskId: string | null;
  tagIds: string[];
  billable: boolean;
  timeInterval: { start: string; end: string | null; duration: string | null };
  hourlyRate: { amount: number; currency: string } | null;
  costRate: { amount: number; currency: string } | null;
}

/** Creates an entry through the API (for oneself, or for `userId`) and expects 201. */
export async function teCreate(
  http: App,
  workspaceId: string,
  apiKey: string,
  body: EntryBody,
  userId?: string,
): Promise<EntryResponse> {
  const path = userId
    ? `/v1/workspaces/${workspaceId}/user/${userId}/time-entries`
    : `/v1/workspaces/${workspaceId}/time-entries`;
  const res = await request(http).post(path).set('X-Api-Key', apiKey).send(body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EntryResponse;
}

/** Running entries of a user (from the table). */
export async function teRunning(app: INestApplication, workspaceId: string, userId: string): Promise<string[]> {
  const rows: { id: string }[] = await app
    .get(DataSource)
    .query('SELECT id FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND end_at IS NULL', [
      workspaceId,
      userId,
    ]);
  return rows.map((r) => r.id);
}
