import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-pricing on rate changes: `workspaces.rates_version` counts the rate
 * changes of a workspace. A rate change locks the workspace row FOR UPDATE and
 * bumps it; a write that prices an entry holds FOR KEY SHARE on that row (and,
 * when it priced outside a transaction, checks the version it read), so an
 * entry is never stored with the rates of before a change that did not see it.
 * A constant default: adding the column rewrites nothing.
 */
export class RateRepricing1732300000151 implements MigrationInterface {
  name = 'RateRepricing1732300000151';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces ADD COLUMN rates_version bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces DROP COLUMN rates_version`);
  }
}
