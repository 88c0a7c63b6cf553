import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-pricing writes no index entries (#15, `reprice-workspace`): a changed row is a HOT update when none of its
 * changed columns (hourly_rate, cost_rate, currency, version, updated_at) is in an index and its page has room for
 * the new version. So:
 * - the two covering report indexes (1732300000030) no longer INCLUDE hourly_rate and cost_rate: report scans read
 *   them from the heap (measured in the README: summary-year, summary-month, detailed-page);
 * - the table keeps half of each page free (fillfactor 50): within one statement the old versions cannot be pruned,
 *   so a change of every entry needs room for a second version of each row on its page.
 * The fillfactor applies to pages written from now on; `VACUUM FULL time_entries` (an exclusive lock for the rewrite)
 * gives the existing pages their room at once, otherwise the first large re-pricing moves their rows.
 */
export class EntryRatesHotUpdates1732300000216 implements MigrationInterface {
  name = 'EntryRatesHotUpdates1732300000216';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE time_entries SET (fillfactor = 50);
      CREATE INDEX time_entries_workspace_start_report_idx ON time_entries (workspace_id, start_at)
        INCLUDE (user_id, project_id, task_id, billable, end_at, duration, id);
      DROP INDEX time_entries_workspace_start_cover_idx;
      CREATE INDEX time_entries_project_start_report_idx ON time_entries (project_id, start_at)
        INCLUDE (workspace_id, user_id, task_id, billable, end_at, duration, id);
      DROP INDEX time_entries_project_start_cover_idx;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE time_entries RESET (fillfactor);
      CREATE INDEX time_entries_workspace_start_cover_idx ON time_entries (workspace_id, start_at)
        INCLUDE (user_id, project_id, task_id, billable, end_at, duration, hourly_rate, cost_rate, id);
      DROP INDEX time_entries_workspace_start_report_idx;
      CREATE INDEX time_entries_project_start_cover_idx ON time_entries (project_id, start_at)
        INCLUDE (workspace_id, user_id, task_id, billable, end_at, duration, hourly_rate, cost_rate, id);
      DROP INDEX time_entries_project_start_report_idx;
    `);
  }
}
