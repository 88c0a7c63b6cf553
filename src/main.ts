import 'reflect-metadata';
import type { Server } from 'node:http';
import { connectionTracker } from './common/http/http-server';
import { env } from './config/env.validation';
import { createApp } from './create-app';
import { resolveDatabase } from './database/database';
import { WebhookWorker } from './modules/webhooks/delivery/webhook-worker';

/** Past the drain, closing the pool and the embedded database may take this long before the process gives up on them. */
const CLOSE_MARGIN_MS = 5000;

async function main(): Promise<void> {
  const settings = env(); // a bad setting stops start-up here, with the reason
  const database = await resolveDatabase();
  const app = await createApp(database.url).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  await app.listen(settings.PORT);
  console.log(
    `Listening on http://localhost:${settings.PORT} (Swagger UI at /docs) with ${database.embedded ? `embedded PostgreSQL in ${settings.DATA_DIR}` : 'DATABASE_URL'}`,
  );

  let stopping = false;
  /**
   * Drain: stop accepting connections, answer every request already received
   * (with `Connection: close`), and the webhook worker stops claiming; after
   * SHUTDOWN_TIMEOUT_MS the remaining connections are closed and its sends
   * released. Then the pool and the embedded database close.
   */
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const timeout = settings.SHUTDOWN_TIMEOUT_MS;
    console.log(
      `${signal}: draining requests (up to ${timeout} ms), closing the pool${database.embedded ? ', stopping the embedded database' : ''}`,
    );
    setTimeout(() => {
      console.error(`Shutdown did not finish within ${timeout + CLOSE_MARGIN_MS} ms: exiting`);
      process.exit(1);
    }, timeout + CLOSE_MARGIN_MS).unref();
    const tracker = connectionTracker(app.getHttpServer() as Server);
    const stopAccepting = (ms: number) => console.log(`Stopped accepting connections ${ms} ms after ${signal}`);
    const [cut] = await Promise.all([
      tracker?.drain(timeout, stopAccepting) ?? 0,
      app.get(WebhookWorker, { strict: false }).stop(timeout),
    ]);
    if (cut) console.warn(`${cut} connection(s) still busy after ${timeout} ms were closed`);
    await app.close(); // lifecycle hooks, then the pool
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', (s) => void stop(s));
  process.on('SIGINT', (s) => void stop(s));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
