import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared reports: a saved report filter with a name, a type (DETAILED,
 * SUMMARY, WEEKLY, ...), public or private, and a date range that is either
 * fixed (the saved dateRangeStart/End) or rolling (the saved dateRangeType,
 * e.g. LAST_MONTH, recomputed at each read). Who may see a private one is kept
 * in two link tables with composite keys, so a report can only name users and
 * groups of its own workspace.
 */
export class SharedReports1732300000031 implements MigrationInterface {
  name = 'SharedReports1732300000031';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shared_reports (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id char(24) NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        filter jsonb NOT NULL,
        is_public boolean NOT NULL DEFAULT false,
        fixed_date boolean NOT NULL DEFAULT false,
        date_range_type text,
        date_range_start text,
        date_range_end text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX shared_reports_user_idx ON shared_reports (workspace_id, user_id, created_at DESC);

      CREATE TABLE shared_report_users (
        workspace_id char(24) NOT NULL,
        shared_report_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        PRIMARY KEY (shared_report_id, user_id),
        FOREIGN KEY (workspace_id, shared_report_id) REFERENCES shared_reports (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX shared_report_users_user_idx ON shared_report_users (workspace_id, user_id);

      CREATE TABLE shared_report_user_groups (
        workspace_id char(24) NOT NULL,
        shared_report_id char(24) NOT NULL,
        user_group_id char(24) NOT NULL,
        PRIMARY KEY (shared_report_id, user_group_id),
        FOREIGN KEY (workspace_id, shared_report_id) REFERENCES shared_reports (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_group_id) REFERENCES user_groups (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX shared_report_user_groups_group_idx ON shared_report_user_groups (workspace_id, user_group_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE shared_report_user_groups, shared_report_users, shared_reports');
  }
}
