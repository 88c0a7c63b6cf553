import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timesheet templates (deprecated in Clockify, still used by clients): the week a
 * template was made from and the time entries it copies.
 */
export class Templates1732300000003 implements MigrationInterface {
  name = 'Templates1732300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE templates
        ADD COLUMN week_start date,
        ADD COLUMN time_entry_ids jsonb NOT NULL DEFAULT '[]';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE templates DROP COLUMN time_entry_ids, DROP COLUMN week_start');
  }
}
