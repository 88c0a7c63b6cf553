import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling: assignments of members to projects (and tasks) over date
 * periods. A weekly recurring assignment is a series with one occurrence per
 * week (`week_index` 0..weeks-1), so "this and following" edits split the
 * series and deleting one occurrence leaves the others. Every reference is a
 * composite key through `(workspace_id, ...)`.
 */
export class Scheduling1732300000070 implements MigrationInterface {
  name = 'Scheduling1732300000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assignment_series (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id char(24) NOT NULL,
        project_id char(24) NOT NULL,
        task_id char(24),
        start_date date NOT NULL,
        end_date date NOT NULL,
        hours_per_day numeric(6, 2) NOT NULL CHECK (hours_per_day > 0 AND hours_per_day <= 24),
        include_non_working_days boolean NOT NULL DEFAULT false,
        note text NOT NULL DEFAULT '',
        billable boolean NOT NULL DEFAULT true,
        start_time time,
        repeat boolean NOT NULL DEFAULT true,
        weeks integer NOT NULL CHECK (weeks BETWEEN 1 AND 99),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, project_id, task_id) REFERENCES tasks (workspace_id, project_id, id) ON DELETE SET NULL (task_id)
      );

      CREATE TABLE assignments (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        series_id char(24),
        week_index integer CHECK (week_index >= 0),
        user_id char(24) NOT NULL,
        project_id char(24) NOT NULL,
        task_id char(24),
        start_date date NOT NULL,
        end_date date NOT NULL,
        hours_per_day numeric(6, 2) NOT NULL CHECK (hours_per_day > 0 AND hours_per_day <= 24),
        include_non_working_days boolean NOT NULL DEFAULT false,
        note text NOT NULL DEFAULT '',
        billable boolean NOT NULL DEFAULT true,
        start_time time,
        published boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        CHECK ((series_id IS NULL) = (week_index IS NULL)),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, series_id) REFERENCES assignment_series (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, project_id, task_id) REFERENCES tasks (workspace_id, project_id, id) ON DELETE SET NULL (task_id)
      );
      CREATE INDEX assignments_user_period_idx ON assignments (workspace_id, user_id, start_date, end_date);
      CREATE INDEX assignments_project_period_idx ON assignments (workspace_id, project_id, start_date, end_date);
      CREATE INDEX assignments_series_idx ON assignments (workspace_id, series_id, week_index);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assignments, assignment_series;`);
  }
}
