import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate changes and entry pricing exclude each other with a transaction-level advisory lock on the workspace
 * (RatesStore) instead of row locks on the workspace row. A write that priced its entry outside the lock checks,
 * once it holds the lock, that `rates_version` is still the one it read: `rates_version_of` reads it with a fresh
 * snapshot (a VOLATILE function's statements get their own), not the calling statement's, which may predate a
 * change that committed just before the lock was taken.
 */
export class RateAdvisoryLocks1732300000215 implements MigrationInterface {
  name = 'RateAdvisoryLocks1732300000215';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION rates_version_of(workspace char(24)) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        RETURN (SELECT rates_version FROM workspaces WHERE id = workspace);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION rates_version_of(char(24))');
  }
}
