import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What time is tracked against: clients, projects (+ members), tasks (+
 * assignees), tags, user groups, custom fields. Names are unique per scope,
 * case-insensitively, by unique indexes (so two concurrent creates cannot both
 * win). Every cross-table reference is a composite key with `workspace_id`.
 */
export class Catalog1732300000001 implements MigrationInterface {
  name = 'Catalog1732300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clients (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        email text,
        address text,
        note text,
        cc_emails text[] NOT NULL DEFAULT '{}',
        currency_code text,
        archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id)
      );
      CREATE UNIQUE INDEX clients_name_key ON clients (workspace_id, lower(name));

      CREATE TABLE user_groups (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id)
      );
      CREATE UNIQUE INDEX user_groups_name_key ON user_groups (workspace_id, lower(name));

      CREATE TABLE user_group_members (
        workspace_id char(24) NOT NULL,
        user_group_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        PRIMARY KEY (user_group_id, user_id),
        FOREIGN KEY (workspace_id, user_group_id) REFERENCES user_groups (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX user_group_members_user_idx ON user_group_members (workspace_id, user_id);

      CREATE TABLE projects (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        client_id char(24),
        color text NOT NULL DEFAULT '#03A9F4',
        note text NOT NULL DEFAULT '',
        billable boolean NOT NULL DEFAULT true,
        is_public boolean NOT NULL DEFAULT true,
        archived boolean NOT NULL DEFAULT false,
        is_template boolean NOT NULL DEFAULT false,
        time_estimate jsonb,
        budget_estimate jsonb,
        estimate_reset jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, client_id) REFERENCES clients (workspace_id, id) ON DELETE SET NULL (client_id)
      );
      CREATE UNIQUE INDEX projects_name_key ON projects (workspace_id, coalesce(client_id, ''), lower(name));
      CREATE INDEX projects_client_idx ON projects (workspace_id, client_id);

      CREATE TABLE project_members (
        workspace_id char(24) NOT NULL,
        project_id char(24) NOT NULL,
        user_id char(24),
        user_group_id char(24),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((user_id IS NULL) <> (user_group_id IS NULL)),
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_group_id) REFERENCES user_groups (workspace_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX project_members_user_key ON project_members (project_id, user_id) WHERE user_id IS NOT NULL;
      CREATE UNIQUE INDEX project_members_group_key ON project_members (project_id, user_group_id) WHERE user_group_id IS NOT NULL;
      CREATE INDEX project_members_user_idx ON project_members (workspace_id, user_id);
      CREATE INDEX project_members_group_idx ON project_members (workspace_id, user_group_id);

      CREATE TABLE tasks (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        project_id char(24) NOT NULL,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DONE')),
        estimate bigint CHECK (estimate >= 0),
        budget_estimate bigint CHECK (budget_estimate >= 0),
        billable boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        UNIQUE (workspace_id, project_id, id),
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX tasks_name_key ON tasks (workspace_id, project_id, lower(name));

      CREATE TABLE task_assignees (
        workspace_id char(24) NOT NULL,
        task_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        PRIMARY KEY (task_id, user_id),
        FOREIGN KEY (workspace_id, task_id) REFERENCES tasks (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );

      CREATE TABLE task_user_groups (
        workspace_id char(24) NOT NULL,
        task_id char(24) NOT NULL,
        user_group_id char(24) NOT NULL,
        PRIMARY KEY (task_id, user_group_id),
        FOREIGN KEY (workspace_id, task_id) REFERENCES tasks (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_group_id) REFERENCES user_groups (workspace_id, id) ON DELETE CASCADE
      );

      CREATE TABLE tags (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id)
      );
      CREATE UNIQUE INDEX tags_name_key ON tags (workspace_id, lower(name));

      CREATE TABLE custom_fields (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('TXT', 'NUMBER', 'DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE', 'CHECKBOX', 'LINK')),
        entity_type text NOT NULL DEFAULT 'TIMEENTRY' CHECK (entity_type IN ('TIMEENTRY', 'USER')),
        description text NOT NULL DEFAULT '',
        placeholder text NOT NULL DEFAULT '',
        allowed_values text[] NOT NULL DEFAULT '{}',
        required boolean NOT NULL DEFAULT false,
        only_admin_can_edit boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'VISIBLE' CHECK (status IN ('INACTIVE', 'VISIBLE', 'INVISIBLE')),
        workspace_default_value jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id)
      );
      CREATE UNIQUE INDEX custom_fields_name_key ON custom_fields (workspace_id, lower(name));

      CREATE TABLE project_custom_fields (
        workspace_id char(24) NOT NULL,
        project_id char(24) NOT NULL,
        custom_field_id char(24) NOT NULL,
        default_value jsonb,
        status text NOT NULL DEFAULT 'VISIBLE' CHECK (status IN ('INACTIVE', 'VISIBLE', 'INVISIBLE')),
        PRIMARY KEY (project_id, custom_field_id),
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, custom_field_id) REFERENCES custom_fields (workspace_id, id) ON DELETE CASCADE
      );

      CREATE TABLE user_custom_field_values (
        workspace_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        custom_field_id char(24) NOT NULL,
        value jsonb,
        PRIMARY KEY (workspace_id, user_id, custom_field_id),
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, custom_field_id) REFERENCES custom_fields (workspace_id, id) ON DELETE CASCADE
      );

      ALTER TABLE rates
        ADD FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        ADD FOREIGN KEY (workspace_id, task_id) REFERENCES tasks (workspace_id, id) ON DELETE CASCADE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rates DROP CONSTRAINT IF EXISTS rates_workspace_id_project_id_fkey,
                        DROP CONSTRAINT IF EXISTS rates_workspace_id_task_id_fkey;
      DROP TABLE user_custom_field_values, project_custom_fields, custom_fields, tags, task_user_groups,
                 task_assignees, tasks, project_members, projects, user_group_members, user_groups, clients;
    `);
  }
}
