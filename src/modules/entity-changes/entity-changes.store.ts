import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { levelOf, RateChangeRecord, repricedEntriesSql } from '../rates/rates.store';
import { ChangeKind, CREATED_EVENTS, DELETED_EVENTS } from './change-types';

export interface OutboxRow {
  position: string | null;
  entity_type: string;
  entity_id: string;
  event: string;
  payload: Record<string, unknown>;
  created_at: Date;
  /** pg_snapshot_xmin of the reading statement: transactions below it have all finished. */
  horizon: string;
}

/** An outbox row of a rate change, as the feed reads it. */
export interface RateChangeRow {
  position: string;
  entity_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

export interface EntryRateRow {
  id: string;
  hourly_rate: string | null;
  cost_rate: string | null;
  currency: string;
}

/** Which changes a read is about: the workspace, the outbox entity types, created/updated/deleted. */
export interface FeedFilter {
  workspaceId: string;
  entityTypes: string[];
  kind: ChangeKind;
}

/** `classify` in SQL, over the column `event`. */
const KIND_SQL = `CASE
  WHEN event LIKE 'NEW\\_%' OR event LIKE '%\\_CREATED' OR event IN ('${CREATED_EVENTS.join("','")}') THEN 'created'
  WHEN event LIKE '%\\_DELETED' OR event IN ('${DELETED_EVENTS.join("','")}') THEN 'deleted'
  ELSE 'updated' END`;

const COLUMNS = 'position, entity_type, entity_id, event, payload, created_at';
const HORIZON = 'WITH h AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)';
const BASE = `workspace_id = $1 AND entity_type = ANY($2) AND (${KIND_SQL}) = $3`;

const baseParams = (filter: FeedFilter): unknown[] => [filter.workspaceId, filter.entityTypes, filter.kind];

/**
 * The SQL of the change feed over the outbox. Only rows of finished transactions (`tx_id` below the reading
 * snapshot's xmin) are read; every row read carries that xmin as `horizon` (one row with a null position when none
 * is found).
 */
@Injectable()
export class EntityChangesStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * After a cursor: late rows (transactions open at the last read, finished since, at or below `position`) whole,
   * then `limit` newer rows.
   */
  afterCursor(filter: FeedFilter, position: string, xmin: string, limit: number): Promise<OutboxRow[]> {
    return this.dataSource.query(
      `${HORIZON}
         SELECT r.*, h.xmin::text AS horizon FROM h LEFT JOIN LATERAL (
           (SELECT ${COLUMNS} FROM outbox WHERE ${BASE} AND tx_id >= $5::xid8 AND tx_id < h.xmin AND position <= $4)
           UNION ALL
           (SELECT ${COLUMNS} FROM outbox WHERE ${BASE} AND tx_id < h.xmin AND position > $4 ORDER BY outbox.position LIMIT $6)
         ) r ON true ORDER BY r.position`,
      [...baseParams(filter), position, xmin, limit],
    );
  }

  /** A page of the rows created between `start` and `end`. */
  inRange(filter: FeedFilter, start: Date, end: Date, limit: number, offset: number): Promise<OutboxRow[]> {
    return this.dataSource.query(
      `${HORIZON}
       SELECT r.*, h.xmin::text AS horizon FROM h LEFT JOIN LATERAL (
         SELECT ${COLUMNS} FROM outbox WHERE ${BASE} AND tx_id < h.xmin AND created_at >= $4 AND created_at <= $5
          ORDER BY outbox.position LIMIT $6 OFFSET $7
       ) r ON true ORDER BY r.position`,
      [...baseParams(filter), start, end, limit, offset],
    );
  }

  /** The last position of the changes of transactions below `horizon` (0 for none). */
  async lastPosition(filter: FeedFilter, horizon: string): Promise<string> {
    const [{ position }] = await this.dataSource.query<{ position: string }[]>(
      `SELECT coalesce(max(position), 0)::text AS position FROM outbox WHERE ${BASE} AND tx_id < $4::xid8`,
      [...baseParams(filter), horizon],
    );
    return position;
  }

  /** The entries a rate change touched that nothing changed since, after `afterId`, by id, `limit` at most. */
  repricedEntries(
    workspaceId: string,
    record: RateChangeRecord,
    afterId: string,
    limit: number,
  ): Promise<EntryRateRow[]> {
    const scope = { workspaceId, userId: record.userId, projectId: record.projectId, taskId: record.taskId };
    return this.dataSource.query(repricedEntriesSql(levelOf(scope)), [
      workspaceId,
      record.userId,
      record.projectId,
      record.taskId,
      record.at,
      record.since,
      afterId,
      limit,
    ]);
  }

  /** One rate-change row by its feed position. */
  async rateChangeRow(workspaceId: string, position: string): Promise<RateChangeRow | null> {
    const rows: RateChangeRow[] = await this.dataSource.query(
      `SELECT position::text AS position, entity_id, payload, created_at FROM outbox WHERE workspace_id = $1 AND position = $2`,
      [workspaceId, position],
    );
    return rows[0] ?? null;
  }
}
