import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded/embedded-postgres';

declare global {
  var __EMBEDDED_PG_STOP__: (() => Promise<void>) | undefined;
}

/** Without DATABASE_URL the e2e suite runs on a fresh embedded PostgreSQL, as `npm start` would. */
export default async function globalSetup(): Promise<void> {
  process.env.LOG_LEVEL ??= 'silent';
  // Suites fire bursts (concurrent creates, timers); the rate limit has its own test with a small limit.
  process.env.RATE_LIMIT_PER_SECOND ??= '1000';
  if (process.env.DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'clockify-e2e-'));
  const embedded = await startEmbeddedPostgres(dataDir); // a free port
  process.env.DATABASE_URL = embedded.url;
  globalThis.__EMBEDDED_PG_STOP__ = embedded.stop;
}
