import { createHmac, timingSafeEqual } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../src/config/env.validation';
import { createApp } from '../src/create-app';
import { DeliveryQueue } from '../src/modules/webhooks/delivery/delivery-queue.store';
import { DeliveryDispatcher } from '../src/modules/webhooks/delivery/dispatcher';
import { createOwner, Owner } from './factories';
import { Hit, Receiver, sleep, waitUntil } from './factories/webhooks';

/** The verification recipe of docs/webhooks.md, verbatim: Standard Webhooks, HMAC-SHA256 over id.timestamp.body. */
function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
  toleranceSeconds = 300,
): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  const signatures = String(headers['webhook-signature'] ?? '');
  if (!id || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false; // replay
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest();
  return signatures.split(' ').some((s) => {
    const [version, sig] = s.split(',');
    const given = Buffer.from(sig ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

interface Hook {
  id: string;
  authToken: string;
  signingSecret: string;
}
interface Log {
  id: string;
  status: string;
  attempts: number;
  statusCode: number | null;
  responseBody: string | null;
  durationMs: number | null;
  error: string | null;
  event: string;
}

function setEnv(values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

async function startApp(pollMs: number): Promise<{ app: INestApplication; http: App }> {
  setEnv({ WEBHOOK_POLL_MS: String(pollMs), WEBHOOK_RETRY_BASE_MS: '100' });
  const app = await createApp(process.env.DATABASE_URL ?? '');
  await app.init();
  return { app, http: app.getHttpServer() as App };
}

describe('Webhook delivery', () => {
  let receiver: Receiver;
  const body = (url: string, webhookEvent: string, over: Record<string, unknown> = {}) => ({
    name: webhookEvent.slice(0, 30),
    url,
    webhookEvent,
    triggerSource: [],
    triggerSourceType: 'WORKSPACE_ID',
    ...over,
  });
  const hook = async (
    http: App,
    o: Owner,
    path: string,
    event: string,
    over: Record<string, unknown> = {},
  ): Promise<Hook> =>
    (
      await request(http)
        .post(`/v1/workspaces/${o.workspace.id}/webhooks`)
        .set('X-Api-Key', o.apiKey)
        .send(body(receiver.url(path), event, over))
        .expect(201)
    ).body as Hook;
  const logs = async (http: App, o: Owner, hookId: string): Promise<Log[]> =>
    (
      await request(http)
        .post(`/v1/workspaces/${o.workspace.id}/webhooks/${hookId}/logs`)
        .set('X-Api-Key', o.apiKey)
        .send({})
        .expect(200)
    ).body as Log[];

  beforeAll(async () => {
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    setEnv({ WEBHOOK_POLL_MS: undefined, WEBHOOK_RETRY_BASE_MS: undefined, WEBHOOKS_ALLOW_PRIVATE: undefined });
  });

  describe('one instance', () => {
    let t: { app: INestApplication; http: App };
    let o: Owner;
    beforeAll(async () => {
      t = await startApp(50);
      o = await createOwner(t.app, 'Deliveries');
    });
    afterAll(() => t.app.close());

    const expectSigned = (hit: Hit, h: Hook, event: string) => {
      expect(hit.headers['content-type']).toBe('application/json');
      expect(hit.headers['clockify-signature']).toBe(h.authToken);
      expect(hit.headers['clockify-webhook-event-type']).toBe(event);
      expect(hit.headers['webhook-id']).toMatch(/^[0-9a-f]{24}$/);
      expect(Math.abs(Number(hit.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(hit.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(verifyWebhook(h.signingSecret, hit.headers, hit.body)).toBe(true);
    };

    it('each event type arrives once, as the REST resource, with a signature that verifies', async () => {
      const ws = `/v1/workspaces/${o.workspace.id}`;
      const hooks = {
        NEW_CLIENT: await hook(t.http, o, '/client', 'NEW_CLIENT'),
        NEW_TAG: await hook(t.http, o, '/tag', 'NEW_TAG'),
        TAG_UPDATED: await hook(t.http, o, '/tag-updated', 'TAG_UPDATED'),
        NEW_PROJECT: await hook(t.http, o, '/project', 'NEW_PROJECT'),
        NEW_TASK: await hook(t.http, o, '/task', 'NEW_TASK'),
        USER_GROUP_CREATED: await hook(t.http, o, '/group', 'USER_GROUP_CREATED'),
        BILLABLE_RATE_UPDATED: await hook(t.http, o, '/rate', 'BILLABLE_RATE_UPDATED'),
      };
      const client = (
        await request(t.http).post(`${ws}/clients`).set('X-Api-Key', o.apiKey).send({ name: 'Acme' }).expect(201)
      ).body;
      const tag = (
        await request(t.http).post(`${ws}/tags`).set('X-Api-Key', o.apiKey).send({ name: 'urgent' }).expect(201)
      ).body;
      const tagUpdated = (
        await request(t.http)
          .put(`${ws}/tags/${tag.id}`)
          .set('X-Api-Key', o.apiKey)
          .send({ name: 'very urgent' })
          .expect(200)
      ).body;
      const project = (
        await request(t.http).post(`${ws}/projects`).set('X-Api-Key', o.apiKey).send({ name: 'Apollo' }).expect(201)
      ).body;
      const task = (
        await request(t.http)
          .post(`${ws}/projects/${project.id}/tasks`)
          .set('X-Api-Key', o.apiKey)
          .send({ name: 'Design' })
          .expect(201)
      ).body;
      const group = (
        await request(t.http).post(`${ws}/user-groups`).set('X-Api-Key', o.apiKey).send({ name: 'Team' }).expect(201)
      ).body;
      const workspace = (
        await request(t.http)
          .put(`${ws}/hourly-rate`)
          .set('X-Api-Key', o.apiKey)
          .send({ amount: 5000, currency: 'USD' })
          .expect(200)
      ).body;

      const expected: [keyof typeof hooks, string, unknown][] = [
        ['NEW_CLIENT', '/client', client],
        ['NEW_TAG', '/tag', tag],
        ['TAG_UPDATED', '/tag-updated', tagUpdated],
        ['NEW_PROJECT', '/project', project],
        ['NEW_TASK', '/task', task],
        ['USER_GROUP_CREATED', '/group', group],
        ['BILLABLE_RATE_UPDATED', '/rate', workspace],
      ];
      for (const [event, path, resource] of expected) {
        const [hit] = await receiver.waitFor(path);
        expectSigned(hit, hooks[event], event);
        expect([event, JSON.parse(hit.body)]).toEqual([event, resource]);
      }
      await sleep(300);
      for (const [event, path] of expected) {
        expect([event, receiver.at(path).length]).toEqual([event, 1]);
        const [log] = await logs(t.http, o, hooks[event].id);
        expect(log).toMatchObject({
          id: receiver.at(path)[0].headers['webhook-id'],
          status: 'SUCCEEDED',
          attempts: 1,
          statusCode: 200,
          event,
        });
        expect(log.responseBody).toBe('{"received":true,"status":200}');
        expect(log.durationMs).toEqual(expect.any(Number));
      }
    });

    it('a forged or replayed request fails the documented verification', async () => {
      const [hit] = receiver.at('/client');
      const h = (
        await request(t.http).get(`/v1/workspaces/${o.workspace.id}/webhooks`).set('X-Api-Key', o.apiKey).expect(200)
      ).body.webhooks.find((w: Hook & { webhookEvent: string }) => w.webhookEvent === 'NEW_CLIENT') as Hook;
      expect(verifyWebhook(h.signingSecret, hit.headers, hit.body)).toBe(true);
      expect(verifyWebhook(h.signingSecret, hit.headers, hit.body.replace('Acme', 'Evil'))).toBe(false);
      const forged =
        'v1,' +
        createHmac('sha256', 'guessed-key')
          .update(`${String(hit.headers['webhook-id'])}.${String(hit.headers['webhook-timestamp'])}.${hit.body}`)
          .digest('base64');
      expect(verifyWebhook(h.signingSecret, { ...hit.headers, 'webhook-signature': forged }, hit.body)).toBe(false);
      expect(
        verifyWebhook(
          h.signingSecret,
          { ...hit.headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 600) },
          hit.body,
        ),
      ).toBe(false);
      expect(verifyWebhook('whsec_' + Buffer.alloc(32, 7).toString('base64'), hit.headers, hit.body)).toBe(false);
    });

    it('triggerSource limits a webhook to the given projects', async () => {
      const ws = `/v1/workspaces/${o.workspace.id}`;
      const p1 = (
        await request(t.http).post(`${ws}/projects`).set('X-Api-Key', o.apiKey).send({ name: 'P1' }).expect(201)
      ).body;
      const p2 = (
        await request(t.http).post(`${ws}/projects`).set('X-Api-Key', o.apiKey).send({ name: 'P2' }).expect(201)
      ).body;
      await hook(t.http, o, '/only-p1', 'NEW_TASK', { triggerSource: [p1.id], triggerSourceType: 'PROJECT_ID' });
      await request(t.http)
        .post(`${ws}/projects/${p2.id}/tasks`)
        .set('X-Api-Key', o.apiKey)
        .send({ name: 'elsewhere' })
        .expect(201);
      const task = (
        await request(t.http)
          .post(`${ws}/projects/${p1.id}/tasks`)
          .set('X-Api-Key', o.apiKey)
          .send({ name: 'here' })
          .expect(201)
      ).body;
      const [hit] = await receiver.waitFor('/only-p1');
      expect(JSON.parse(hit.body)).toMatchObject({ id: task.id, projectId: p1.id });
      await sleep(300);
      expect(receiver.at('/only-p1')).toHaveLength(1);
    });

    it('a receiver failing twice (500) then succeeding: one success after retries, 3 attempts logged', async () => {
      const other = await createOwner(t.app, 'Flaky');
      receiver.plan('/flaky', [500, 500]);
      const h = await hook(t.http, other, '/flaky', 'NEW_TAG');
      await request(t.http)
        .post(`/v1/workspaces/${other.workspace.id}/tags`)
        .set('X-Api-Key', other.apiKey)
        .send({ name: 'retry me' })
        .expect(201);
      const hits = await receiver.waitFor('/flaky', 3);
      expect(new Set(hits.map((x) => x.headers['webhook-id'])).size).toBe(1); // same delivery id across retries
      for (const hit of hits) expect(verifyWebhook(h.signingSecret, hit.headers, hit.body)).toBe(true);
      await waitUntil(async () => (await logs(t.http, other, h.id))[0]?.status === 'SUCCEEDED', 5000, 'SUCCEEDED');
      await sleep(300);
      expect(receiver.at('/flaky')).toHaveLength(3);
      const [log] = await logs(t.http, other, h.id);
      expect(log).toMatchObject({ status: 'SUCCEEDED', attempts: 3, statusCode: 200 });
    });

    it('a receiver that never answers holds up no other delivery: events elsewhere arrive meanwhile', async () => {
      const stuck = await createOwner(t.app, 'Stuck');
      const prompt = await createOwner(t.app, 'Prompt');
      receiver.hold('/stuck');
      try {
        await hook(t.http, stuck, '/stuck', 'NEW_TAG');
        await hook(t.http, prompt, '/prompt', 'NEW_TAG');
        const tag = (owner: Owner, name: string) =>
          request(t.http)
            .post(`/v1/workspaces/${owner.workspace.id}/tags`)
            .set('X-Api-Key', owner.apiKey)
            .send({ name })
            .expect(201);
        await tag(stuck, 'never answered');
        await receiver.waitFor('/stuck');
        const sent = Date.now();
        await tag(prompt, 'answered');
        // well inside the 10 s a hanging send may take before it times out
        await receiver.waitFor('/prompt', 1, 3000);
        expect(Date.now() - sent).toBeLessThan(3000);
        expect(receiver.at('/stuck')).toHaveLength(1);
      } finally {
        receiver.answerHeld();
      }
    });

    it('a 400 from the receiver fails at once; resend delivers it', async () => {
      const other = await createOwner(t.app, 'Rejecting');
      receiver.plan('/reject', [400]);
      const h = await hook(t.http, other, '/reject', 'NEW_CLIENT');
      await request(t.http)
        .post(`/v1/workspaces/${other.workspace.id}/clients`)
        .set('X-Api-Key', other.apiKey)
        .send({ name: 'Refused Inc' })
        .expect(201);
      await waitUntil(async () => (await logs(t.http, other, h.id))[0]?.status === 'FAILED', 5000, 'FAILED');
      const [failed] = await logs(t.http, other, h.id);
      expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, statusCode: 400 });
      await sleep(300);
      expect(receiver.at('/reject')).toHaveLength(1);
      const resent = await request(t.http)
        .post(`/v1/workspaces/${other.workspace.id}/webhooks/${h.id}/logs/${failed.id}/resend`)
        .set('X-Api-Key', other.apiKey)
        .expect(200);
      expect(resent.body).toMatchObject({ id: failed.id, status: 'PENDING' });
      await waitUntil(async () => (await logs(t.http, other, h.id))[0]?.status === 'SUCCEEDED', 5000, 'SUCCEEDED');
      const hits = receiver.at('/reject');
      expect(hits).toHaveLength(2);
      expect(hits[1].headers['webhook-id']).toBe(failed.id);
      expect((await logs(t.http, other, h.id))[0]).toMatchObject({ attempts: 2, statusCode: 200 });
    });

    it('with WEBHOOKS_ALLOW_PRIVATE=false the resolved address is checked again at delivery time', async () => {
      const other = await createOwner(t.app, 'Ssrf');
      const h = await hook(t.http, other, '/ssrf', 'NEW_TAG'); // allowed while private addresses are
      setEnv({ WEBHOOKS_ALLOW_PRIVATE: 'false' });
      try {
        await request(t.http)
          .post(`/v1/workspaces/${other.workspace.id}/tags`)
          .set('X-Api-Key', other.apiKey)
          .send({ name: 'internal' })
          .expect(201);
        await waitUntil(async () => (await logs(t.http, other, h.id))[0]?.status === 'FAILED', 5000, 'FAILED');
        const [log] = await logs(t.http, other, h.id);
        expect(log.error).toMatch(/^Refused: 127\.0\.0\.1 resolves to the non-public address 127\.0\.0\.1/);
        expect(receiver.at('/ssrf')).toHaveLength(0);
      } finally {
        setEnv({ WEBHOOKS_ALLOW_PRIVATE: undefined });
      }
    });
  });

  it('an app closed before (or while) delivering: a new instance on the same database delivers each event once', async () => {
    const first = await startApp(600_000); // its loop would not run for 10 minutes
    let h: Hook;
    try {
      const o = await createOwner(first.app, 'Restart');
      h = await hook(first.http, o, '/restart', 'NEW_TAG');
      const ws = `/v1/workspaces/${o.workspace.id}/tags`;
      // event 1: fanned out and claimed by the first instance, which then dies before sending
      await request(first.http).post(ws).set('X-Api-Key', o.apiKey).send({ name: 'claimed' }).expect(201);
      await first.app.get(DeliveryDispatcher).fanOut();
      // (claim takes every due delivery: an earlier test's retry may be due too, so count only this hook's)
      const claimed = await first.app.get(DeliveryQueue).claim(10);
      expect(claimed.filter((d) => d.webhookId === h.id)).toHaveLength(1);
      // event 2: written, not yet fanned out
      await request(first.http).post(ws).set('X-Api-Key', o.apiKey).send({ name: 'unseen' }).expect(201);
    } finally {
      await first.app.close(); // also when an expectation failed: an open app keeps jest from exiting
    }
    expect(receiver.at('/restart')).toHaveLength(0);
    // the lease of the claimed delivery (30 s) runs out
    const second = await startApp(50);
    try {
      await second.app
        .get(DataSource)
        .query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE webhook_id = $1 AND status = 'PENDING'`, [
          h.id,
        ]);
      const hits = await receiver.waitFor('/restart', 2);
      await sleep(400);
      expect(receiver.at('/restart')).toHaveLength(2);
      expect(hits.map((x) => (JSON.parse(x.body) as { name: string }).name).sort()).toEqual(['claimed', 'unseen']);
      const rows: { status: string }[] = await second.app
        .get(DataSource)
        .query(`SELECT status FROM webhook_deliveries WHERE webhook_id = $1`, [h.id]);
      expect(rows.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    } finally {
      await second.app.close();
    }
  });

  it('fan-out never skips an outbox row whose transaction commits after a later position was seen', async () => {
    const t = await startApp(600_000); // no worker rounds: the dispatcher is driven by hand
    const dataSource = t.app.get(DataSource);
    const early = dataSource.createQueryRunner();
    const late = dataSource.createQueryRunner();
    try {
      const o = await createOwner(t.app, 'Ordering');
      const h = await hook(t.http, o, '/ordering', 'NEW_TAG');
      await t.app.get(DeliveryDispatcher).fanOut();
      const insert = async (qr: typeof early, name: string) =>
        (
          (await qr.query(
            `INSERT INTO outbox (workspace_id, entity_type, entity_id, event, payload) VALUES ($1, 'TAG', $2, 'NEW_TAG', $3) RETURNING position`,
            [o.workspace.id, 'a'.repeat(24), JSON.stringify({ name })],
          )) as { position: string }[]
        )[0].position;
      const enqueued = async () =>
        (
          (await dataSource.query(
            `SELECT outbox_position FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY outbox_position`,
            [h.id],
          )) as { outbox_position: string }[]
        ).map((r) => r.outbox_position);
      // `late` takes its transaction id first, `early` then writes the smaller position; `late` commits first
      await late.startTransaction();
      await late.query('SELECT pg_current_xact_id()');
      await early.startTransaction();
      const p1 = await insert(early, 'smaller position, commits last');
      const p2 = await insert(late, 'larger position, commits first');
      expect(Number(p2)).toBeGreaterThan(Number(p1));
      await late.commitTransaction();
      await t.app.get(DeliveryDispatcher).fanOut();
      expect(await enqueued()).toEqual([p2]); // p1 is still invisible: a position cursor at p2 would skip it
      await early.commitTransaction();
      await t.app.get(DeliveryDispatcher).fanOut();
      expect(await enqueued()).toEqual([p1, p2]);
      await t.app.get(DeliveryDispatcher).fanOut();
      expect(await enqueued()).toEqual([p1, p2]); // once each
      await request(t.http)
        .delete(`/v1/workspaces/${o.workspace.id}/webhooks/${h.id}`)
        .set('X-Api-Key', o.apiKey)
        .expect(200);
    } finally {
      await early.release();
      await late.release();
      await t.app.close();
    }
  });

  it('two instances on one database deliver each event exactly once', async () => {
    const one = await startApp(20);
    const two = await startApp(20);
    try {
      const o = await createOwner(one.app, 'Twins');
      await hook(one.http, o, '/twins', 'NEW_TAG');
      await hook(two.http, o, '/twins-too', 'NEW_TAG');
      const n = 25;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          request(i % 2 ? one.http : two.http)
            .post(`/v1/workspaces/${o.workspace.id}/tags`)
            .set('X-Api-Key', o.apiKey)
            .send({ name: `tag ${i}` })
            .expect(201),
        ),
      );
      await receiver.waitFor('/twins', n);
      await receiver.waitFor('/twins-too', n);
      await sleep(500);
      for (const path of ['/twins', '/twins-too']) {
        const hits = receiver.at(path);
        const perId = new Map<string, number>();
        for (const hit of hits)
          perId.set(String(hit.headers['webhook-id']), (perId.get(String(hit.headers['webhook-id'])) ?? 0) + 1);
        expect(hits).toHaveLength(n);
        expect([...perId.values()].every((c) => c === 1)).toBe(true);
        expect(new Set(hits.map((x) => (JSON.parse(x.body) as { name: string }).name)).size).toBe(n);
      }
    } finally {
      await one.app.close();
      await two.app.close();
    }
  });
});
