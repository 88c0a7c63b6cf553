import 'reflect-metadata';
import { env } from './config/env.validation';
import { createApp } from './create-app';
import { resolveDatabase } from './database/database';

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
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests, closing the pool${database.embedded ? ', stopping the embedded database' : ''}`);
    await app.close(); // stops accepting connections, waits for requests in flight, closes the pool
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
