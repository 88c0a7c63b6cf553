import request from 'supertest';
import { DataSource } from 'typeorm';
import { newId } from '../src/common/utils/ids';
import { resetEnvCache } from '../src/config/env.validation';
import { AddonsService } from '../src/modules/addons/addons.service';
import { Account, createMember, createOwner, installAddon, MISSING_ID, Owner } from './factories';
import { startTestApp, TestApp } from './utils/test-app';

describe('Webhooks (CRUD)', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  let bHook: string;
  const base = (ws: string) => `/v1/workspaces/${ws}/webhooks`;
  const body = (over: Record<string, unknown> = {}) => ({
    name: 'stripe',
    url: 'https://example.com/hooks/stripe',
    webhookEvent: 'NEW_PROJECT',
    triggerSource: [],
    triggerSourceType: 'WORKSPACE_ID',
    ...over,
  });
  const create = async (key: string, ws: string, over: Record<string, unknown> = {}, header = 'X-Api-Key') =>
    (await request(t.http).post(base(ws)).set(header, key).send(body(over)).expect(201)).body as {
      id: string;
      authToken: string;
      signingSecret: string;
    };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
    bHook = (await create(b.apiKey, b.workspace.id)).id;
  });
  afterAll(() => t.app.close());

  describe('POST /webhooks', () => {
    it('401, 403 for a plain member, 400 for bad bodies and non-http(s) URLs', async () => {
      await request(t.http).post(base(a.workspace.id)).send(body()).expect(401);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', member.apiKey).send(body()).expect(403);
      const bad = [
        {},
        body({ webhookEvent: 'NOPE' }),
        body({ triggerSourceType: 'CLIENT_ID' }),
        body({ triggerSource: 'x' }),
        body({ name: 'x' }),
        body({ name: 'y'.repeat(31) }),
        body({ url: '' }),
        body({ extra: true }),
      ];
      for (const b2 of bad)
        await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send(b2).expect(400);
      for (const url of ['ftp://example.com/x', 'file:///etc/passwd', 'not a url', 'javascript:alert(1)']) {
        const res = await request(t.http)
          .post(base(a.workspace.id))
          .set('X-Api-Key', a.apiKey)
          .send(body({ url }))
          .expect(400);
        expect(res.body.message).toMatch(/url/);
      }
    });

    it('an admin creates a webhook: WebhookDtoV1 with a token and a whsec_ secret', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send(body({ triggerSource: ['54a687e29ae1f428e7ebe909'], triggerSourceType: 'PROJECT_ID' }))
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        authToken: expect.stringMatching(/^[\w-]{40,}$/),
        signingSecret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]+=*$/),
        deliveryEnabled: true,
        enabled: true,
        planEnabled: true,
        name: 'stripe',
        url: 'https://example.com/hooks/stripe',
        webhookEvent: 'NEW_PROJECT',
        triggerSource: ['54a687e29ae1f428e7ebe909'],
        triggerSourceType: 'PROJECT_ID',
        userId: admin.user.id,
        workspaceId: a.workspace.id,
        addonId: null,
      });
    });

    it('WEBHOOKS_ALLOW_PRIVATE=false refuses loopback and private URLs (400); the default allows them', async () => {
      await create(a.apiKey, a.workspace.id, { url: 'http://127.0.0.1:9/allowed' });
      process.env.WEBHOOKS_ALLOW_PRIVATE = 'false';
      resetEnvCache();
      try {
        for (const url of [
          'http://127.0.0.1:8080/hook',
          'http://localhost/x',
          'http://10.0.0.5/x',
          'http://169.254.169.254/latest',
          'http://[::1]/x',
        ]) {
          const res = await request(t.http)
            .post(base(a.workspace.id))
            .set('X-Api-Key', a.apiKey)
            .send(body({ url }))
            .expect(400);
          expect(res.body.message).toMatch(/private, loopback or link-local/);
        }
        await create(a.apiKey, a.workspace.id, { url: 'https://8.8.8.8/public' });
      } finally {
        delete process.env.WEBHOOKS_ALLOW_PRIVATE;
        resetEnvCache();
      }
    });

    it('limits: 10 per admin (400 past it, another admin still may), 100 per workspace', async () => {
      const ws = await createOwner(t.app, 'Limits');
      const other = await createMember(t.app, ws.workspace.id, { role: 'WORKSPACE_ADMIN' });
      for (let i = 0; i < 10; i++) await create(ws.apiKey, ws.workspace.id);
      const res = await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .send(body())
        .expect(400);
      expect(res.body.message).toBe('Webhook limit reached: a workspace admin can create at most 10 webhooks');
      await create(other.apiKey, ws.workspace.id);
      // fill the workspace to 100 directly, then the API refuses the 101st
      await t.app.get(DataSource).query(
        `INSERT INTO webhooks (id, workspace_id, user_id, name, url, webhook_event, trigger_source_type, token, secret)
         SELECT substr(md5(random()::text), 1, 24), $1, $2, 'filler', 'https://example.com/', 'NEW_TAG', 'WORKSPACE_ID', 't', 'whsec_AA=='
           FROM generate_series(1, 89)`,
        [ws.workspace.id, ws.user.id],
      );
      const full = await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', other.apiKey)
        .send(body())
        .expect(400);
      expect(full.body.message).toBe('Webhook limit reached: a workspace can have at most 100 webhooks');
    });

    it('concurrent creates cannot pass the per-admin limit together', async () => {
      const ws = await createOwner(t.app, 'Race');
      const results = await Promise.all(
        Array.from({ length: 14 }, () =>
          request(t.http).post(base(ws.workspace.id)).set('X-Api-Key', ws.apiKey).send(body()),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(10);
      expect(results.filter((r) => r.status === 400)).toHaveLength(4);
    });
  });

  describe('GET /webhooks and GET /addons/{addonId}/webhooks', () => {
    it('401, 403 for a plain member, 400 for a bad type', async () => {
      await request(t.http).get(base(a.workspace.id)).expect(401);
      await request(t.http).get(base(a.workspace.id)).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).get(base(a.workspace.id)).query({ type: 'OTHER' }).set('X-Api-Key', a.apiKey).expect(400);
    });

    it('lists the workspace webhooks with the count, filtered by type; add-ons see only their own', async () => {
      const ws = await createOwner(t.app, 'Lister');
      const mine = await create(ws.apiKey, ws.workspace.id, { name: 'mine' });
      const addon = await installAddon(t.app, ws.workspace.id);
      const other = await installAddon(t.app, ws.workspace.id, 'Other add-on');
      const byAddon = (
        await request(t.http)
          .post(base(ws.workspace.id))
          .set('X-Addon-Token', addon.token)
          .send(body({ name: 'addon hook' }))
          .expect(201)
      ).body;
      expect(byAddon).toMatchObject({ addonId: addon.addonId, userId: ws.user.id, name: 'addon hook' });

      const all = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', ws.apiKey).expect(200);
      expect(all.body.workspaceWebhookCount).toBe(2);
      expect(all.body.webhooks.map((w: { id: string }) => w.id)).toEqual([mine.id, byAddon.id]);
      const users = await request(t.http)
        .get(base(ws.workspace.id))
        .query({ type: 'USER_CREATED' })
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(users.body.webhooks.map((w: { id: string }) => w.id)).toEqual([mine.id]);
      const addons = await request(t.http)
        .get(base(ws.workspace.id))
        .query({ type: 'ADDON' })
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(addons.body.webhooks.map((w: { id: string }) => w.id)).toEqual([byAddon.id]);
      const system = await request(t.http)
        .get(base(ws.workspace.id))
        .query({ type: 'SYSTEM' })
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(system.body).toEqual({ webhooks: [], workspaceWebhookCount: 2 });

      const asAddon = await request(t.http).get(base(ws.workspace.id)).set('X-Addon-Token', addon.token).expect(200);
      expect(asAddon.body.webhooks.map((w: { id: string }) => w.id)).toEqual([byAddon.id]);
      await request(t.http)
        .get(`${base(ws.workspace.id)}/${mine.id}`)
        .set('X-Addon-Token', addon.token)
        .expect(404);
      await request(t.http)
        .get(`${base(ws.workspace.id)}/${byAddon.id}`)
        .set('X-Addon-Token', other.token)
        .expect(404);

      const addonPath = (id: string) => `/v1/workspaces/${ws.workspace.id}/addons/${id}/webhooks`;
      const listed = await request(t.http).get(addonPath(addon.addonId)).set('X-Api-Key', ws.apiKey).expect(200);
      expect(listed.body).toEqual({ webhooks: [byAddon], workspaceWebhookCount: 2 });
      await request(t.http).get(addonPath(addon.addonId)).set('X-Addon-Token', addon.token).expect(200);
      await request(t.http).get(addonPath(addon.addonId)).set('X-Addon-Token', other.token).expect(403);
      await request(t.http).get(addonPath(addon.addonId)).expect(401);
      const plain = await createMember(t.app, ws.workspace.id);
      await request(t.http).get(addonPath(addon.addonId)).set('X-Api-Key', plain.apiKey).expect(403);
      await request(t.http).get(addonPath(MISSING_ID)).set('X-Api-Key', ws.apiKey).expect(404);
      await request(t.http).get(addonPath('nope')).set('X-Api-Key', ws.apiKey).expect(400);
      const foreign = await installAddon(t.app, b.workspace.id);
      await request(t.http).get(addonPath(foreign.addonId)).set('X-Api-Key', ws.apiKey).expect(404);

      // add-on limit: 10 of its own
      for (let i = 0; i < 9; i++) await create(addon.token, ws.workspace.id, {}, 'X-Addon-Token');
      const over = await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Addon-Token', addon.token)
        .send(body())
        .expect(400);
      expect(over.body.message).toBe('Webhook limit reached: an add-on can create at most 10 webhooks');

      // uninstalling the add-on deletes its webhooks (and revokes the token)
      await t.app.get(AddonsService).uninstall(addon.addonId);
      const after = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', ws.apiKey).expect(200);
      expect(after.body).toEqual({ webhooks: [expect.objectContaining({ id: mine.id })], workspaceWebhookCount: 1 });
      await request(t.http).get(base(ws.workspace.id)).set('X-Addon-Token', addon.token).expect(401);
    });
  });

  describe('GET, PUT, DELETE /webhooks/{webhookId}', () => {
    it('401, 403, 404 for another workspace or missing id, 400 for a malformed id', async () => {
      const hook = await create(a.apiKey, a.workspace.id);
      const url = `${base(a.workspace.id)}/${hook.id}`;
      await request(t.http).get(url).expect(401);
      await request(t.http).put(url).send(body()).expect(401);
      await request(t.http).delete(url).expect(401);
      await request(t.http).get(url).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).put(url).set('X-Api-Key', member.apiKey).send(body()).expect(403);
      await request(t.http).delete(url).set('X-Api-Key', member.apiKey).expect(403);
      for (const id of [bHook, MISSING_ID]) {
        await request(t.http)
          .get(`${base(a.workspace.id)}/${id}`)
          .set('X-Api-Key', a.apiKey)
          .expect(404);
        await request(t.http)
          .put(`${base(a.workspace.id)}/${id}`)
          .set('X-Api-Key', a.apiKey)
          .send(body())
          .expect(404);
        await request(t.http)
          .delete(`${base(a.workspace.id)}/${id}`)
          .set('X-Api-Key', a.apiKey)
          .expect(404);
      }
      await request(t.http)
        .get(`${base(a.workspace.id)}/xyz`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/xyz`)
        .set('X-Api-Key', a.apiKey)
        .send(body())
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/xyz`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http).put(url).set('X-Api-Key', a.apiKey).send({ name: 'only name' }).expect(400);
      await request(t.http)
        .put(url)
        .set('X-Api-Key', a.apiKey)
        .send(body({ url: 'gopher://x' }))
        .expect(400);
    });

    it('gets, updates (whole webhook) and deletes', async () => {
      const hook = await create(a.apiKey, a.workspace.id);
      const url = `${base(a.workspace.id)}/${hook.id}`;
      const got = await request(t.http).get(url).set('X-Api-Key', admin.apiKey).expect(200);
      expect(got.body).toEqual(hook);
      const updated = await request(t.http)
        .put(url)
        .set('X-Api-Key', admin.apiKey)
        .send({
          name: 'Renamed',
          url: 'http://example.org/new',
          webhookEvent: 'NEW_TAG',
          triggerSource: ['a', 'b'],
          triggerSourceType: 'TAG_ID',
        })
        .expect(200);
      expect(updated.body).toEqual({
        ...hook,
        name: 'Renamed',
        url: 'http://example.org/new',
        webhookEvent: 'NEW_TAG',
        triggerSource: ['a', 'b'],
        triggerSourceType: 'TAG_ID',
      });
      expect((await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(200)).body).toEqual(updated.body);
      await request(t.http).delete(url).set('X-Api-Key', admin.apiKey).expect(200);
      await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).delete(url).set('X-Api-Key', a.apiKey).expect(404);
    });
  });

  describe('PATCH /webhooks/{webhookId}/token', () => {
    it('401, 403, 404, 400, then a new token (the secret stays)', async () => {
      const hook = await create(a.apiKey, a.workspace.id);
      const url = (id: string) => `${base(a.workspace.id)}/${id}/token`;
      await request(t.http).patch(url(hook.id)).expect(401);
      await request(t.http).patch(url(hook.id)).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).patch(url(bHook)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).patch(url('bad')).set('X-Api-Key', a.apiKey).expect(400);
      const res = await request(t.http).patch(url(hook.id)).set('X-Api-Key', a.apiKey).expect(200);
      expect(res.body).toEqual({ ...hook, authToken: expect.any(String) });
      expect(res.body.authToken).not.toBe(hook.authToken);
      const got = await request(t.http)
        .get(`${base(a.workspace.id)}/${hook.id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(got.body.authToken).toBe(res.body.authToken);
    });
  });

  describe('POST /webhooks/{webhookId}/logs and .../logs/{id}/resend', () => {
    it('401, 403, 404, 400 for bad filters, and filters by status, date range, with paging', async () => {
      const hook = await create(a.apiKey, a.workspace.id);
      const url = (id: string) => `${base(a.workspace.id)}/${id}/logs`;
      await request(t.http).post(url(hook.id)).send({}).expect(401);
      await request(t.http).post(url(hook.id)).set('X-Api-Key', member.apiKey).send({}).expect(403);
      await request(t.http).post(url(bHook)).set('X-Api-Key', a.apiKey).send({}).expect(404);
      await request(t.http).post(url('bad')).set('X-Api-Key', a.apiKey).send({}).expect(400);
      await request(t.http).post(url(hook.id)).set('X-Api-Key', a.apiKey).send({ status: 'WEIRD' }).expect(400);
      await request(t.http).post(url(hook.id)).set('X-Api-Key', a.apiKey).send({ from: 'yesterday' }).expect(400);
      await request(t.http).post(url(hook.id)).query({ size: 0 }).set('X-Api-Key', a.apiKey).send({}).expect(400);

      // three logs written directly (delivery itself is covered by webhook-delivery.e2e-spec)
      const ids = [newId(), newId(), newId()];
      await t.app.get(DataSource).query(
        `INSERT INTO webhook_deliveries (id, workspace_id, webhook_id, outbox_position, event, payload, status, attempts, last_status_code, response_excerpt, responded_at, created_at)
         VALUES ($1, $4, $5, -1, 'NEW_PROJECT', '{"id":"p1"}', 'SUCCEEDED', 1, 200, 'ok', now(), '2024-01-01T10:00:00Z'),
                ($2, $4, $5, -2, 'NEW_PROJECT', '{"id":"p2"}', 'FAILED', 1, 400, 'bad', now(), '2024-01-02T10:00:00Z'),
                ($3, $4, $5, -3, 'NEW_PROJECT', '{"id":"p3"}', 'SUCCEEDED', 2, 200, 'ok', now(), '2024-01-03T10:00:00Z')`,
        [...ids, a.workspace.id, hook.id],
      );
      const all = await request(t.http)
        .post(url(hook.id))
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'ALL' })
        .expect(200);
      expect(all.body.map((l: { id: string }) => l.id)).toEqual(ids);
      expect(all.headers['x-total-count']).toBe('3');
      expect(all.body[1]).toMatchObject({
        id: ids[1],
        webhookId: hook.id,
        webhookEventStatusId: ids[1],
        requestBody: '{"id":"p2"}',
        responseBody: 'bad',
        statusCode: 400,
        respondedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        status: 'FAILED',
        attempts: 1,
        event: 'NEW_PROJECT',
        createdAt: '2024-01-02T10:00:00Z',
      });
      const failed = await request(t.http)
        .post(url(hook.id))
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'FAILED' })
        .expect(200);
      expect(failed.body.map((l: { id: string }) => l.id)).toEqual([ids[1]]);
      const newest = await request(t.http)
        .post(url(hook.id))
        .query({ page: 1, size: 2 })
        .set('X-Api-Key', a.apiKey)
        .send({ sortByNewest: true, status: 'SUCCEEDED' })
        .expect(200);
      expect(newest.body.map((l: { id: string }) => l.id)).toEqual([ids[2], ids[0]]);
      const range = await request(t.http)
        .post(url(hook.id))
        .set('X-Api-Key', a.apiKey)
        .send({ from: '2024-01-01T12:00:00Z', to: '2024-01-03T09:00:00Z' })
        .expect(200);
      expect(range.body.map((l: { id: string }) => l.id)).toEqual([ids[1]]);
      const page2 = await request(t.http)
        .post(url(hook.id))
        .query({ page: 2, size: 2 })
        .set('X-Api-Key', a.apiKey)
        .send({})
        .expect(200);
      expect(page2.body.map((l: { id: string }) => l.id)).toEqual([ids[2]]);
      expect(page2.headers['last-page']).toBe('true');

      // resend: only a FAILED log; ladder
      const resend = (id: string, hookId = hook.id) => `${url(hookId)}/${id}/resend`;
      await request(t.http).post(resend(ids[1])).expect(401);
      await request(t.http).post(resend(ids[1])).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).post(resend(ids[1], bHook)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).post(resend(MISSING_ID)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).post(resend('bad')).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).post(resend(ids[0])).set('X-Api-Key', a.apiKey).expect(409);
      // point the webhook at a closed port first, so the worker's retry goes nowhere useful
      await t.app
        .get(DataSource)
        .query(`UPDATE webhooks SET url = 'http://127.0.0.1:9/closed' WHERE id = $1`, [hook.id]);
      const res = await request(t.http).post(resend(ids[1])).set('X-Api-Key', a.apiKey).expect(200);
      expect(res.body).toMatchObject({ id: ids[1], status: 'PENDING' });
    });
  });
});
