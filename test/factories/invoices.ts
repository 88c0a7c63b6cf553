import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';
import { insertProject } from './projects';

/** Rows and calls for invoice tests. Time entries go through the API (rates resolved on write); the rest is SQL. */

/** A billable project of a client. */
export async function invProject(
  app: INestApplication,
  workspaceId: string,
  clientId: string | null,
  name?: string,
): Promise<string> {
  return insertProject(app, workspaceId, { name, clientId, billable: true, isPublic: true });
}

/** PUT workspaces/{id}/hourly-rate (from 2000 on, so past entries get it). */
export async function invWorkspaceRate(http: App, workspaceId: string, apiKey: string, amount: number): Promise<void> {
  await request(http)
    .put(`/v1/workspaces/${workspaceId}/hourly-rate`)
    .set('X-Api-Key', apiKey)
    .send({ amount, currency: 'USD', since: '2000-01-01T00:00:00Z' })
    .expect(200);
}

/** PUT workspaces/{id}/users/{userId}/hourly-rate (from 2000 on). */
export async function invMemberRate(
  http: App,
  workspaceId: string,
  apiKey: string,
  userId: string,
  amount: number,
): Promise<void> {
  await request(http)
    .put(`/v1/workspaces/${workspaceId}/users/${userId}/hourly-rate`)
    .set('X-Api-Key', apiKey)
    .send({ amount, since: '2000-01-01T00:00:00Z' })
    .expect(200);
}

/** An expense row (with its own category unless given). */
export async function invExpense(
  app: INestApplication,
  workspaceId: string,
  userId: string,
  projectId: string,
  options: { amountCents: number; date: string; billable?: boolean; categoryId?: string; notes?: string },
): Promise<string> {
  const db = app.get(DataSource);
  let categoryId = options.categoryId;
  if (!categoryId) {
    categoryId = newId();
    await db.query(`INSERT INTO expense_categories (id, workspace_id, name) VALUES ($1, $2, $3)`, [
      categoryId,
      workspaceId,
      `Category ${categoryId.slice(-8)}`,
    ]);
  }
  const id = newId();
  await db.query(
    `INSERT INTO expenses (id, workspace_id, user_id, project_id, category_id, date, notes, billable, amount_cents) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      workspaceId,
      userId,
      projectId,
      categoryId,
      options.date,
      options.notes ?? '',
      options.billable ?? true,
      options.amountCents,
    ],
  );
  return id;
}

/** Creates an invoice through the API and returns its id. */
export async function invCreate(
  http: App,
  workspaceId: string,
  apiKey: string,
  clientId: string,
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await request(http)
    .post(`/v1/workspaces/${workspaceId}/invoices`)
    .set('X-Api-Key', apiKey)
    .send({
      clientId,
      currency: 'USD',
      number: `INV-${newId().slice(-10)}`,
      issuedDate: '2024-03-01T00:00:00Z',
      dueDate: '2024-03-31T00:00:00Z',
      ...body,
    });
  if (res.status !== 201) throw new Error(`invoice create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

/** The `invoiced` flags of time entries (or expenses), by id. */
export async function invFlags(
  app: INestApplication,
  table: 'time_entries' | 'expenses',
  ids: string[],
): Promise<Record<string, boolean>> {
  const rows: { id: string; invoiced: boolean }[] = await app
    .get(DataSource)
    .query(`SELECT id, invoiced FROM ${table} WHERE id = ANY($1)`, [ids]);
  return Object.fromEntries(rows.map((r) => [r.id, r.invoiced]));
}

export { outboxEvents as invEvents } from './outbox';

/**
 * The text shown by an uncompressed PDF: every TJ/Tj operand's hex or literal
 * strings, joined per operator (kerning splits one text run into pieces).
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const runs: string[] = [];
  const operator = /\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F\s]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g;
  const piece = /<([0-9a-fA-F\s]*)>|\(((?:[^)\\]|\\.)*)\)/g;
  for (const match of source.matchAll(operator)) {
    const operands = match[1] ?? match[2] ?? '';
    let text = '';
    for (const p of operands.matchAll(piece)) {
      if (p[1] !== undefined) text += Buffer.from(p[1].replace(/\s+/g, ''), 'hex').toString('latin1');
      else text += (p[2] ?? '').replace(/\\(.)/g, '$1');
    }
    runs.push(text);
  }
  return runs.join('\n');
}
