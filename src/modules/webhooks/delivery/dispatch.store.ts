import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Fans new outbox rows out into `webhook_deliveries`, one job per matching
 * enabled webhook (event, trigger sources, created before the event).
 *
 * Why the cursor is a (tx_id, position) pair and not a position: positions come
 * from a sequence when a row is inserted, but rows become visible when their
 * transaction commits, and transactions commit out of order. A reader that sees
 * position 101 may later find 100 committed; a position cursor moved to 101
 * would skip it. And a row still in flight is invisible, so "stop below the
 * first in-flight row" cannot be decided from positions alone.
 *
 * What is safe: every transaction whose id is below `pg_snapshot_xmin` of our
 * snapshot has finished (committed, so visible to us, or rolled back), and any
 * transaction still running, or yet to start, has an id at or above it. So we
 * read only rows with `tx_id < xmin` and walk them in (tx_id, position) order.
 * Once a batch is read, every row that will ever exist with a smaller
 * (tx_id, position) has already been visible to us, so advancing the cursor to
 * the largest pair read never skips a row; a row of a transaction still in flight
 * has tx_id >= xmin > every pair read, so the cursor never passes it. Rows of one
 * transaction appear all at once, in position order within it.
 *
 * Two instances: the cursor row is locked (FOR UPDATE SKIP LOCKED) for the
 * whole transaction, so only one fans out at a time and the other skips this
 * round; the unique (webhook_id, outbox_position) would absorb a repeat anyway.
 */
@Injectable()
export class DispatchStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Fans out at most `batchSize` outbox rows; answers how many were read and how many deliveries enqueued. */
  fanOutBatch(batchSize: number): Promise<{ read: number; enqueued: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [cursor] = await manager.query<{ tx_id: string; position: string }[]>(
        `SELECT tx_id::text AS tx_id, position::text AS position FROM webhook_dispatch_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!cursor) return { read: 0, enqueued: 0 }; // another instance is fanning out right now
      const [rows] = await manager.query<[{ read: number; enqueued: number }[], number]>(
        `WITH batch AS (
           SELECT o.position, o.tx_id, o.workspace_id, o.entity_type, o.entity_id, o.event, o.payload, o.created_at
             FROM outbox o
            WHERE (o.tx_id, o.position) > ($1::xid8, $2::bigint)
              AND o.tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY o.tx_id, o.position
            LIMIT $3
         ),
         enqueued AS (
           INSERT INTO webhook_deliveries (id, workspace_id, webhook_id, outbox_position, event, payload)
           SELECT lpad(to_hex(floor(extract(epoch FROM clock_timestamp()))::bigint), 8, '0') || substr(md5(gen_random_uuid()::text), 1, 16),
                  b.workspace_id, w.id, b.position, b.event, b.payload
             FROM batch b
             JOIN webhooks w
               ON w.workspace_id = b.workspace_id AND w.webhook_event = b.event AND w.enabled AND w.created_at <= b.created_at
            WHERE cardinality(w.trigger_source) = 0
               OR w.trigger_source && webhook_trigger_ids(w.trigger_source_type, b.entity_type, b.entity_id, b.workspace_id, b.payload)
           ON CONFLICT (webhook_id, outbox_position) DO NOTHING
           RETURNING 1
         ),
         last AS (SELECT tx_id, position FROM batch ORDER BY tx_id DESC, position DESC LIMIT 1)
         UPDATE webhook_dispatch_cursor c
            SET tx_id = last.tx_id, position = last.position, updated_at = now()
           FROM last
          WHERE c.id = 1
         RETURNING (SELECT count(*) FROM batch)::int AS read, (SELECT count(*) FROM enqueued)::int AS enqueued`,
        [cursor.tx_id, cursor.position, batchSize],
      );
      return rows[0] ?? { read: 0, enqueued: 0 };
    });
  }
}
