import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';
import { insertProject } from './projects';

/** A project (optionally of a new client) and one task, inserted with SQL. */
export async function schedulingProject(
  app: INestApplication,
  workspaceId: string,
  name: string,
  clientName?: string,
): Promise<{ projectId: string; taskId: string; clientId: string | null }> {
  const db = app.get(DataSource);
  const taskId = newId();
  let clientId: string | null = null;
  if (clientName) {
    clientId = newId();
    await db.query(`INSERT INTO clients (id, workspace_id, name) VALUES ($1, $2, $3)`, [
      clientId,
      workspaceId,
      clientName,
    ]);
  }
  const projectId = await insertProject(app, workspaceId, { name, clientId, color: '#123456' });
  await db.query(`INSERT INTO tasks (id, workspace_id, project_id, name) VALUES ($1, $2, $3, 'Bugfixing')`, [
    taskId,
    workspaceId,
    projectId,
  ]);
  return { projectId, taskId, clientId };
}

export interface AssignmentBody {
  userId: string;
  projectId: string;
  start: string;
  end: string;
  hoursPerDay: number;
  taskId?: string;
  includeNonWorkingDays?: boolean;
  note?: string;
  billable?: boolean;
  recurringAssignment?: { repeat?: boolean; weeks: number };
}

export interface AssignmentBodyDto {
  id: string;
  userId: string;
  projectId: string;
  taskId: string | null;
  period: { start: string; end: string };
  hoursPerDay: number;
  includeNonWorkingDays: boolean;
  note: string;
  billable: boolean;
  published: boolean;
  recurring: { repeat: boolean; seriesId: string | null; weeks: number | null };
  excludeDays: { date: string; type: string }[];
}

/** Creates assignments through the API (201 expected); returns the response body. */
export async function createAssignments(
  http: App,
  workspaceId: string,
  apiKey: string,
  body: AssignmentBody,
): Promise<AssignmentBodyDto[]> {
  const res = await request(http)
    .post(`/v1/workspaces/${workspaceId}/scheduling/assignments/recurring`)
    .set('X-Api-Key', apiKey)
    .send(body);
  if (res.status !== 201) throw new Error(`createAssignments: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AssignmentBodyDto[];
}

/** Publishes every assignment of a period through the API. */
export async function publishAll(
  http: App,
  workspaceId: string,
  apiKey: string,
  start: string,
  end: string,
): Promise<void> {
  const res = await request(http)
    .put(`/v1/workspaces/${workspaceId}/scheduling/assignments/publish`)
    .set('X-Api-Key', apiKey)
    .send({ start, end });
  if (res.status !== 200) throw new Error(`publishAll: ${res.status} ${JSON.stringify(res.body)}`);
}

export { outboxEvents as schedulingEvents } from './outbox';
