import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toInstant } from '../../common/utils/time';
import { ChangeKind, FEED_TYPES, FeedType, KIND_SQL } from './change-types';
import type { EntityChangesQueryDto } from './dto/entity-changes-query.dto';
import type { EntityDocumentDto, LogBinDocumentDto } from './dto/entity-change.dto';
import { decodeCursor, encodeCursor } from './feed-cursor';

interface OutboxRow {
  position: string | null;
  entity_type: string;
  entity_id: string;
  event: string;
  payload: Record<string, unknown>;
  created_at: Date;
  /** pg_snapshot_xmin of the reading statement: transactions below it have all finished. */
  horizon: string;
}

export type FeedDocument = EntityDocumentDto | LogBinDocumentDto;

export interface FeedPage {
  items: FeedDocument[];
  nextCursor: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RANGE_MS = 30 * DAY_MS;
const COLUMNS = 'position, entity_type, entity_id, event, payload, created_at';
const HORIZON = 'WITH h AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)';

/**
 * The change feed over the outbox. Only rows of finished transactions
 * (`tx_id` below the reading snapshot's xmin) are handed out, so a row of a
 * transaction still open can never be skipped; see FeedCursor for the cursor's meaning.
 */
@Injectable()
export class EntityChangesService {
  constructor(private readonly dataSource: DataSource) {}

  async read(workspaceId: string, kind: ChangeKind, query: EntityChangesQueryDto): Promise<FeedPage> {
    const types = [...new Map(query.type.map((name) => [FEED_TYPES[name].documentType, FEED_TYPES[name]])).values()];
    const entityTypes = [...new Set(types.flatMap((t) => t.entityTypes))];
    const base = `workspace_id = $1 AND entity_type = ANY($2) AND (${KIND_SQL}) = $3`;
    const params: unknown[] = [workspaceId, entityTypes, kind];

    let rows: OutboxRow[];
    let nextCursor: string | null;
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      // Late rows (transactions open at the last read, finished since) come whole; then newer rows, `limit` of them.
      rows = await this.dataSource.query(
        `${HORIZON}
         SELECT r.*, h.xmin::text AS horizon FROM h LEFT JOIN LATERAL (
           (SELECT ${COLUMNS} FROM outbox WHERE ${base} AND tx_id >= $5::xid8 AND tx_id < h.xmin AND position <= $4)
           UNION ALL
           (SELECT ${COLUMNS} FROM outbox WHERE ${base} AND tx_id < h.xmin AND position > $4 ORDER BY outbox.position LIMIT $6)
         ) r ON true ORDER BY r.position`,
        [...params, cursor.position, cursor.xmin, query.limit],
      );
      const found = rows.filter((r) => r.position !== null);
      const last = found.length ? BigInt(found[found.length - 1].position as string) : 0n;
      const position = last > BigInt(cursor.position) ? last.toString() : cursor.position;
      nextCursor = encodeCursor({ position, xmin: rows[0].horizon });
      rows = found;
    } else {
      const { start, end } = dateRange(query);
      const offset = (Math.max(query.page, 1) - 1) * query.limit;
      rows = await this.dataSource.query(
        `${HORIZON}
         SELECT r.*, h.xmin::text AS horizon FROM h LEFT JOIN LATERAL (
           SELECT ${COLUMNS} FROM outbox WHERE ${base} AND tx_id < h.xmin AND created_at >= $4 AND created_at <= $5
            ORDER BY outbox.position LIMIT $6 OFFSET $7
         ) r ON true ORDER BY r.position`,
        [...params, start, end, query.limit, offset],
      );
      const horizon = rows[0].horizon;
      rows = rows.filter((r) => r.position !== null);
      nextCursor = rows.length
        ? encodeCursor({ position: rows[rows.length - 1].position as string, xmin: horizon })
        : await this.cursorAtEnd(params, base, horizon);
    }
    return { items: rows.flatMap((row) => toDocuments(row, kind, types)), nextCursor };
  }

  /** An empty page: continue after every change already finished. */
  private async cursorAtEnd(params: unknown[], base: string, horizon: string): Promise<string> {
    const [{ position }] = await this.dataSource.query<{ position: string }[]>(
      `SELECT coalesce(max(position), 0)::text AS position FROM outbox WHERE ${base} AND tx_id < $4::xid8`,
      [...params, horizon],
    );
    return encodeCursor({ position, xmin: horizon });
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
          return { id, deletedAt: at, document, documentCode: type.documentType, documentType: type.documentType, changeSequence: sequence };
        }
        const auditMetadata = kind === 'created' ? { createdAt: at, updatedAt: at, changeSequence: sequence } : { updatedAt: at, changeSequence: sequence };
        return { ...document, id: typeof document.id === 'string' ? document.id : row.entity_id, documentType: type.documentType, auditMetadata };
      });
    });
}
