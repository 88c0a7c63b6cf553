import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time entries. A running timer has `end_at` NULL, and a partial unique index
 * allows one per user per workspace, whatever the code does. Rates are
 * resolved when an entry is written and stored on it (cents). `version` backs
 * the ETag / If-Match check. Indexes serve the user's list (user, start desc,
 * id desc: a stable order for paging) and reports (workspace + start, project
 * + start).
 */
export class TimeEntries1732300000002 implements MigrationInterface {
  name = 'TimeEntries1732300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE time_entries (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        project_id char(24),
        task_id char(24),
        description text NOT NULL DEFAULT '',
        start_at timestamptz NOT NULL,
        end_at timestamptz,
        duration integer GENERATED ALWAYS AS (extract(epoch FROM end_at - start_at)::integer) STORED,
        billable boolean NOT NULL DEFAULT false,
        type text NOT NULL DEFAULT 'REGULAR' CHECK (type IN ('REGULAR', 'BREAK', 'HOLIDAY', 'TIME_OFF')),
        hourly_rate bigint,
        cost_rate bigint,
        currency text NOT NULL DEFAULT 'USD',
        invoiced boolean NOT NULL DEFAULT false,
        approval_status text,
        kiosk_id char(24),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        CHECK (end_at IS NULL OR end_at >= start_at),
        CHECK (task_id IS NULL OR project_id IS NOT NULL),
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id),
        FOREIGN KEY (workspace_id, project_id, task_id) REFERENCES tasks (workspace_id, project_id, id)
      );
      CREATE UNIQUE INDEX time_entries_one_running ON time_entries (workspace_id, user_id) WHERE end_at IS NULL;
      CREATE INDEX time_entries_user_start_idx ON time_entries (workspace_id, user_id, start_at DESC, id DESC);
      CREATE INDEX time_entries_workspace_start_idx ON time_entries (workspace_id, start_at);
      CREATE INDEX time_entries_project_start_idx ON time_entries (project_id, start_at);
      CREATE INDEX time_entries_task_idx ON time_entries (task_id) WHERE task_id IS NOT NULL;

      CREATE TABLE time_entry_tags (
        workspace_id char(24) NOT NULL,
        time_entry_id char(24) NOT NULL,
        tag_id char(24) NOT NULL,
        PRIMARY KEY (time_entry_id, tag_id),
        FOREIGN KEY (workspace_id, time_entry_id) REFERENCES time_entries (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, tag_id) REFERENCES tags (workspace_id, id)
      );
      CREATE INDEX time_entry_tags_tag_idx ON time_entry_tags (workspace_id, tag_id);

      CREATE TABLE time_entry_custom_fields (
        workspace_id char(24) NOT NULL,
        time_entry_id char(24) NOT NULL,
        custom_field_id char(24) NOT NULL,
        value jsonb,
        PRIMARY KEY (time_entry_id, custom_field_id),
        FOREIGN KEY (workspace_id, time_entry_id) REFERENCES time_entries (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, custom_field_id) REFERENCES custom_fields (workspace_id, id) ON DELETE CASCADE
      );

      CREATE TABLE templates (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        name text NOT NULL,
        project_and_tasks jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX templates_user_idx ON templates (workspace_id, user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE templates, time_entry_custom_fields, time_entry_tags, time_entries');
  }
}
