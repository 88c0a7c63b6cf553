import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotent replays send the first answer's bytes and headers: the body as
 * the text that was sent (jsonb reordered its keys) and the headers that
 * matter (ETag, Location, Content-Type). Rows stored before keep `response`.
 */
export class IdempotencyReplay1732300000160 implements MigrationInterface {
  name = 'IdempotencyReplay1732300000160';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN response_text text, ADD COLUMN response_headers jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN response_text, DROP COLUMN response_headers`);
  }
}
