import { toInstant } from '../../common/utils/time';
import type { RateChangeRecord } from '../rates/rates.store';
import type { EntityDocumentDto } from './dto/entity-change.dto';
import type { EntityChangesStore, RateChangeRow } from './entity-changes.store';

const rate = (amount: string | null, currency: string) =>
  amount === null ? null : { amount: Number(amount), currency };

/**
 * The TIME_ENTRY_RATE documents of one rate change (one outbox row, however many entries it re-priced): the
 * entries it touched that nothing changed since (a later change has its own feed row), after `afterId`, by id,
 * `limit` at most, each with its current rates and the change's `changeSequence`.
 */
export async function rateChangeDocuments(
  store: EntityChangesStore,
  workspaceId: string,
  row: RateChangeRow,
  afterId: string,
  limit: number,
): Promise<EntityDocumentDto[]> {
  if (limit <= 0) return [];
  const entries = await store.repricedEntries(workspaceId, row.payload as unknown as RateChangeRecord, afterId, limit);
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
