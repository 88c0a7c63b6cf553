import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { env } from '../config/env.validation';
import { reportSettingsOnConnect } from './session-settings';
import { watchedClient } from './stall-watchdog';

/**
 * The one TypeORM configuration the server, the CLI, the tests and the
 * migration scripts (`ormconfig.ts`) share. Migrations only: the schema is
 * never synchronized.
 */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize,
      application_name: 'clockify-api',
      connectionTimeoutMillis: env().DB_CONNECT_TIMEOUT_MS,
      onConnect: reportSettingsOnConnect(),
      Client: watchedClient({ stallMs: env().DB_STALL_MS, probeTimeoutMs: env().DB_CONNECT_TIMEOUT_MS }),
    },
  };
}
