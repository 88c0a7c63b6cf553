import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Add-ons as Clockify's: RS256 signing keys, installations from a manifest,
 * lifecycle calls as jobs.
 *
 * - `addon_signing_keys`: RSA keys; the newest whose `signs_from` has passed
 *   signs, a newer one is published (JWKS) before it signs. `private_pem` is
 *   null for the key given in ADDON_SIGNING_KEY (never stored).
 * - `addons`: `key`, `manifest`, `scopes` (null: full admin access, the
 *   `--name` installs), `status` (ACTIVE, INACTIVE, FAILED), `settings` (the
 *   manifest's settings with this installation's values), `token_kid` (the key
 *   its token was signed with; null for HS256 tokens issued before this change).
 *   One live installation per key and workspace.
 * - `webhooks.token_kid`: the key that signed a manifest webhook's token.
 * - `addon_lifecycle_jobs`: INSTALLED, DELETED, SETTINGS_UPDATED, STATUS_CHANGED
 *   calls, claimed with FOR UPDATE SKIP LOCKED like webhook deliveries; the row
 *   is also the call's log.
 */
export class AddonPlatform1732300000190 implements MigrationInterface {
  name = 'AddonPlatform1732300000190';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE addon_signing_keys (
        kid text PRIMARY KEY,
        public_pem text NOT NULL,
        private_pem text,
        signs_from timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      ALTER TABLE addons
        ADD COLUMN key text,
        ADD COLUMN manifest jsonb,
        ADD COLUMN scopes text[],
        ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'FAILED')),
        ADD COLUMN settings jsonb,
        ADD COLUMN token_kid text REFERENCES addon_signing_keys (kid),
        ADD COLUMN failed_reason text;
      CREATE UNIQUE INDEX addons_live_key_idx ON addons (workspace_id, key) WHERE revoked_at IS NULL AND key IS NOT NULL;
      CREATE INDEX addons_token_kid_idx ON addons (token_kid) WHERE revoked_at IS NULL;

      ALTER TABLE webhooks ADD COLUMN token_kid text REFERENCES addon_signing_keys (kid);

      CREATE TABLE addon_lifecycle_jobs (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        addon_id char(24) NOT NULL,
        event text NOT NULL CHECK (event IN ('INSTALLED', 'DELETED', 'SETTINGS_UPDATED', 'STATUS_CHANGED')),
        url text NOT NULL,
        payload jsonb NOT NULL,
        base_url text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        first_attempt_at timestamptz,
        last_status_code int,
        last_error text,
        last_duration_ms int,
        response_excerpt text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (workspace_id, addon_id) REFERENCES addons (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX addon_lifecycle_jobs_due_idx ON addon_lifecycle_jobs (next_attempt_at) WHERE status = 'PENDING';
      CREATE INDEX addon_lifecycle_jobs_addon_idx ON addon_lifecycle_jobs (workspace_id, addon_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE addon_lifecycle_jobs;
      ALTER TABLE webhooks DROP COLUMN token_kid;
      DROP INDEX addons_live_key_idx;
      ALTER TABLE addons DROP COLUMN key, DROP COLUMN manifest, DROP COLUMN scopes, DROP COLUMN status,
        DROP COLUMN settings, DROP COLUMN token_kid, DROP COLUMN failed_reason;
      DROP TABLE addon_signing_keys;
    `);
  }
}
