import request, { Response } from 'supertest';
import { resetEnvCache } from '../src/config/env.validation';
import { createMember, createOwner, Owner } from './factories';
import { startTestApp, TestApp } from './utils/test-app';

const LIMIT = 5;

/** Waits until the start of the next one-second window, so that a burst falls inside one window. */
async function nextWindow(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

describe('Rate limit', () => {
  let t: TestApp;
  let second: TestApp;
  let a: Owner;
  const previous = process.env.RATE_LIMIT_PER_SECOND;

  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_SECOND = String(LIMIT);
    resetEnvCache();
    t = await startTestApp();
    second = await startTestApp(); // another instance on the same database
    a = await createOwner(t.app, 'Alice');
  });
  afterAll(async () => {
    await Promise.all([t.app.close(), second.app.close()]);
    process.env.RATE_LIMIT_PER_SECOND = previous;
    resetEnvCache();
  });

  const clients = (key: string, app = t) =>
    request(app.http).get(`/v1/workspaces/${a.workspace.id}/clients`).set('X-Api-Key', key);

  it('sets RateLimit-* headers on authenticated responses only; public and unauthenticated requests are not counted', async () => {
    await nextWindow();
    const res = await clients(a.apiKey).expect(200);
    expect(res.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(res.headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
    expect(res.headers['ratelimit-reset']).toBe('1');
    expect(res.headers['retry-after']).toBeUndefined();

    const anonymous = await request(t.http).get(`/v1/workspaces/${a.workspace.id}/clients`).expect(401);
    expect(anonymous.headers['ratelimit-limit']).toBeUndefined();
    for (let i = 0; i < LIMIT + 2; i++) {
      const health = await request(t.http).get('/health').set('X-Api-Key', a.apiKey);
      expect(health.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('a burst over the limit gets 429 with Retry-After and the headers; another key and another workspace are unaffected', async () => {
    const owner = await createOwner(t.app, 'Burst');
    const other = await createMember(t.app, a.workspace.id);
    await createMember(t.app, owner.workspace.id);
    await nextWindow();
    // The burst is split over two app instances: they share the counter.
    const burst = await Promise.all(Array.from({ length: LIMIT + 4 }, (_, i) => clients(a.apiKey, i % 2 ? second : t)));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    const limited = burst.find((r) => r.status === 429) as Response;
    expect(limited.body).toEqual({ code: 429, message: `Rate limit of ${LIMIT} requests per second exceeded` });
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(limited.headers['ratelimit-reset']).toBe('1');

    // Another key in the same workspace, and the same key in another workspace (or on a route without one), still pass.
    expect((await clients(other.apiKey).expect(200)).headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
    await request(t.http)
      .get(`/v1/workspaces/${owner.workspace.id}/clients`)
      .set('X-Api-Key', owner.apiKey)
      .expect(200);
    await request(t.http).get('/v1/user').set('X-Api-Key', a.apiKey).expect(200);

    // The next window starts afresh.
    await nextWindow();
    expect((await clients(a.apiKey).expect(200)).headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
  });
});
