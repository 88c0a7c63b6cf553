import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks, their delivery jobs and the dispatcher's cursor over the outbox.
 *
 * - `webhooks`: an add-on's webhooks go with the add-on (composite FK, cascade);
 *   `token` is the Clockify-Signature value, `secret` the Standard Webhooks key.
 * - `webhook_deliveries`: one job per (webhook, outbox row), unique, so an event
 *   is enqueued once however often fan-out runs; it doubles as the delivery log.
 * - `webhook_dispatch_cursor`: how far the outbox has been fanned out, as a
 *   (tx_id, position) pair; see DeliveryDispatcher for why not a position alone.
 * - `webhook_trigger_ids()`: the ids an outbox row offers to a trigger source type
 *   (PROJECT_ID, TAG_ID, ...), read from the entity and its REST payload.
 */
export class Webhooks1732300000010 implements MigrationInterface {
  name = 'Webhooks1732300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        addon_id char(24),
        user_id char(24) NOT NULL REFERENCES users (id),
        name text NOT NULL,
        url text NOT NULL,
        webhook_event text NOT NULL,
        trigger_source text[] NOT NULL DEFAULT '{}',
        trigger_source_type text NOT NULL,
        token text NOT NULL,
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, addon_id) REFERENCES addons (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX webhooks_event_idx ON webhooks (workspace_id, webhook_event) WHERE enabled;
      CREATE INDEX webhooks_addon_idx ON webhooks (addon_id) WHERE addon_id IS NOT NULL;

      CREATE TABLE webhook_deliveries (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        webhook_id char(24) NOT NULL,
        outbox_position bigint NOT NULL,
        event text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        first_attempt_at timestamptz,
        last_status_code int,
        last_error text,
        last_duration_ms int,
        response_excerpt text,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (webhook_id, outbox_position),
        FOREIGN KEY (workspace_id, webhook_id) REFERENCES webhooks (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (workspace_id, webhook_id, created_at);

      CREATE TABLE webhook_dispatch_cursor (
        id smallint PRIMARY KEY CHECK (id = 1),
        tx_id xid8 NOT NULL,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO webhook_dispatch_cursor (id, tx_id, position) VALUES (1, '0'::xid8, 0);
      CREATE INDEX outbox_tx_idx ON outbox (tx_id, position);

      CREATE FUNCTION webhook_trigger_ids(source_type text, entity_type text, entity_id text, workspace_id text, payload jsonb)
      RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
        SELECT array_remove(
          CASE source_type
            WHEN 'WORKSPACE_ID' THEN ARRAY[workspace_id, payload->>'workspaceId']
            WHEN 'PROJECT_ID' THEN ARRAY[CASE WHEN entity_type = 'PROJECT' THEN entity_id END, payload->>'projectId', payload#>>'{project,id}']
            WHEN 'TASK_ID' THEN ARRAY[CASE WHEN entity_type = 'TASK' THEN entity_id END, payload->>'taskId', payload#>>'{task,id}']
            WHEN 'USER_ID' THEN ARRAY[CASE WHEN entity_type = 'USER' THEN entity_id END, payload->>'userId', payload#>>'{user,id}']
            WHEN 'TAG_ID' THEN ARRAY[CASE WHEN entity_type = 'TAG' THEN entity_id END]
              || ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(payload->'tagIds') = 'array' THEN payload->'tagIds' ELSE '[]' END))
              || ARRAY(SELECT t->>'id' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(payload->'tags') = 'array' THEN payload->'tags' ELSE '[]' END) t)
            WHEN 'ASSIGNMENT_ID' THEN ARRAY[CASE WHEN entity_type = 'ASSIGNMENT' THEN entity_id END]
            WHEN 'EXPENSE_ID' THEN ARRAY[CASE WHEN entity_type = 'EXPENSE' THEN entity_id END]
            ELSE ARRAY[]::text[]
          END,
          NULL
        )
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION webhook_trigger_ids(text, text, text, text, jsonb);
      DROP INDEX outbox_tx_idx;
      DROP TABLE webhook_dispatch_cursor, webhook_deliveries, webhooks;
    `);
  }
}
