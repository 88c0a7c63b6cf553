import type { INestApplication } from '@nestjs/common';
import { createPublicKey, JsonWebKey } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt, { JwtPayload } from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AddonTokenService } from '../src/common/auth/addon-token.service';
import { requiredScope } from '../src/common/auth/scopes';
import { newId } from '../src/common/utils/ids';
import { resetEnvCache } from '../src/config/env.validation';
import { createApp } from '../src/create-app';
import { createMember, createOwner, installAddon, MISSING_ID, Owner } from './factories';
import { Receiver, waitUntil } from './factories/webhooks';

interface Call {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * A small add-on, as a developer would write one: serves its manifest, takes
 * lifecycle calls and webhooks, and checks every token with the server's JWKS
 * only (no shared secret).
 */
class AddonServer {
  readonly calls: Call[] = [];
  private readonly statuses = new Map<string, number>();
  manifest: Record<string, unknown> = {};
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<AddonServer> {
    const holder: { s?: AddonServer } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const s = holder.s as AddonServer;
        const path = req.url ?? '/';
        if (req.method === 'GET' && path === '/manifest') {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(s.manifest));
          return;
        }
        if (req.method === 'GET') return void res.writeHead(404).end();
        const text = Buffer.concat(chunks).toString('utf8');
        s.calls.push({ path, headers: req.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
        res.writeHead(s.statuses.get(path) ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.s = new AddonServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.s;
  }

  answer(path: string, status: number): void {
    this.statuses.set(path, status);
  }

  async waitFor(path: string, count = 1, timeoutMs = 15000): Promise<Call[]> {
    await waitUntil(
      () => this.calls.filter((c) => c.path === path).length >= count,
      timeoutMs,
      `${count} call(s) on ${path}`,
    );
    return this.calls.filter((c) => c.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What an add-on does with a token: fetch the JWKS, pick the key by `kid`, verify RS256 and the issuer. */
async function verifyWithJwks(jwksUrl: string, token: string): Promise<JwtPayload> {
  const jwks = (await (await fetch(jwksUrl)).json()) as { keys: (JsonWebKey & { kid: string })[] };
  const header = jwt.decode(token, { complete: true })?.header;
  const jwk = jwks.keys.find((k) => k.kid === header?.kid);
  if (!jwk) throw new Error(`kid ${header?.kid} is not in the JWKS`);
  return jwt.verify(token, createPublicKey({ key: jwk, format: 'jwk' }), {
    algorithms: ['RS256'],
    issuer: 'clockify',
  }) as JwtPayload;
}

function manifestFor(addon: AddonServer, key: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: '1.3',
    key,
    name: 'Timesheet sync',
    baseUrl: addon.baseUrl,
    description: 'Test add-on',
    scopes: ['TIME_ENTRY_READ', 'TIME_ENTRY_WRITE', 'PROJECT_READ', 'USER_READ'],
    lifecycle: [
      { type: 'INSTALLED', path: '/lifecycle/installed' },
      { type: 'DELETED', path: '/lifecycle/deleted' },
      { type: 'SETTINGS_UPDATED', path: '/lifecycle/settings' },
      { type: 'STATUS_CHANGED', path: '/lifecycle/status' },
    ],
    webhooks: [{ event: 'NEW_TIME_ENTRY', path: '/webhooks/new-time-entry' }],
    components: [{ type: 'sidebar', accessLevel: 'ADMINS', path: '/sidebar', label: 'Sync' }],
    settings: {
      tabs: [
        {
          id: 'general',
          name: 'General',
          settings: [
            {
              id: 'target',
              name: 'Target system',
              type: 'DROPDOWN_SINGLE',
              value: 'jira',
              allowedValues: ['jira', 'linear'],
              accessLevel: 'ADMINS',
            },
            { id: 'interval', name: 'Minutes between syncs', type: 'NUMBER', value: 15, accessLevel: 'ADMINS' },
          ],
        },
      ],
    },
    ...extra,
  };
}

describe('Add-ons: manifest, lifecycle, RS256 tokens, scopes, settings, user tokens', () => {
  let app: INestApplication;
  let base: string;
  let addon: AddonServer;
  let owner: Owner;
  let ws: string;

  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '50';
    process.env.WEBHOOK_RETRY_BASE_MS = '100';
    delete process.env.PUBLIC_URL;
    resetEnvCache();
    app = await createApp(process.env.DATABASE_URL ?? '');
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    addon = await AddonServer.start();
    owner = await createOwner(app);
    ws = owner.workspace.id;
  });
  afterAll(async () => {
    await addon.close();
    await app.close();
  });

  it('publishes the JWKS and the PEM without credentials, and they are the same key', async () => {
    const jwks = await request(base).get('/.well-known/jwks.json').expect(200);
    expect(jwks.body.keys.length).toBeGreaterThanOrEqual(1);
    for (const k of jwks.body.keys)
      expect(k).toMatchObject({
        kty: 'RSA',
        alg: 'RS256',
        use: 'sig',
        kid: expect.any(String),
        n: expect.any(String),
        e: 'AQAB',
      });
    const pem = await request(base).get('/v1/addons/public-key').expect(200);
    expect(pem.headers['content-type']).toMatch(/application\/x-pem-file/);
    expect(pem.text).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const fromPem = createPublicKey(pem.text).export({ format: 'jwk' });
    expect(jwks.body.keys.some((k: JsonWebKey) => k.n === fromPem.n)).toBe(true);
  });

  describe('POST /v1/workspaces/{ws}/addons', () => {
    it('refuses no credentials (401), a plain member (403), an add-on token (403), bad bodies and manifests (400), installing nothing', async () => {
      const member = await createMember(app, ws);
      addon.manifest = manifestFor(addon, 'ladder');
      await request(base)
        .post(`/v1/workspaces/${ws}/addons`)
        .send({ manifestUrl: `${addon.baseUrl}/manifest` })
        .expect(401);
      await request(base)
        .post(`/v1/workspaces/${ws}/addons`)
        .set('X-Api-Key', member.apiKey)
        .send({ manifestUrl: `${addon.baseUrl}/manifest` })
        .expect(403);
      const legacy = await installAddon(app, ws);
      await request(base)
        .post(`/v1/workspaces/${ws}/addons`)
        .set('X-Addon-Token', legacy.token)
        .send({ manifestUrl: `${addon.baseUrl}/manifest` })
        .expect(403);
      const admin = (path: string) => request(base).post(path).set('X-Api-Key', owner.apiKey);
      await admin(`/v1/workspaces/${ws}/addons`).send({}).expect(400);
      await admin(`/v1/workspaces/${ws}/addons`)
        .send({ manifestUrl: `${addon.baseUrl}/manifest`, manifest: {} })
        .expect(400);
      const bad = await admin(`/v1/workspaces/${ws}/addons`)
        .send({
          manifest: {
            ...manifestFor(addon, 'x'),
            schemaVersion: '1.2',
            scopes: ['TIME_ENTRY_READ', 'EVERYTHING'],
            webhooks: [{ event: 'NOPE', path: '/w' }],
            extra: 1,
          },
        })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['schemaVersion', 'scopes[1]', 'webhooks[0].event', 'extra', 'key']),
      );
      const notFound = await admin(`/v1/workspaces/${ws}/addons`)
        .send({ manifestUrl: `${addon.baseUrl}/missing-manifest` })
        .expect(400);
      expect(notFound.body.message).toMatch(/answered 200|not 200/);
      await admin(`/v1/workspaces/${ws}/addons`).send({ manifestUrl: 'ftp://example.com/m' }).expect(400);
      const list = await request(base).get(`/v1/workspaces/${ws}/addons`).set('X-Api-Key', owner.apiKey).expect(200);
      expect(list.body.filter((a: { key: string | null }) => a.key !== null)).toEqual([]);
    });

    it('another workspace: its owner is refused here (403), its add-on ids are 404 here', async () => {
      const other = await createOwner(app, 'Other');
      const theirs = await installAddon(app, other.workspace.id);
      await request(base).get(`/v1/workspaces/${ws}/addons`).set('X-Api-Key', other.apiKey).expect(403);
      await request(base)
        .get(`/v1/workspaces/${ws}/addons/${theirs.addonId}`)
        .set('X-Api-Key', owner.apiKey)
        .expect(404);
      await request(base)
        .delete(`/v1/workspaces/${ws}/addons/${theirs.addonId}`)
        .set('X-Api-Key', owner.apiKey)
        .expect(404);
      await request(base)
        .get(`/v1/workspaces/${ws}/addons/${MISSING_ID}/settings`)
        .set('X-Api-Key', owner.apiKey)
        .expect(404);
      await request(base).get(`/v1/workspaces/${ws}/addons/not-an-id`).set('X-Api-Key', owner.apiKey).expect(400);
    });
  });

  it('installs from the manifest, sends INSTALLED, and the add-on uses its token within its scopes only', async () => {
    addon.manifest = manifestFor(addon, 'timesheet-sync');
    const installed = await request(base)
      .post(`/v1/workspaces/${ws}/addons`)
      .set('X-Api-Key', owner.apiKey)
      .send({ manifestUrl: `${addon.baseUrl}/manifest` })
      .expect(201);
    expect(installed.body).toMatchObject({
      key: 'timesheet-sync',
      name: 'Timesheet sync',
      status: 'ACTIVE',
      installedBy: owner.user.id,
      baseUrl: addon.baseUrl,
    });
    expect(installed.body.scopes).toEqual(['TIME_ENTRY_READ', 'TIME_ENTRY_WRITE', 'PROJECT_READ', 'USER_READ']);
    expect(installed.body).not.toHaveProperty('token');
    const addonId = installed.body.id as string;

    const [call] = await addon.waitFor('/lifecycle/installed');
    const payload = call.body as {
      addonId: string;
      authToken: string;
      workspaceId: string;
      asUser: string;
      apiUrl: string;
      addonUserId: string;
      webhooks: { path: string; webhookType: string; authToken: string }[];
    };
    expect(payload).toMatchObject({
      addonId,
      workspaceId: ws,
      asUser: owner.user.id,
      apiUrl: `${base}/api`,
      addonUserId: owner.user.id,
    });
    expect(payload.webhooks).toEqual([
      {
        path: `${addon.baseUrl}/webhooks/new-time-entry`,
        webhookType: 'ADDON',
        webhookEvent: 'NEW_TIME_ENTRY',
        authToken: expect.any(String),
      },
    ]);

    // Everything is verified with the published keys only.
    const lifecycle = await verifyWithJwks(
      `${base}/.well-known/jwks.json`,
      String(call.headers['x-addon-lifecycle-token']),
    );
    expect(lifecycle).toMatchObject({
      iss: 'clockify',
      sub: 'timesheet-sync',
      type: 'addon',
      workspaceId: ws,
      addonId,
      exp: expect.any(Number),
    });
    const claims = await verifyWithJwks(`${base}/.well-known/jwks.json`, payload.authToken);
    expect(claims).toMatchObject({
      iss: 'clockify',
      sub: 'timesheet-sync',
      type: 'addon',
      workspaceId: ws,
      addonId,
      user: owner.user.id,
      backendUrl: `${base}/api`,
      reportsUrl: base,
    });
    expect(claims.exp).toBeUndefined(); // installation tokens do not expire, as Clockify's
    await expect(
      verifyWithJwks(`${base}/.well-known/jwks.json`, `${payload.authToken.slice(0, -4)}AAAA`),
    ).rejects.toThrow();

    // The add-on calls the API at the backendUrl its token names.
    const api = String(claims.backendUrl);
    const token = payload.authToken;
    await request(api)
      .get(`/v1/workspaces/${ws}/user/${owner.user.id}/time-entries`)
      .set('X-Addon-Token', token)
      .expect(200);
    await request(api).get(`/v1/workspaces/${ws}/projects`).set('X-Addon-Token', token).expect(200);
    const denied = await request(api)
      .post(`/v1/workspaces/${ws}/projects`)
      .set('X-Addon-Token', token)
      .send({ name: 'Nope' })
      .expect(403);
    expect(denied.body.message).toMatch(/PROJECT_WRITE/);
    const noTags = await request(api).get(`/v1/workspaces/${ws}/tags`).set('X-Addon-Token', token).expect(403);
    expect(noTags.body.message).toMatch(/TAG_READ/);
    const reports = await request(String(claims.reportsUrl))
      .post(`/v1/workspaces/${ws}/reports/summary`)
      .set('X-Addon-Token', token)
      .send({})
      .expect(403);
    expect(reports.body.message).toMatch(/REPORTS_READ/);
    await request(api).get(`/v1/workspaces/${ws}`).set('X-Addon-Token', token).expect(403);

    // The same key twice in one workspace is a conflict; nothing more is installed.
    await request(base)
      .post(`/v1/workspaces/${ws}/addons`)
      .set('X-Api-Key', owner.apiKey)
      .send({ manifest: addon.manifest })
      .expect(409);

    // A manifest webhook is signed with its own token, verifiable with the JWKS.
    const entry = await request(base)
      .post(`/v1/workspaces/${ws}/time-entries`)
      .set('X-Api-Key', owner.apiKey)
      .send({ start: '2024-05-01T09:00:00Z', end: '2024-05-01T10:00:00Z', description: 'sync me' })
      .expect(201);
    // Fan-out waits for every older transaction of the PostgreSQL cluster (xmin), so a long one elsewhere delays it.
    const [hook] = await addon.waitFor('/webhooks/new-time-entry', 1, 120_000);
    expect(hook.headers['clockify-webhook-event-type']).toBe('NEW_TIME_ENTRY');
    expect(hook.body).toMatchObject({ id: entry.body.id, description: 'sync me' });
    const signature = String(hook.headers['clockify-signature']);
    expect(signature).toBe(payload.webhooks[0].authToken);
    expect(await verifyWithJwks(`${base}/.well-known/jwks.json`, signature)).toMatchObject({
      iss: 'clockify',
      sub: 'timesheet-sync',
      workspaceId: ws,
      addonId,
    });
    // Regenerating a manifest webhook's token keeps it a JWT of the add-on.
    const listed = await request(base)
      .get(`/v1/workspaces/${ws}/addons/${addonId}/webhooks`)
      .set('X-Api-Key', owner.apiKey)
      .expect(200);
    const regenerated = await request(base)
      .patch(`/v1/workspaces/${ws}/webhooks/${listed.body.webhooks[0].id}/token`)
      .set('X-Api-Key', owner.apiKey)
      .expect(200);
    expect(regenerated.body.authToken).not.toBe(signature);
    expect(await verifyWithJwks(`${base}/.well-known/jwks.json`, regenerated.body.authToken)).toMatchObject({
      sub: 'timesheet-sync',
      addonId,
    });
    // A webhook token is not an API credential.
    await request(api).get(`/v1/workspaces/${ws}/projects`).set('X-Addon-Token', signature).expect(401);

    // Settings: the add-on's own token and admins; a change fires SETTINGS_UPDATED.
    const member = await createMember(app, ws);
    await request(base).get(`/v1/workspaces/${ws}/addons/${addonId}/settings`).expect(401);
    await request(base)
      .get(`/v1/workspaces/${ws}/addons/${addonId}/settings`)
      .set('X-Api-Key', member.apiKey)
      .expect(403);
    const read = await request(base)
      .get(`/v1/workspaces/${ws}/addons/${addonId}/settings`)
      .set('X-Addon-Token', token)
      .expect(200);
    expect(read.body.settings.tabs[0].settings.map((s: { id: string; value: unknown }) => [s.id, s.value])).toEqual([
      ['target', 'jira'],
      ['interval', 15],
    ]);
    const badValue = await request(base)
      .patch(`/v1/workspaces/${ws}/addons/${addonId}/settings`)
      .set('X-Addon-Token', token)
      .send({ settings: [{ id: 'target', value: 'asana' }] })
      .expect(400);
    expect(badValue.body.message).toMatch(/jira, linear/);
    await request(base)
      .patch(`/v1/workspaces/${ws}/addons/${addonId}/settings`)
      .set('X-Addon-Token', token)
      .send({ settings: [{ id: 'nope', value: 1 }] })
      .expect(400);
    const updated = await request(base)
      .patch(`/v1/workspaces/${ws}/addons/${addonId}/settings`)
      .set('X-Api-Key', owner.apiKey)
      .send({
        settings: [
          { id: 'target', value: 'linear' },
          { id: 'interval', value: 30 },
        ],
      })
      .expect(200);
    expect(updated.body.settings.tabs[0].settings.map((s: { value: unknown }) => s.value)).toEqual(['linear', 30]);
    const [settingsCall] = await addon.waitFor('/lifecycle/settings');
    expect(settingsCall.body).toMatchObject({ addonId, workspaceId: ws, settings: { tabs: [{ id: 'general' }] } });
    await verifyWithJwks(`${base}/.well-known/jwks.json`, String(settingsCall.headers['x-addon-lifecycle-token']));

    // User token: acts as the member, with the member's rights only, still within the scopes.
    await request(api)
      .post(`/v1/workspaces/${ws}/addons/${addonId}/users/${member.user.id}/token`)
      .set('X-Api-Key', owner.apiKey)
      .expect(403);
    await request(api)
      .post(`/v1/workspaces/${ws}/addons/${addonId}/users/${MISSING_ID}/token`)
      .set('X-Addon-Token', token)
      .expect(404);
    const exchanged = await request(api)
      .post(`/v1/workspaces/${ws}/addons/${addonId}/users/${member.user.id}/token`)
      .set('X-Addon-Token', token)
      .expect(200);
    const userClaims = await verifyWithJwks(`${base}/.well-known/jwks.json`, exchanged.body.token);
    expect(userClaims).toMatchObject({
      sub: 'timesheet-sync',
      user: member.user.id,
      workspaceId: ws,
      exp: expect.any(Number),
    });
    expect(Number(userClaims.exp) - Number(userClaims.iat)).toBe(1800);
    const userToken = exchanged.body.token as string;
    await request(api)
      .get(`/v1/workspaces/${ws}/user/${member.user.id}/time-entries`)
      .set('X-Addon-Token', userToken)
      .expect(200);
    await request(api)
      .get(`/v1/workspaces/${ws}/user/${owner.user.id}/time-entries`)
      .set('X-Addon-Token', userToken)
      .expect(403);
    await request(api)
      .get(`/v1/workspaces/${ws}/user/${owner.user.id}/time-entries`)
      .set('X-Addon-Token', token)
      .expect(200);
    await request(api)
      .post(`/v1/workspaces/${ws}/addons/${addonId}/users/${owner.user.id}/token`)
      .set('X-Addon-Token', userToken)
      .expect(403);

    // Disabled: token refused, STATUS_CHANGED sent; enabled again: works.
    await request(base)
      .patch(`/v1/workspaces/${ws}/addons/${addonId}`)
      .set('X-Api-Key', member.apiKey)
      .send({ status: 'INACTIVE' })
      .expect(403);
    await request(base)
      .patch(`/v1/workspaces/${ws}/addons/${addonId}`)
      .set('X-Api-Key', owner.apiKey)
      .send({ status: 'OFF' })
      .expect(400);
    await request(base)
      .patch(`/v1/workspaces/${ws}/addons/${addonId}`)
      .set('X-Api-Key', owner.apiKey)
      .send({ status: 'INACTIVE' })
      .expect(200);
    await request(api).get(`/v1/workspaces/${ws}/projects`).set('X-Addon-Token', token).expect(401);
    expect((await addon.waitFor('/lifecycle/status'))[0].body).toMatchObject({
      addonId,
      workspaceId: ws,
      status: 'INACTIVE',
    });
    await request(base)
      .patch(`/v1/workspaces/${ws}/addons/${addonId}`)
      .set('X-Api-Key', owner.apiKey)
      .send({ status: 'ACTIVE' })
      .expect(200);
    await request(api).get(`/v1/workspaces/${ws}/projects`).set('X-Addon-Token', token).expect(200);
    // (calls still pending at uninstall are cancelled, so the second STATUS_CHANGED is awaited first)
    expect((await addon.waitFor('/lifecycle/status', 2))[1].body).toMatchObject({ addonId, status: 'ACTIVE' });

    // Uninstalled: DELETED sent, token and user token rejected, webhooks gone.
    await request(base).delete(`/v1/workspaces/${ws}/addons/${addonId}`).set('X-Api-Key', member.apiKey).expect(403);
    await request(base).delete(`/v1/workspaces/${ws}/addons/${addonId}`).set('X-Api-Key', owner.apiKey).expect(204);
    const [deleted] = await addon.waitFor('/lifecycle/deleted');
    expect(deleted.body).toMatchObject({ addonId, workspaceId: ws });
    await request(api).get(`/v1/workspaces/${ws}/projects`).set('X-Addon-Token', token).expect(401);
    await request(api)
      .get(`/v1/workspaces/${ws}/user/${member.user.id}/time-entries`)
      .set('X-Addon-Token', userToken)
      .expect(401);
    const hooks: unknown[] = await app.get(DataSource).query('SELECT 1 FROM webhooks WHERE addon_id = $1', [addonId]);
    expect(hooks).toEqual([]);
    const logs = await request(base)
      .get(`/v1/workspaces/${ws}/addons/${addonId}/lifecycle-logs`)
      .set('X-Api-Key', owner.apiKey)
      .expect(200);
    expect(logs.body.map((l: { event: string; status: string }) => `${l.event}:${l.status}`).sort()).toEqual([
      'DELETED:SUCCEEDED',
      'INSTALLED:SUCCEEDED',
      'SETTINGS_UPDATED:SUCCEEDED',
      'STATUS_CHANGED:SUCCEEDED',
      'STATUS_CHANGED:SUCCEEDED',
    ]);
    const stored: { payload: Record<string, unknown> }[] = await app
      .get(DataSource)
      .query(`SELECT payload FROM addon_lifecycle_jobs WHERE addon_id = $1 AND event = 'INSTALLED'`, [addonId]);
    expect(stored[0].payload).not.toHaveProperty('authToken'); // the token is not kept once delivered

    // Uninstalled, the key may be installed again.
    await request(base)
      .post(`/v1/workspaces/${ws}/addons`)
      .set('X-Api-Key', owner.apiKey)
      .send({ manifest: addon.manifest })
      .expect(201);
  }, 240_000);

  it('an INSTALLED call that keeps failing marks the installation failed, and its token does not work', async () => {
    const failing = await AddonServer.start();
    try {
      failing.answer('/lifecycle/installed', 400);
      const installed = await request(base)
        .post(`/v1/workspaces/${ws}/addons`)
        .set('X-Api-Key', owner.apiKey)
        .send({ manifest: manifestFor(failing, 'refuses-install') })
        .expect(201);
      const [call] = await failing.waitFor('/lifecycle/installed');
      const token = String(call.body.authToken);
      await waitUntil(
        async () =>
          (await request(base).get(`/v1/workspaces/${ws}/addons/${installed.body.id}`).set('X-Api-Key', owner.apiKey))
            .body.status === 'FAILED',
        10000,
        'the installation to fail',
      );
      const got = await request(base)
        .get(`/v1/workspaces/${ws}/addons/${installed.body.id}`)
        .set('X-Api-Key', owner.apiKey)
        .expect(200);
      expect(got.body.failedReason).toMatch(/INSTALLED call failed: status 400/);
      await request(base).get(`/v1/workspaces/${ws}/projects`).set('X-Addon-Token', token).expect(401);
    } finally {
      await failing.close();
    }
  });

  it('an add-on that never answers its INSTALLED call holds up no webhook delivery meanwhile', async () => {
    // One host for both: the add-on (its INSTALLED call held unanswered) and another workspace's webhook.
    const receiver = await Receiver.start();
    receiver.hold('/lifecycle/installed');
    try {
      await request(base)
        .post(`/v1/workspaces/${ws}/addons`)
        .set('X-Api-Key', owner.apiKey)
        .send({ manifest: { ...manifestFor(addon, 'never-answers'), baseUrl: receiver.baseUrl } })
        .expect(201);
      await receiver.waitFor('/lifecycle/installed', 1, 10000);
      const other = await createOwner(app, 'Unaffected');
      await request(base)
        .post(`/v1/workspaces/${other.workspace.id}/webhooks`)
        .set('X-Api-Key', other.apiKey)
        .send({
          name: 'tags',
          url: receiver.url('/tags'),
          webhookEvent: 'NEW_TAG',
          triggerSource: [],
          triggerSourceType: 'WORKSPACE_ID',
        })
        .expect(201);
      const sent = Date.now();
      await request(base)
        .post(`/v1/workspaces/${other.workspace.id}/tags`)
        .set('X-Api-Key', other.apiKey)
        .send({ name: 'delivered meanwhile' })
        .expect(201);
      await receiver.waitFor('/tags', 1, 3000); // the hanging call may take 10 s before it times out
      expect(Date.now() - sent).toBeLessThan(3000);
      expect(receiver.at('/lifecycle/installed')).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('HS256 tokens issued before RS256 keep working for their installation until it is uninstalled', async () => {
    const ds = app.get(DataSource);
    await ds.query(
      `INSERT INTO app_secrets (name, value) VALUES ('addon_token_secret', $1) ON CONFLICT (name) DO NOTHING`,
      [`legacy-${'s'.repeat(40)}`],
    );
    const [{ value: secret }] = await ds.query<{ value: string }[]>(
      `SELECT value FROM app_secrets WHERE name = 'addon_token_secret'`,
    );
    const hs256 = (addonId: string) =>
      jwt.sign({ workspaceId: ws, addonId }, secret, { algorithm: 'HS256', subject: addonId, issuer: 'clockify-api' });
    const legacyId = newId();
    await ds.query(`INSERT INTO addons (id, workspace_id, name, user_id) VALUES ($1, $2, 'Old add-on', $3)`, [
      legacyId,
      ws,
      owner.user.id,
    ]);
    await request(base).get(`/v1/workspaces/${ws}/tags`).set('X-Addon-Token', hs256(legacyId)).expect(200);
    // An RS256 installation does not take an HS256 token, even a well-signed one.
    const modern = await installAddon(app, ws, 'Modern');
    await request(base).get(`/v1/workspaces/${ws}/tags`).set('X-Addon-Token', hs256(modern.addonId)).expect(401);
    await request(base).delete(`/v1/workspaces/${ws}/addons/${legacyId}`).set('X-Api-Key', owner.apiKey).expect(204);
    await request(base).get(`/v1/workspaces/${ws}/tags`).set('X-Addon-Token', hs256(legacyId)).expect(401);
  });

  it('an add-on installed with --name (no manifest) keeps full admin access', async () => {
    const legacy = await installAddon(app, ws, 'Full access');
    await request(base)
      .post(`/v1/workspaces/${ws}/projects`)
      .set('X-Addon-Token', legacy.token)
      .send({ name: 'Made by an add-on' })
      .expect(201);
    await request(base).get(`/v1/workspaces/${ws}/tags`).set('X-Addon-Token', legacy.token).expect(200);
    expect(await verifyWithJwks(`${base}/.well-known/jwks.json`, legacy.token)).toMatchObject({
      sub: legacy.addonId,
      addonId: legacy.addonId,
      user: owner.user.id,
    });
  });

  it("an empty scopes list grants nothing but the add-on's own settings", async () => {
    const bare = await AddonServer.start();
    try {
      await request(base)
        .post(`/v1/workspaces/${ws}/addons`)
        .set('X-Api-Key', owner.apiKey)
        .send({ manifest: manifestFor(bare, 'no-scopes', { scopes: [] }) })
        .expect(201);
      const [call] = await bare.waitFor('/lifecycle/installed');
      const token = String(call.body.authToken);
      await request(base)
        .get(`/v1/workspaces/${ws}/user/${owner.user.id}/time-entries`)
        .set('X-Addon-Token', token)
        .expect(403);
      await request(base).get(`/v1/user`).set('X-Addon-Token', token).expect(403);
      await request(base)
        .get(`/v1/workspaces/${ws}/addons/${call.body.addonId}/settings`)
        .set('X-Addon-Token', token)
        .expect(200);
    } finally {
      await bare.close();
    }
  });

  it('key rotation: the next key is published before it signs; the old one stays while its tokens live', async () => {
    const tokens = app.get(AddonTokenService);
    const before = (await request(base).get('/.well-known/jwks.json').expect(200)).body.keys.map(
      (k: { kid: string }) => k.kid,
    ) as string[];
    const live = await installAddon(app, ws, 'Before rotation');
    const oldKid = jwt.decode(live.token, { complete: true })?.header.kid;
    const next = await tokens.rotate(new Date(Date.now() + 3600_000));
    const published = (await request(base).get('/.well-known/jwks.json').expect(200)).body.keys.map(
      (k: { kid: string }) => k.kid,
    );
    expect(published).toEqual(expect.arrayContaining([...before, next.kid]));
    const stillOld = await installAddon(app, ws, 'During pre-publication');
    expect(jwt.decode(stillOld.token, { complete: true })?.header.kid).toBe(oldKid);
    await app
      .get(DataSource)
      .query(`UPDATE addon_signing_keys SET signs_from = now() - interval '1 second' WHERE kid = $1`, [next.kid]);
    const now = await tokens.rotate(new Date()); // a second rotation, effective at once
    const fresh = await installAddon(app, ws, 'After rotation');
    expect(jwt.decode(fresh.token, { complete: true })?.header.kid).toBe(now.kid);
    const after = (await request(base).get('/.well-known/jwks.json').expect(200)).body.keys.map(
      (k: { kid: string }) => k.kid,
    );
    expect(after).toEqual(expect.arrayContaining([oldKid, now.kid]));
    await request(base).get(`/v1/workspaces/${ws}/tags`).set('X-Addon-Token', live.token).expect(200);
    await request(base).get(`/v1/workspaces/${ws}/tags`).set('X-Addon-Token', fresh.token).expect(200);
  });

  it('ADDON_SIGNING_KEY signs instead of a stored key, and only its public half is stored (published)', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const ds = app.get(DataSource);
    process.env.ADDON_SIGNING_KEY = privateKey.replace(/\n/g, '\\n');
    resetEnvCache();
    try {
      const service = new AddonTokenService(ds);
      const { token, kid } = await service.sign({
        workspaceId: ws,
        addonId: MISSING_ID,
        key: 'k',
        user: owner.user.id,
        tokenType: 'INSTALLATION',
        baseUrl: base,
      });
      expect(jwt.verify(token, publicKey, { algorithms: ['RS256'] })).toMatchObject({ sub: 'k' });
      expect((await service.jwks()).keys.map((k) => k.kid)).toContain(kid);
      const [row] = await ds.query<{ private_pem: string | null }[]>(
        'SELECT private_pem FROM addon_signing_keys WHERE kid = $1',
        [kid],
      );
      expect(row.private_pem).toBeNull();
      await ds.query('DELETE FROM addon_signing_keys WHERE kid = $1', [kid]);
    } finally {
      delete process.env.ADDON_SIGNING_KEY;
      resetEnvCache();
    }
  });

  it('every operation in /docs-json has a scope in the one table (add-ons with scopes are never let through by omission)', async () => {
    const doc = (await request(base).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      const template = path.replace(/\{(\w+)\}/g, ':$1');
      if (template === '/health' || template.startsWith('/.well-known') || template === '/v1/addons/public-key')
        continue;
      for (const method of Object.keys(methods))
        if (requiredScope(method, template) === null) missing.push(`${method.toUpperCase()} ${path}`);
    }
    expect(missing).toEqual([]);
  });
});
