import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrator features: an index for the change feed (outbox by workspace and
 * type, in position order), the shared rate-limit counters (UNLOGGED: one-second
 * windows need no crash safety) and stored responses of Idempotency-Key POSTs.
 */
export class ChangeFeed1732300000011 implements MigrationInterface {
  name = 'ChangeFeed1732300000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX outbox_feed_idx ON outbox (workspace_id, entity_type, position);

      CREATE UNLOGGED TABLE rate_counters (
        key text NOT NULL,
        window_start bigint NOT NULL,
        count int NOT NULL,
        PRIMARY KEY (key, window_start)
      );
      CREATE INDEX rate_counters_window_idx ON rate_counters (window_start);

      CREATE TABLE idempotency_keys (
        caller text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, key)
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_keys, rate_counters;
      DROP INDEX outbox_feed_idx;
    `);
  }
}
