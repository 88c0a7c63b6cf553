import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, keys, workspaces, memberships, roles, rate history, add-ons, the
 * outbox and server secrets. Workspace-owned tables carry `workspace_id`, and
 * references between them are composite keys through `(workspace_id, id)`, so
 * the database itself refuses a row that points into another workspace.
 */
export class Foundation1732300000000 implements MigrationInterface {
  name = 'Foundation1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id char(24) PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE',
        profile_picture text,
        settings jsonb NOT NULL,
        default_workspace_id char(24),
        active_workspace_id char(24),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE api_keys (
        id char(24) PRIMARY KEY,
        user_id char(24) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE INDEX api_keys_user_idx ON api_keys (user_id);

      CREATE TABLE images (
        id char(24) PRIMARY KEY,
        name text NOT NULL UNIQUE,
        user_id char(24) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        content_type text NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE workspaces (
        id char(24) PRIMARY KEY,
        name text NOT NULL,
        owner_id char(24) NOT NULL REFERENCES users (id),
        organization_id text,
        image_url text NOT NULL DEFAULT '',
        currency text NOT NULL DEFAULT 'USD',
        settings jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX workspaces_owner_idx ON workspaces (owner_id);

      CREATE TABLE workspace_members (
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id char(24) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE')),
        week_start text NOT NULL DEFAULT 'MONDAY',
        work_capacity integer NOT NULL DEFAULT 28800,
        working_days text[] NOT NULL DEFAULT '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, user_id)
      );
      CREATE INDEX workspace_members_user_idx ON workspace_members (user_id);

      CREATE TABLE member_roles (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER', 'WORKSPACE_ADMIN', 'TEAM_MANAGER', 'PROJECT_MANAGER')),
        entity_id char(24) NOT NULL,
        source_type text CHECK (source_type IN ('USER_GROUP')),
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX member_roles_key ON member_roles (workspace_id, user_id, role, entity_id);
      CREATE INDEX member_roles_entity_idx ON member_roles (workspace_id, entity_id);

      CREATE TABLE rates (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('HOURLY', 'COST')),
        user_id char(24),
        project_id char(24),
        task_id char(24),
        amount bigint NOT NULL CHECK (amount >= 0),
        currency text NOT NULL,
        since timestamptz NOT NULL,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX rates_scope_idx ON rates (workspace_id, kind, project_id, task_id, user_id, since DESC);

      CREATE TABLE addons (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        user_id char(24) NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        UNIQUE (workspace_id, id)
      );

      CREATE TABLE outbox (
        position bigserial PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        entity_type text NOT NULL,
        entity_id char(24) NOT NULL,
        event text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()
      );
      CREATE INDEX outbox_workspace_idx ON outbox (workspace_id, position);

      CREATE TABLE app_secrets (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE app_secrets, outbox, addons, rates, member_roles, workspace_members, workspaces, images, api_keys, users;
    `);
  }
}
