import { BadRequestException, Injectable } from '@nestjs/common';
import { toInstant } from '../../common/utils/time';
import { RATE_CHANGE_ENTITY } from '../rates/rates.store';
import { ChangeKind, FEED_TYPES, FeedType } from './change-types';
import type { EntityChangesQueryDto } from './dto/entity-changes-query.dto';
import type { EntityDocumentDto, LogBinDocumentDto } from './dto/entity-change.dto';
import { decodeCursor, encodeCursor, MAX_PENDING, PendingChange } from './feed-cursor';
import { EntityChangesStore, FeedFilter, OutboxRow, RateChangeRow } from './entity-changes.store';
import { rateChangeDocuments } from './rate-change-documents';

export type FeedDocument = EntityDocumentDto | LogBinDocumentDto;

export interface FeedPage {
  items: FeedDocument[];
  nextCursor: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RANGE_MS = 30 * DAY_MS;

/**
 * The change feed over the outbox. Only rows of finished transactions
 * (`tx_id` below the reading snapshot's xmin) are handed out, so a row of a
 * transaction still open can never be skipped; see FeedCursor for the cursor's meaning.
 */
@Injectable()
export class EntityChangesService {
  constructor(private readonly store: EntityChangesStore) {}

  async read(workspaceId: string, kind: ChangeKind, query: EntityChangesQueryDto): Promise<FeedPage> {
    const types = [...new Map(query.type.map((name) => [FEED_TYPES[name].documentType, FEED_TYPES[name]])).values()];
    const entityTypes = [...new Set(types.flatMap((t) => t.entityTypes))];
    const filter: FeedFilter = { workspaceId, entityTypes, kind };
    const page = new PageBuilder(this.store, workspaceId, kind, types, query.limit);

    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      // Changes handed out in part come first; while one is left, nothing newer is read.
      const pending = await page.continuePending(cursor.pending ?? []);
      if (pending.length) return { items: page.items, nextCursor: encodeCursor({ ...cursor, pending }) };
      // Late rows (transactions open at the last read, finished since) come whole; then newer rows, `limit` of them.
      const rows = await this.store.afterCursor(filter, cursor.position, cursor.xmin, query.limit);
      const found = rows.filter((r) => r.position !== null);
      let position = BigInt(cursor.position);
      for (const row of found) {
        const late = BigInt(row.position as string) <= BigInt(cursor.position);
        if (!late && (page.pending.length || page.full)) break; // newer ones wait for the next read
        if (!(await page.add(row, late))) return { items: page.items, nextCursor: query.cursor }; // too many in part: read again
        if (!late) position = BigInt(row.position as string);
      }
      return {
        items: page.items,
        nextCursor: encodeCursor({ position: position.toString(), xmin: rows[0].horizon, pending: page.pending }),
      };
    }

    const { start, end } = dateRange(query);
    const offset = (Math.max(query.page, 1) - 1) * query.limit;
    const rows = await this.store.inRange(filter, start, end, query.limit, offset);
    const horizon = rows[0].horizon;
    const found = rows.filter((r) => r.position !== null);
    let last: string | null = null;
    for (const row of found) {
      if (page.pending.length) break;
      await page.add(row, false);
      last = row.position;
    }
    // An empty page continues after every change already finished.
    const nextCursor = last
      ? encodeCursor({ position: last, xmin: horizon, pending: page.pending })
      : encodeCursor({ position: await this.store.lastPosition(filter, horizon), xmin: horizon });
    return { items: page.items, nextCursor };
  }
}

function dateRange(query: EntityChangesQueryDto): { start: Date; end: Date } {
  const parsedStart = query.start ? new Date(query.start) : undefined;
  const parsedEnd = query.end ? new Date(query.end) : undefined;
  const end = parsedEnd ?? (parsedStart ? new Date(parsedStart.getTime() + DEFAULT_RANGE_MS) : new Date());
  const start = parsedStart ?? new Date(end.getTime() - DEFAULT_RANGE_MS);
  if (start > end) throw new BadRequestException('start must not be after end');
  return { start, end };
}

/**
 * One read's documents: plain outbox rows become their documents; a rate change (one row for all the entries it
 * re-priced) becomes TIME_ENTRY_RATE documents up to the page's limit, the rest left `pending` for the next read.
 */
class PageBuilder {
  readonly items: FeedDocument[] = [];
  readonly pending: PendingChange[] = [];
  private room: number;

  constructor(
    private readonly store: EntityChangesStore,
    private readonly workspaceId: string,
    private readonly kind: ChangeKind,
    private readonly types: FeedType[],
    limit: number,
  ) {
    this.room = limit;
  }

  /** Continues the changes a previous read handed out in part; answers those still left. */
  async continuePending(previous: PendingChange[]): Promise<PendingChange[]> {
    const left = [...previous];
    while (left.length && this.room > 0) {
      const row = await this.store.rateChangeRow(this.workspaceId, left[0].seq);
      const docs = row ? await rateChangeDocuments(this.store, this.workspaceId, row, left[0].after, this.room) : [];
      this.push(docs);
      if (docs.length && this.room === 0) left[0] = { seq: left[0].seq, after: docs[docs.length - 1].id };
      else left.shift();
    }
    return left;
  }

  /** Adds a row's documents; false when it would leave more changes in part than a cursor carries. */
  async add(row: OutboxRow, late: boolean): Promise<boolean> {
    if (row.entity_type !== RATE_CHANGE_ENTITY) {
      const docs = toDocuments(row, this.kind, this.types);
      if (late) this.items.push(...docs);
      else this.push(docs);
      return true;
    }
    if (!this.types.some((t) => t.entityTypes.includes(RATE_CHANGE_ENTITY))) return true;
    const docs = await rateChangeDocuments(this.store, this.workspaceId, row as RateChangeRow, '', this.room);
    this.push(docs);
    if (this.room > 0) return true; // all of it fitted
    if (this.pending.length >= MAX_PENDING) return false;
    this.pending.push({ seq: row.position as string, after: docs.length ? docs[docs.length - 1].id : '' });
    return true;
  }

  get full(): boolean {
    return this.room === 0;
  }

  private push(docs: FeedDocument[]): void {
    this.items.push(...docs);
    this.room = Math.max(0, this.room - docs.length);
  }
}

function toDocuments(row: OutboxRow, kind: ChangeKind, types: FeedType[]): FeedDocument[] {
  const at = toInstant(row.created_at) as string;
  const sequence = row.position as string;
  return types
    .filter((type) => type.entityTypes.includes(row.entity_type))
    .flatMap((type) => {
      const documents = type.project ? type.project(row.payload, row.entity_id) : [row.payload];
      return documents.map((document): FeedDocument => {
        if (kind === 'deleted') {
          const id = typeof document.id === 'string' ? document.id : row.entity_id;
          return {
            id,
            deletedAt: at,
            document,
            documentCode: type.documentType,
            documentType: type.documentType,
            changeSequence: sequence,
          };
        }
        const auditMetadata =
          kind === 'created'
            ? { createdAt: at, updatedAt: at, changeSequence: sequence }
            : { updatedAt: at, changeSequence: sequence };
        return {
          ...document,
          id: typeof document.id === 'string' ? document.id : row.entity_id,
          documentType: type.documentType,
          auditMetadata,
        };
      });
    });
}
