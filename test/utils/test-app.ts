import { INestApplication } from '@nestjs/common';
import type { App } from 'supertest/types';
import { createApp } from '../../src/create-app';

export interface TestApp {
  app: INestApplication;
  http: App;
}

/** The real app (same bootstrap as the server) on the suite's database; close it in afterAll. */
export async function startTestApp(url = process.env.DATABASE_URL): Promise<TestApp> {
  if (!url) throw new Error('DATABASE_URL is not set: run the e2e tests through jest (global setup)');
  const app = await createApp(url);
  await app.init();
  return { app, http: app.getHttpServer() as App };
}
