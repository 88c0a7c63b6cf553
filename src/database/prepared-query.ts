import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { env } from '../config/env.validation';

const names = new Map<string, string>();

/** The statement name of a SQL text: a hash, so every text gets its own (PostgreSQL names are per connection). */
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `s${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    if (names.size < 10_000) names.set(sql, name);
  }
  return name;
}

/**
 * Runs `sql` as a named prepared statement on the pool (or on the manager's
 * transaction connection when it has one): PostgreSQL parses it once per
 * connection and, after a few runs, plans it once, which is most of the cost of
 * the small queries every request makes (authentication, a time entry, a page).
 * For the hot paths only: a report's plan should see its parameters. Errors
 * are QueryFailedError, as from `manager.query`.
 *
 * With `DB_POOLER=transaction` the statement is unnamed: a pooler in
 * transaction mode (PgBouncer before 1.21, or without max_prepared_statements) hands each transaction whichever server
 * connection is free, where a statement prepared on another one does not exist.
 */
export async function preparedQuery<T>(
  target: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const runner = target instanceof DataSource ? undefined : (target.queryRunner as PostgresQueryRunner | undefined);
  const dataSource = target instanceof DataSource ? target : target.connection;
  const client: Pool | PoolClient =
    runner && !runner.isReleased && runner.isTransactionActive
      ? ((await runner.connect()) as PoolClient)
      : ((dataSource.driver as PostgresDriver).master as Pool);
  try {
    const named = env().DB_POOLER !== 'transaction';
    const result = await client.query(
      named ? { name: statementName(sql), text: sql, values: params } : { text: sql, values: params },
    );
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(sql, params, error as Error);
  }
}
