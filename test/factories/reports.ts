import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';

/** A time entry for report tests, inserted with SQL (stored rates in cents, as the writer stores them). */
export interface ReportEntry {
  userId: string;
  start: string;
  /** Null: a running timer. */
  end: string | null;
  description?: string;
  projectId?: string | null;
  taskId?: string | null;
  tagIds?: string[];
  billable?: boolean;
  hourlyRate?: number | null;
  costRate?: number | null;
  invoiced?: boolean;
  approvalStatus?: string | null;
}

export async function repEntry(app: INestApplication, workspaceId: string, e: ReportEntry): Promise<string> {
  const id = newId();
  const ds = app.get(DataSource);
  await ds.query(
    `INSERT INTO time_entries (id, workspace_id, user_id, project_id, task_id, description, start_at, end_at, billable,
                               hourly_rate, cost_rate, invoiced, approval_status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      workspaceId,
      e.userId,
      e.projectId ?? null,
      e.taskId ?? null,
      e.description ?? '',
      e.start,
      e.end,
      e.billable ?? false,
      e.hourlyRate ?? null,
      e.costRate ?? null,
      e.invoiced ?? false,
      e.approvalStatus ?? null,
    ],
  );
  for (const tagId of e.tagIds ?? []) {
    await ds.query(`INSERT INTO time_entry_tags (workspace_id, time_entry_id, tag_id) VALUES ($1, $2, $3)`, [
      workspaceId,
      id,
      tagId,
    ]);
  }
  return id;
}

export async function repClient(app: INestApplication, workspaceId: string, name: string): Promise<string> {
  const id = newId();
  await app
    .get(DataSource)
    .query(`INSERT INTO clients (id, workspace_id, name) VALUES ($1, $2, $3)`, [id, workspaceId, name]);
  return id;
}

export async function repProjectClient(app: INestApplication, projectId: string, clientId: string): Promise<void> {
  await app.get(DataSource).query(`UPDATE projects SET client_id = $2 WHERE id = $1`, [projectId, clientId]);
}

export async function repUserGroup(
  app: INestApplication,
  workspaceId: string,
  name: string,
  userIds: string[],
): Promise<string> {
  const id = newId();
  const ds = app.get(DataSource);
  await ds.query(`INSERT INTO user_groups (id, workspace_id, name) VALUES ($1, $2, $3)`, [id, workspaceId, name]);
  for (const userId of userIds) {
    await ds.query(`INSERT INTO user_group_members (workspace_id, user_group_id, user_id) VALUES ($1, $2, $3)`, [
      workspaceId,
      id,
      userId,
    ]);
  }
  return id;
}

/** Independent expectations: seconds of an entry, and cents at a rate (half up), as Clockify computes amounts. */
export const seconds = (e: { start: string; end: string | null }): number =>
  (Date.parse(e.end as string) - Date.parse(e.start)) / 1000;
export const cents = (secs: number, rate: number | null | undefined): number =>
  rate ? Math.floor((secs * rate + 1800) / 3600) : 0;

/** (weekly/attendance/exports) An entry of another type (BREAK, TIME_OFF, HOLIDAY): repEntry, then its type. */
export async function repEntryOfType(
  app: INestApplication,
  workspaceId: string,
  e: ReportEntry,
  type: 'REGULAR' | 'BREAK' | 'TIME_OFF' | 'HOLIDAY',
): Promise<string> {
  const id = await repEntry(app, workspaceId, e);
  await app.get(DataSource).query(`UPDATE time_entries SET type = $2 WHERE id = $1`, [id, type]);
  return id;
}

/** (weekly/attendance/exports) A member's work capacity (seconds) and working days. */
export async function repCapacity(
  app: INestApplication,
  workspaceId: string,
  userId: string,
  capacity: number,
  days: string[],
): Promise<void> {
  await app
    .get(DataSource)
    .query(
      `UPDATE workspace_members SET work_capacity = $3, working_days = $4 WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId, capacity, days],
    );
}
