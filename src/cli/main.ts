import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { DataSource } from 'typeorm';
import { env } from '../config/env.validation';
import { resolveDatabase, runMigrations } from '../database/database';
import { CliModule } from './cli.module';

/** `npm run cli -- <command> [options]`: one JSON line on stdout, or an error on stderr and exit 1. */
async function main(): Promise<void> {
  env();
  const database = await resolveDatabase();
  let failed = false;
  try {
    const app = await CommandFactory.createWithoutRunning(CliModule.forRoot(database.url), {
      logger: ['error'],
      errorHandler: (error) => {
        // commander's own exits (--help, --version) carry exitCode 0
        const code = (error as { exitCode?: number }).exitCode;
        if (code === 0) return;
        failed = true;
      },
      serviceErrorHandler: (error) => {
        process.stderr.write(`error: ${error.message}\n`);
        failed = true;
      },
    });
    await runMigrations(app.get(DataSource));
    await CommandFactory.runApplication(app);
    await app.close();
  } finally {
    await database.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
