import { DataSource, MigrationExecutor } from 'typeorm';
import { env } from '../config/env.validation';
import { startEmbeddedPostgres } from './embedded/embedded-postgres';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded server when this process started it. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR, started on demand. */
export async function resolveDatabase(): Promise<DatabaseHandle> {
  const settings = env();
  if (settings.DATABASE_URL) {
    return { url: settings.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres(settings.DATA_DIR, settings.EMBEDDED_PG_PORT);
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}

const MIGRATION_LOCK = 7_301_115; // any constant: serializes migration runs of several processes

/**
 * Applies pending migrations, one process at a time (several instances, a
 * server and a CLI may start together): all of them in one transaction that
 * first takes a transaction-scoped advisory lock, so the lock is released by
 * the commit or rollback even behind a pooler in transaction mode (a session
 * lock could be taken on one server connection and "released" on another).
 * The second process waits, then finds nothing pending.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner('master');
  try {
    await runner.connect();
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'all'; // the runner's transaction, already open
    await executor.executePendingMigrations();
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
