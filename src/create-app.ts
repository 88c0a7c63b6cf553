import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { bootstrap } from './bootstrap';
import { runMigrations } from './database/database';

/** The configured app on a database URL, migrations applied; not yet listening. */
export async function createApp(databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot({ databaseUrl }), { bodyParser: false, bufferLogs: true });
  await runMigrations(app.get(DataSource));
  return bootstrap(app);
}
