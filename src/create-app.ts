import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { bootstrap } from './bootstrap';
import { HttpServerAdapter } from './common/http/http-server';
import { runMigrations } from './database/database';

/** The configured app on a database URL, migrations applied; not yet listening. Its HTTP server has the configured timeouts. */
export async function createApp(databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot({ databaseUrl }), new HttpServerAdapter(), {
    bodyParser: false,
    bufferLogs: true,
  });
  await runMigrations(app.get(DataSource));
  return bootstrap(app);
}
