import { DataSource } from 'typeorm';
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

/** Applies pending migrations, one process at a time (a server and a CLI may start together). */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
