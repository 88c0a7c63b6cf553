import request from 'supertest';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../src/config/env.validation';
import { createOwner, Owner } from './factories';
import { TcpProxy } from './utils/tcp-proxy';
import { startTestApp, TestApp } from './utils/test-app';

/**
 * The app reaches PostgreSQL through a proxy the test makes sick: frozen
 * (paused), refusing connections, cutting them. Nothing hangs, nothing is a 500:
 * 503 with Retry-After and the error body, and /health answers within its bound.
 */
describe('Database unreachable: 503, never a hang', () => {
  let proxy: TcpProxy & { url: string };
  let t: TestApp;
  let a: Owner;
  const saved = { ...process.env };
  const clients = () => `/v1/workspaces/${a.workspace.id}/clients`;
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = Date.now();
    const result = await work();
    return [result, Date.now() - started];
  };
  const expectUnavailable = (res: request.Response) => {
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toEqual({ code: 503, message: 'The database is unavailable; retry later' });
  };

  beforeAll(async () => {
    process.env.HEALTH_TIMEOUT_MS = '1000';
    process.env.DB_CONNECT_TIMEOUT_MS = '1000';
    process.env.DB_STALL_MS = '1000';
    resetEnvCache();
    proxy = await TcpProxy.start(process.env.DATABASE_URL!);
    t = await startTestApp(proxy.url);
    a = await createOwner(t.app, 'Alice');
  });
  afterEach(() => proxy.heal());
  afterAll(async () => {
    await t.app.close();
    await proxy.stop();
    process.env = saved;
    resetEnvCache();
  });

  it('/health with PostgreSQL frozen answers 503 database "down" within its bound, and recovers', async () => {
    await request(t.http).get('/health').expect(200);
    proxy.pause();
    const [res, ms] = await timed(() => request(t.http).get('/health').set('X-Api-Key', a.apiKey));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'error', database: 'down', code: 503 });
    expect(ms).toBeLessThan(1800);
    // Repeated probes while frozen do not pile up on the pool: still within the bound.
    const again = await Promise.all([1, 2, 3, 4, 5].map(() => timed(() => request(t.http).get('/health'))));
    for (const [r, took] of again) {
      expect(r.status).toBe(503);
      expect(took).toBeLessThan(1800);
    }
    await proxy.heal();
    let healthy = 0;
    for (let i = 0; i < 20 && healthy !== 200; i++) healthy = (await request(t.http).get('/health')).status;
    expect(healthy).toBe(200);
  });

  it('/health with an X-Api-Key never looks the key up (public routes read no credentials)', async () => {
    await proxy.refuse();
    const [res, ms] = await timed(() => request(t.http).get('/health').set('X-Api-Key', a.apiKey));
    expect(res.status).toBe(503);
    expect(res.body.database).toBe('down');
    expect(ms).toBeLessThan(1800);
  });

  it('connection refused: an API request is 503 with Retry-After and the error body, at once', async () => {
    await request(t.http).get(clients()).set('X-Api-Key', a.apiKey).expect(200);
    await proxy.refuse();
    const [res, ms] = await timed(() => request(t.http).get(clients()).set('X-Api-Key', a.apiKey));
    expectUnavailable(res);
    expect(ms).toBeLessThan(1500);
    expectUnavailable(await request(t.http).post(clients()).set('X-Api-Key', a.apiKey).send({ name: 'Never' }));
  });

  it('a connection that never answers its handshake: 503 after DB_CONNECT_TIMEOUT_MS, not 5 s', async () => {
    proxy.pause();
    proxy.terminate(); // the pool's idle connections are gone; new ones reach a silent server
    await new Promise((r) => setTimeout(r, 100));
    const [res, ms] = await timed(() => request(t.http).get(clients()).set('X-Api-Key', a.apiKey));
    expectUnavailable(res);
    expect(ms).toBeLessThan(2500);
  });

  it('a connection cut while a request waits on it: 503', async () => {
    await request(t.http).get(clients()).set('X-Api-Key', a.apiKey).expect(200);
    proxy.pause(); // the pool's connection is open but frozen: the request waits on it
    const pending = request(t.http)
      .get(clients())
      .set('X-Api-Key', a.apiKey)
      .then((r) => r);
    await new Promise((r) => setTimeout(r, 300));
    proxy.terminate();
    expectUnavailable(await pending);
  });

  it('a query on a pooled connection to a frozen PostgreSQL: 503 once the server fails its liveness check, not a hang', async () => {
    await request(t.http).get(clients()).set('X-Api-Key', a.apiKey).expect(200);
    proxy.pause(); // open connections stay open, nothing answers
    const [res, ms] = await timed(() => request(t.http).get(clients()).set('X-Api-Key', a.apiKey));
    expectUnavailable(res);
    expect(ms).toBeLessThan(1000 + 1000 + 1500); // DB_STALL_MS + the check's DB_CONNECT_TIMEOUT_MS + margin
    await proxy.heal();
    await request(t.http).get(clients()).set('X-Api-Key', a.apiKey).expect(200);
  });

  it('a slow query on a server that answers is left alone', async () => {
    const started = Date.now();
    const [{ slept }] = await t.app.get(DataSource).query(`SELECT 1 AS slept FROM pg_sleep(2.5)`);
    expect(slept).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
  });

  it('once PostgreSQL is back, requests succeed again', async () => {
    await proxy.refuse();
    await proxy.heal();
    await request(t.http).get(clients()).set('X-Api-Key', a.apiKey).expect(200);
  });
});
