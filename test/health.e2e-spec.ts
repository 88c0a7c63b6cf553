import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './utils/test-app';

describe('Health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.app.close());

  it('answers ok without credentials while the database is up', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 with database "down" once the database cannot be reached', async () => {
    await t.app.get(DataSource).destroy(); // the pool is gone: every query now fails
    const res = await request(t.http).get('/health').expect(503);
    expect(res.body).toMatchObject({ status: 'error', database: 'down', code: 503 });
  });
});
