import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for reports (found with EXPLAIN (ANALYZE, BUFFERS) on the
 * 1M-entry bench workspace, `npm run bench -- --explain`):
 * - summary over a range reads every entry of the range: (workspace_id,
 *   start_at) now INCLUDEs the columns the groupings and sums read, so the scan
 *   is index-only (about a fifth of the heap's pages);
 * - the detailed page's totals for a few projects read every entry of those
 *   projects in the range: (project_id, start_at) INCLUDEs the same columns,
 *   instead of one heap page per entry.
 * Both replace the plain indexes on the same keys (which they serve as well).
 */
export class ReportIndexes1732300000030 implements MigrationInterface {
  name = 'ReportIndexes1732300000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX time_entries_workspace_start_cover_idx ON time_entries (workspace_id, start_at)
        INCLUDE (user_id, project_id, task_id, billable, end_at, duration, hourly_rate, cost_rate, id);
      DROP INDEX time_entries_workspace_start_idx;
      CREATE INDEX time_entries_project_start_cover_idx ON time_entries (project_id, start_at)
        INCLUDE (workspace_id, user_id, task_id, billable, end_at, duration, hourly_rate, cost_rate, id);
      DROP INDEX time_entries_project_start_idx;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX time_entries_workspace_start_idx ON time_entries (workspace_id, start_at);
      DROP INDEX time_entries_workspace_start_cover_idx;
      CREATE INDEX time_entries_project_start_idx ON time_entries (project_id, start_at);
      DROP INDEX time_entries_project_start_cover_idx;
    `);
  }
}
