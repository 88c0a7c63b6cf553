import type { DataSource } from 'typeorm';
import { toInstant } from '../../common/utils/time';
import { levelOf, RateChangeRecord, repricedEntriesSql } from '../rates/rates.store';
import type { EntityDocumentDto } from './dto/entity-change.dto';

/** An outbox row of a rate change, as the feed reads it. */
export interface RateChangeRow {
  position: string;
  entity_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

interface EntryRateRow {
  id: string;
  hourly_rate: string | null;
  cost_rate: string | null;
  currency: string;
}

const rate = (amount: string | null, currency: string) => (amount === null ? null : { amount: Number(amount), currency });

/**
 * The TIME_ENTRY_RATE documents of one rate change (one outbox row, however many entries it re-priced): the
 * entries it touched that nothing changed since (a later change has its own feed row), after `afterId`, by id,
 * `limit` at most, each with its current rates and the change's `changeSequence`.
 */
export async function rateChangeDocuments(
  dataSource: DataSource, workspaceId: string, row: RateChangeRow, afterId: string, limit: number,
): Promise<EntityDocumentDto[]> {
  if (limit <= 0) return [];
  const record = row.payload as unknown as RateChangeRecord;
  const scope = { workspaceId, userId: record.userId, projectId: record.projectId, taskId: record.taskId };
  const entries: EntryRateRow[] = await dataSource.query(repricedEntriesSql(levelOf(scope)), [
    workspaceId, record.userId, record.projectId, record.taskId, record.at, record.since, afterId, limit,
  ]);
  const updatedAt = toInstant(row.created_at) as string;
  return entries.map((e) => ({
    id: e.id,
    timeEntryId: e.id,
    hourlyRate: rate(e.hourly_rate, e.currency),
    costRate: rate(e.cost_rate, e.currency),
    documentType: 'TIME_ENTRY_RATE',
    auditMetadata: { updatedAt, changeSequence: row.position },
  }));
}

/** Reads one rate-change row by its feed position. */
export async function rateChangeRow(dataSource: DataSource, workspaceId: string, position: string): Promise<RateChangeRow | null> {
  const rows: RateChangeRow[] = await dataSource.query(
    `SELECT position::text AS position, entity_id, payload, created_at FROM outbox WHERE workspace_id = $1 AND position = $2`,
    [workspaceId, position],
  );
  return rows[0] ?? null;
}
