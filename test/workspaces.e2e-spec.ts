import request from 'supertest';
import { DataSource } from 'typeorm';
import { RatesService } from '../src/modules/rates/rates.service';
import { Account, createMember, createOwner, installAddon, MISSING_ID, Owner, uniqueEmail } from './factories';
import { outboxEvents } from './factories/outbox';
import { startTestApp, TestApp } from './utils/test-app';

interface Membership {
  userId: string;
  membershipStatus: string;
  hourlyRate: { amount: number; currency: string } | null;
  costRate: { amount: number; currency: string } | null;
}

describe('Workspaces', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let aMember: Account;
  let aAdmin: Account;
  let bMember: Account;

  const events = (entityId: string, workspaceId?: string): Promise<string[]> =>
    outboxEvents(t.app, entityId, workspaceId);
  const membership = (body: { memberships: Membership[] }, userId: string) =>
    body.memberships.find((m) => m.userId === userId);
  const key = (account: Account) => ({ 'X-Api-Key': account.apiKey });
  const ws = (owner: Owner, path = '') => `/v1/workspaces/${owner.workspace.id}${path}`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    aMember = await createMember(t.app, a.workspace.id, { name: 'Mia' });
    aAdmin = await createMember(t.app, a.workspace.id, { name: 'Ada', role: 'WORKSPACE_ADMIN' });
    bMember = await createMember(t.app, b.workspace.id, { name: 'Ben' });
  });
  afterAll(() => t.app.close());

  describe('GET /v1/workspaces', () => {
    it('needs credentials', async () => {
      await request(t.http).get('/v1/workspaces').expect(401);
    });

    it('lists only the workspaces where the caller is an active member', async () => {
      const res = await request(t.http).get('/v1/workspaces').set(key(a)).expect(200);
      expect(res.body.map((w: { id: string }) => w.id)).toEqual([a.workspace.id]);
      expect(res.body[0]).toMatchObject({ name: "Alice's workspace", hourlyRate: { amount: 0, currency: 'USD' } });
      const mine = await request(t.http).get('/v1/workspaces').set(key(aMember)).expect(200);
      expect(mine.body.map((w: { id: string }) => w.id)).toEqual([a.workspace.id]);
      const gone = await createMember(t.app, a.workspace.id, { status: 'INACTIVE' });
      const none = await request(t.http).get('/v1/workspaces').set(key(gone)).expect(200);
      expect(none.body).toEqual([]);
    });

    it('filters by roles (comma-separated or repeated); an owner is not counted as an admin', async () => {
      const ids = async (account: Account, query: string) =>
        (await request(t.http).get(`/v1/workspaces?${query}`).set(key(account)).expect(200)).body.map(
          (w: { id: string }) => w.id,
        );
      expect(await ids(a, 'roles=WORKSPACE_ADMIN')).toEqual([]);
      expect(await ids(a, 'roles=OWNER')).toEqual([a.workspace.id]);
      expect(await ids(a, 'roles=WORKSPACE_ADMIN,OWNER')).toEqual([a.workspace.id]);
      expect(await ids(a, 'roles=TEAM_MANAGER&roles=OWNER')).toEqual([a.workspace.id]);
      expect(await ids(aAdmin, 'roles=WORKSPACE_ADMIN')).toEqual([a.workspace.id]);
      expect(await ids(aMember, 'roles=WORKSPACE_ADMIN,OWNER,TEAM_MANAGER,PROJECT_MANAGER')).toEqual([]);
    });

    it('rejects an unknown role or query parameter with 400', async () => {
      await request(t.http).get('/v1/workspaces?roles=KING').set(key(a)).expect(400);
      await request(t.http).get('/v1/workspaces?foo=1').set(key(a)).expect(400);
    });

    it('an add-on sees only its own workspace', async () => {
      const { token } = await installAddon(t.app, b.workspace.id);
      const res = await request(t.http).get('/v1/workspaces').set('X-Addon-Token', token).expect(200);
      expect(res.body.map((w: { id: string }) => w.id)).toEqual([b.workspace.id]);
    });
  });

  describe('POST /v1/workspaces', () => {
    it('needs credentials', async () => {
      await request(t.http).post('/v1/workspaces').send({ name: 'X' }).expect(401);
    });

    it('rejects bad bodies with 400', async () => {
      for (const body of [
        {},
        { name: '' },
        { name: '   ' },
        { name: 'x'.repeat(51) },
        { name: 12 },
        { name: 'Ok', extra: true },
        { name: 'Ok', organizationId: '' },
      ]) {
        const res = await request(t.http).post('/v1/workspaces').set(key(a)).send(body).expect(400);
        expect(res.body.code).toBe(400);
      }
    });

    it('is refused to add-ons with 403', async () => {
      const { token } = await installAddon(t.app, a.workspace.id);
      await request(t.http).post('/v1/workspaces').set('X-Addon-Token', token).send({ name: 'By add-on' }).expect(403);
    });

    it('creates a workspace owned by the caller (201), visible in their list', async () => {
      const res = await request(t.http)
        .post('/v1/workspaces')
        .set(key(aMember))
        .send({ name: '  Mia Corp ', organizationId: '67d471fb56aa9668b7bfa295' })
        .expect(201);
      expect(res.body).toMatchObject({
        name: 'Mia Corp',
        cakeOrganizationId: '67d471fb56aa9668b7bfa295',
        hourlyRate: { amount: 0, currency: 'USD' },
        costRate: { amount: 0, currency: 'USD' },
        memberships: [
          { userId: aMember.user.id, membershipStatus: 'ACTIVE', membershipType: 'WORKSPACE', targetId: res.body.id },
        ],
        currencies: [{ code: 'USD', isDefault: true }],
        workspaceSettings: {
          projectLabel: 'project',
          workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
          onlyAdminsCreateProject: true,
          onlyAdminsCreateTag: false,
          onlyAdminsCreateTask: false,
          entityCreationPermissions: {
            whoCanCreateProjectsAndClients: 'ADMINS',
            whoCanCreateTags: 'EVERYONE',
            whoCanCreateTasks: 'EVERYONE',
          },
        },
      });
      expect(res.body.id).toMatch(/^[0-9a-f]{24}$/);
      const owned = await request(t.http).get('/v1/workspaces?roles=OWNER').set(key(aMember)).expect(200);
      expect(owned.body.map((w: { id: string }) => w.id)).toEqual([res.body.id]);
      await request(t.http)
        .put(`/v1/workspaces/${res.body.id}/cost-rate`)
        .set(key(aMember))
        .send({ amount: 1 })
        .expect(200);
      expect(await events(aMember.user.id, res.body.id)).toEqual(['USER_JOINED_WORKSPACE']);
      expect(await events(res.body.id)).toEqual(['COST_RATE_UPDATED']);
    });

    it('entityCreationPermissions are strings that follow the onlyAdminsCreate* flags', async () => {
      const ws = await createOwner(t.app, 'Permissions');
      const db = t.app.get(DataSource);
      await db.query(
        `UPDATE workspaces SET settings = settings || '{"onlyAdminsCreateProject": false, "onlyAdminsCreateTag": true, "onlyAdminsCreateTask": true}'::jsonb WHERE id = $1`,
        [ws.workspace.id],
      );
      const res = await request(t.http).get(`/v1/workspaces/${ws.workspace.id}`).set(key(ws)).expect(200);
      expect(res.body.workspaceSettings.entityCreationPermissions).toEqual({
        whoCanCreateProjectsAndClients: 'EVERYONE',
        whoCanCreateTags: 'ADMINS',
        whoCanCreateTasks: 'ADMINS_AND_PROJECT_MANAGERS',
      });
    });

    it('two workspaces created through the API do not see each other', async () => {
      const [x, y] = [await createOwner(t.app, 'Xena'), await createOwner(t.app, 'Yuri')];
      const wx = (await request(t.http).post('/v1/workspaces').set(key(x)).send({ name: 'X Ltd' }).expect(201)).body
        .id as string;
      const wy = (await request(t.http).post('/v1/workspaces').set(key(y)).send({ name: 'Y Ltd' }).expect(201)).body
        .id as string;
      const email = uniqueEmail('xonly');
      const added = await request(t.http).post(`/v1/workspaces/${wx}/users`).set(key(x)).send({ email }).expect(200);
      const newcomer = added.body.memberships.find((m: Membership) => m.userId !== x.user.id).userId as string;
      await request(t.http)
        .put(`/v1/workspaces/${wx}/hourly-rate`)
        .set(key(x))
        .send({ amount: 9000, currency: 'GBP' })
        .expect(200);

      await request(t.http).get(`/v1/workspaces/${wx}`).set(key(y)).expect(403);
      await request(t.http).get(`/v1/workspaces/${wy}`).set(key(x)).expect(403);
      const own = await request(t.http).get(`/v1/workspaces/${wy}`).set(key(y)).expect(200);
      expect(own.body.memberships.map((m: Membership) => m.userId)).toEqual([y.user.id]);
      expect(own.body.hourlyRate).toEqual({ amount: 0, currency: 'USD' });
      await request(t.http)
        .put(`/v1/workspaces/${wy}/users/${newcomer}/hourly-rate`)
        .set(key(y))
        .send({ amount: 1 })
        .expect(404);
      await request(t.http)
        .put(`/v1/workspaces/${wy}/users/${newcomer}`)
        .set(key(y))
        .send({ status: 'INACTIVE' })
        .expect(404);
      await request(t.http)
        .put(`/v1/workspaces/${wx}/hourly-rate`)
        .set(key(y))
        .send({ amount: 1, currency: 'USD' })
        .expect(403);
      const list = await request(t.http).get('/v1/workspaces').set(key(y)).expect(200);
      expect(list.body.map((w: { id: string }) => w.id)).not.toContain(wx);
    });
  });

  describe('GET /v1/workspaces/{workspaceId}', () => {
    it('climbs the ladder: 401, 400 malformed id, 403 another workspace', async () => {
      await request(t.http).get(ws(a)).expect(401);
      await request(t.http).get('/v1/workspaces/123').set(key(a)).expect(400);
      await request(t.http).get(ws(a)).set(key(b)).expect(403);
      await request(t.http).get(ws(b)).set(key(aMember)).expect(403);
      await request(t.http).get(`/v1/workspaces/${MISSING_ID}`).set(key(a)).expect(403);
    });

    it('answers a plain member with the workspace, its settings and every membership', async () => {
      const res = await request(t.http).get(ws(a)).set(key(aMember)).expect(200);
      expect(res.body).toMatchObject({
        id: a.workspace.id,
        name: "Alice's workspace",
        imageUrl: '',
        featureSubscriptionType: 'ENTERPRISE',
        subdomain: { enabled: false, name: '' },
        workspaceSettings: {
          onlyAdminsSeeBillableRates: true,
          round: { round: 'Round to nearest', minutes: '15' },
          automaticLock: null,
        },
      });
      expect(res.body.features).toContain('TIME_TRACKING');
      const ids = res.body.memberships.map((m: Membership) => m.userId);
      expect(ids).toEqual(expect.arrayContaining([a.user.id, aMember.user.id, aAdmin.user.id]));
      expect(ids).not.toContain(bMember.user.id);
      expect(membership(res.body, a.user.id)).toMatchObject({
        membershipStatus: 'ACTIVE',
        hourlyRate: null,
        costRate: null,
      });
    });
  });

  describe('PUT /v1/workspaces/{workspaceId}/hourly-rate and cost-rate', () => {
    it('climbs the ladder: 401, 403 plain member, 403 another workspace', async () => {
      for (const path of ['/hourly-rate', '/cost-rate']) {
        const body = { amount: 100, currency: 'USD' };
        await request(t.http).put(ws(a, path)).send(body).expect(401);
        await request(t.http).put(ws(a, path)).set(key(aMember)).send(body).expect(403);
        await request(t.http).put(ws(a, path)).set(key(b)).send(body).expect(403);
        await request(t.http).put(`/v1/workspaces/nope${path}`).set(key(a)).send(body).expect(400);
      }
    });

    it('rejects bad bodies with 400', async () => {
      const bad = [
        {},
        { amount: -1, currency: 'USD' },
        { amount: 10.5, currency: 'USD' },
        { amount: '100', currency: 'USD' },
        { amount: 100 },
        { amount: 100, currency: '' },
        { amount: 100, currency: '   ' },
        { amount: 100, currency: 'x'.repeat(101) },
        { amount: 100, currency: 'USD', since: 'yesterday' },
        { amount: 100, currency: 'USD', extra: 1 },
      ];
      for (const body of bad) await request(t.http).put(ws(a, '/hourly-rate')).set(key(a)).send(body).expect(400);
      for (const body of [{}, { amount: -5 }, { amount: 1, since: '2020-13-45' }, { amount: 1, currency: 'USD' }]) {
        await request(t.http).put(ws(a, '/cost-rate')).set(key(a)).send(body).expect(400);
      }
    });

    it('sets the workspace billable rate and currency (uppercased); an admin may do it', async () => {
      const o = await createOwner(t.app, 'Rita');
      const admin = await createMember(t.app, o.workspace.id, { role: 'WORKSPACE_ADMIN' });
      const res = await request(t.http)
        .put(ws(o, '/hourly-rate'))
        .set(key(admin))
        .send({ amount: 15000, currency: 'eur' })
        .expect(200);
      expect(res.body.hourlyRate).toEqual({ amount: 15000, currency: 'EUR' });
      expect(res.body.currencies).toEqual([expect.objectContaining({ code: 'EUR', isDefault: true })]);
      expect(res.body.costRate).toEqual({ amount: 0, currency: 'EUR' });
      const cost = await request(t.http).put(ws(o, '/cost-rate')).set(key(o)).send({ amount: 9000 }).expect(200);
      expect(cost.body.costRate).toEqual({ amount: 9000, currency: 'EUR' });
      expect(cost.body.hourlyRate).toEqual({ amount: 15000, currency: 'EUR' });
      const got = await request(t.http).get(ws(o)).set(key(o)).expect(200);
      expect(got.body.hourlyRate).toEqual({ amount: 15000, currency: 'EUR' });
      expect(await events(o.workspace.id)).toEqual(['BILLABLE_RATE_UPDATED', 'COST_RATE_UPDATED']);
    });

    it('keeps a history: a future rate is not in force yet; the latest past step is', async () => {
      const o = await createOwner(t.app, 'Hana');
      await request(t.http)
        .put(ws(o, '/hourly-rate'))
        .set(key(o))
        .send({ amount: 100, currency: 'USD', since: '2020-01-01T00:00:00Z' })
        .expect(200);
      const now = await request(t.http)
        .put(ws(o, '/hourly-rate'))
        .set(key(o))
        .send({ amount: 200, currency: 'USD', since: '2021-01-01T00:00:00Z' })
        .expect(200);
      expect(now.body.hourlyRate).toEqual({ amount: 200, currency: 'USD' });
      const future = await request(t.http)
        .put(ws(o, '/hourly-rate'))
        .set(key(o))
        .send({ amount: 999, currency: 'USD', since: '2999-01-01T00:00:00Z' })
        .expect(200);
      expect(future.body.hourlyRate).toEqual({ amount: 200, currency: 'USD' });
      const rates = t.app.get(RatesService);
      expect(await rates.at({ workspaceId: o.workspace.id }, 'HOURLY', new Date('2020-06-01T00:00:00Z'))).toEqual({
        amount: 100,
        currency: 'USD',
      });
      expect(await rates.at({ workspaceId: o.workspace.id }, 'HOURLY', new Date('2999-06-01T00:00:00Z'))).toEqual({
        amount: 999,
        currency: 'USD',
      });
      await request(t.http)
        .put(ws(o, '/cost-rate'))
        .set(key(o))
        .send({ amount: 50, since: '2999-01-01T00:00:00Z' })
        .expect(200);
      const cost = await request(t.http).get(ws(o)).set(key(o)).expect(200);
      expect(cost.body.costRate).toEqual({ amount: 0, currency: 'USD' });
    });
  });

  describe('POST /v1/workspaces/{workspaceId}/users', () => {
    it('climbs the ladder: 401, 403 plain member, 403 another workspace, 400 bad bodies', async () => {
      const body = { email: uniqueEmail('ladder') };
      await request(t.http).post(ws(a, '/users')).send(body).expect(401);
      await request(t.http).post(ws(a, '/users')).set(key(aMember)).send(body).expect(403);
      await request(t.http).post(ws(a, '/users')).set(key(b)).send(body).expect(403);
      for (const bad of [{}, { email: '' }, { email: 'not-an-email' }, { email: uniqueEmail(), extra: 1 }]) {
        await request(t.http).post(ws(a, '/users')).set(key(a)).send(bad).expect(400);
      }
      await request(t.http)
        .post(ws(a, '/users?send-email=perhaps'))
        .set(key(a))
        .send({ email: uniqueEmail() })
        .expect(400);
    });

    it('invites an unknown email: a new user, PENDING member (USERS_INVITED_TO_WORKSPACE)', async () => {
      const email = uniqueEmail('invitee');
      const res = await request(t.http).post(ws(a, '/users')).set(key(aAdmin)).send({ email }).expect(200);
      const [user]: { id: string }[] = await t.app
        .get(DataSource)
        .query('SELECT id FROM users WHERE email = $1', [email]);
      expect(membership(res.body, user.id)).toMatchObject({
        membershipStatus: 'PENDING',
        membershipType: 'WORKSPACE',
        targetId: a.workspace.id,
      });
      expect(await events(user.id, a.workspace.id)).toEqual(['USERS_INVITED_TO_WORKSPACE']);
      await request(t.http).post(ws(a, '/users')).set(key(a)).send({ email: email.toUpperCase() }).expect(409);
    });

    it('adds an existing user as an ACTIVE member (send-email accepted), then 409 when repeated', async () => {
      const other = await createMember(t.app, b.workspace.id, { name: 'Otto' });
      const email = other.user.email;
      const res = await request(t.http).post(ws(a, '/users?send-email=true')).set(key(a)).send({ email }).expect(200);
      expect(membership(res.body, other.user.id)).toMatchObject({ membershipStatus: 'ACTIVE' });
      expect(await events(other.user.id, a.workspace.id)).toEqual(['USER_JOINED_WORKSPACE']);
      const list = await request(t.http).get('/v1/workspaces').set(key(other)).expect(200);
      expect(list.body.map((w: { id: string }) => w.id).sort()).toEqual([a.workspace.id, b.workspace.id].sort());
      const again = await request(t.http).post(ws(a, '/users')).set(key(a)).send({ email }).expect(409);
      expect(again.body).toEqual({ message: 'User already in workspace', code: 409 });
    });

    it('re-activates a deactivated member', async () => {
      const gone = await createMember(t.app, a.workspace.id, { status: 'INACTIVE' });
      const res = await request(t.http).post(ws(a, '/users')).set(key(a)).send({ email: gone.user.email }).expect(200);
      expect(membership(res.body, gone.user.id)).toMatchObject({ membershipStatus: 'ACTIVE' });
      expect((await events(gone.user.id, a.workspace.id)).slice(-1)).toEqual(['USER_ACTIVATED_ON_WORKSPACE']);
    });
  });

  describe('PUT /v1/workspaces/{workspaceId}/users/{userId}', () => {
    it('climbs the ladder: 401, 403, 400 bad ids and bodies, 404 non-members', async () => {
      const url = ws(a, `/users/${aMember.user.id}`);
      await request(t.http).put(url).send({ status: 'INACTIVE' }).expect(401);
      await request(t.http).put(url).set(key(aMember)).send({ status: 'INACTIVE' }).expect(403);
      await request(t.http).put(url).set(key(b)).send({ status: 'INACTIVE' }).expect(403);
      await request(t.http).put(ws(a, '/users/xyz')).set(key(a)).send({ status: 'INACTIVE' }).expect(400);
      for (const bad of [{}, { status: 'PENDING' }, { status: 'inactive' }, { status: 'ACTIVE', extra: 1 }]) {
        await request(t.http).put(url).set(key(a)).send(bad).expect(400);
      }
      await request(t.http)
        .put(ws(a, `/users/${bMember.user.id}`))
        .set(key(a))
        .send({ status: 'INACTIVE' })
        .expect(404);
      await request(t.http)
        .put(ws(a, `/users/${MISSING_ID}`))
        .set(key(a))
        .send({ status: 'INACTIVE' })
        .expect(404);
    });

    it('refuses to deactivate the owner (400)', async () => {
      const res = await request(t.http)
        .put(ws(a, `/users/${a.user.id}`))
        .set(key(aAdmin))
        .send({ status: 'INACTIVE' })
        .expect(400);
      expect(res.body.message).toMatch(/owner/);
    });

    it('deactivates and re-activates a member, who loses and regains access', async () => {
      const m = await createMember(t.app, a.workspace.id, { name: 'Dora' });
      const off = await request(t.http)
        .put(ws(a, `/users/${m.user.id}`))
        .set(key(aAdmin))
        .send({ status: 'INACTIVE' })
        .expect(200);
      expect(membership(off.body, m.user.id)?.membershipStatus).toBe('INACTIVE');
      await request(t.http).get(ws(a)).set(key(m)).expect(403);
      await request(t.http)
        .put(ws(a, `/users/${m.user.id}`))
        .set(key(a))
        .send({ status: 'INACTIVE' })
        .expect(200);
      const on = await request(t.http)
        .put(ws(a, `/users/${m.user.id}`))
        .set(key(a))
        .send({ status: 'ACTIVE' })
        .expect(200);
      expect(membership(on.body, m.user.id)?.membershipStatus).toBe('ACTIVE');
      await request(t.http).get(ws(a)).set(key(m)).expect(200);
      expect(await events(m.user.id, a.workspace.id)).toEqual([
        'USER_JOINED_WORKSPACE',
        'USER_DEACTIVATED_ON_WORKSPACE',
        'USER_ACTIVATED_ON_WORKSPACE',
      ]);
    });
  });

  describe('PUT /v1/workspaces/{workspaceId}/users/{userId}/hourly-rate and cost-rate', () => {
    it('climbs the ladder: 401, 403, 400 bad ids and bodies, 404 non-members', async () => {
      for (const path of ['hourly-rate', 'cost-rate']) {
        const url = ws(a, `/users/${aMember.user.id}/${path}`);
        await request(t.http).put(url).send({ amount: 1 }).expect(401);
        await request(t.http).put(url).set(key(aMember)).send({ amount: 1 }).expect(403);
        await request(t.http).put(url).set(key(b)).send({ amount: 1 }).expect(403);
        await request(t.http)
          .put(ws(a, `/users/not-an-id/${path}`))
          .set(key(a))
          .send({ amount: 1 })
          .expect(400);
        for (const bad of [{}, { amount: -1 }, { amount: 1, since: 'soon' }, { amount: 1, currency: 'USD' }]) {
          await request(t.http).put(url).set(key(a)).send(bad).expect(400);
        }
        await request(t.http)
          .put(ws(a, `/users/${bMember.user.id}/${path}`))
          .set(key(a))
          .send({ amount: 1 })
          .expect(404);
        await request(t.http)
          .put(ws(a, `/users/${MISSING_ID}/${path}`))
          .set(key(a))
          .send({ amount: 1 })
          .expect(404);
      }
    });

    it("sets a member's rates in the workspace currency, with history", async () => {
      const o = await createOwner(t.app, 'Mona');
      const m = await createMember(t.app, o.workspace.id, { name: 'Max' });
      await request(t.http).put(ws(o, '/hourly-rate')).set(key(o)).send({ amount: 5000, currency: 'chf' }).expect(200);
      const url = ws(o, `/users/${m.user.id}/hourly-rate`);
      await request(t.http).put(url).set(key(o)).send({ amount: 100, since: '2020-01-01T00:00:00Z' }).expect(200);
      const res = await request(t.http)
        .put(url)
        .set(key(o))
        .send({ amount: 200, since: '2021-01-01T00:00:00Z' })
        .expect(200);
      expect(membership(res.body, m.user.id)).toMatchObject({
        hourlyRate: { amount: 200, currency: 'CHF' },
        costRate: null,
      });
      expect(membership(res.body, o.user.id)?.hourlyRate).toBeNull();
      expect(res.body.hourlyRate).toEqual({ amount: 5000, currency: 'CHF' });
      const future = await request(t.http)
        .put(url)
        .set(key(o))
        .send({ amount: 300, since: '2999-01-01T00:00:00Z' })
        .expect(200);
      expect(membership(future.body, m.user.id)?.hourlyRate).toEqual({ amount: 200, currency: 'CHF' });
      const rates = t.app.get(RatesService);
      expect(
        await rates.at({ workspaceId: o.workspace.id, userId: m.user.id }, 'HOURLY', new Date('2020-07-01T00:00:00Z')),
      ).toEqual({ amount: 100, currency: 'CHF' });

      const cost = await request(t.http)
        .put(ws(o, `/users/${m.user.id}/cost-rate`))
        .set(key(o))
        .send({ amount: 4200 })
        .expect(200);
      expect(membership(cost.body, m.user.id)).toMatchObject({
        hourlyRate: { amount: 200, currency: 'CHF' },
        costRate: { amount: 4200, currency: 'CHF' },
      });
      const got = await request(t.http).get(ws(o)).set(key(m)).expect(200);
      expect(membership(got.body, m.user.id)?.costRate).toEqual({ amount: 4200, currency: 'CHF' });
      expect(await events(m.user.id, o.workspace.id)).toEqual([
        'USER_JOINED_WORKSPACE',
        'BILLABLE_RATE_UPDATED',
        'BILLABLE_RATE_UPDATED',
        'BILLABLE_RATE_UPDATED',
        'COST_RATE_UPDATED',
      ]);
    });
  });

  describe('DELETE /v1/workspaces/{workspaceId}/users/{userId} (deprecated)', () => {
    it('climbs the ladder: 401, 403, 400 malformed id, 404 non-members, 400 for the owner', async () => {
      const url = ws(a, `/users/${aMember.user.id}`);
      await request(t.http).delete(url).expect(401);
      await request(t.http).delete(url).set(key(aMember)).expect(403);
      await request(t.http).delete(url).set(key(b)).expect(403);
      await request(t.http).delete(ws(a, '/users/1234')).set(key(a)).expect(400);
      await request(t.http)
        .delete(ws(a, `/users/${bMember.user.id}`))
        .set(key(a))
        .expect(404);
      await request(t.http)
        .delete(ws(a, `/users/${a.user.id}`))
        .set(key(a))
        .expect(400);
    });

    it('removes access: the membership becomes INACTIVE and the roles are dropped', async () => {
      const admin = await createMember(t.app, a.workspace.id, { name: 'Rex', role: 'WORKSPACE_ADMIN' });
      const res = await request(t.http)
        .delete(ws(a, `/users/${admin.user.id}`))
        .set(key(a))
        .expect(200);
      expect(membership(res.body, admin.user.id)?.membershipStatus).toBe('INACTIVE');
      await request(t.http).get(ws(a)).set(key(admin)).expect(403);
      expect((await events(admin.user.id, a.workspace.id)).slice(-1)).toEqual(['USER_DELETED_FROM_WORKSPACE']);
      await request(t.http)
        .put(ws(a, `/users/${admin.user.id}`))
        .set(key(a))
        .send({ status: 'ACTIVE' })
        .expect(200);
      await request(t.http).put(ws(a, '/cost-rate')).set(key(admin)).send({ amount: 1 }).expect(403);
    });
  });

  it('documents every Workspace operation in /docs-json', async () => {
    const doc = await request(t.http).get('/docs-json').expect(200);
    const ops = Object.values(doc.body.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'getWorkspacesOfUser',
        'createWorkspace',
        'getWorkspaceOfUser',
        'setWorkspaceHourlyRate',
        'setWorkspaceCostRate',
        'addUsers',
        'updateUserStatus',
        'setHourlyRateForUser',
        'setCostRateForUser',
        'removeUserFromWorkspace',
      ]),
    );
    const permissions = doc.body.components.schemas.EntityCreationPermissionsDto;
    for (const field of ['whoCanCreateProjectsAndClients', 'whoCanCreateTags', 'whoCanCreateTasks']) {
      expect(permissions.properties[field]).toMatchObject({
        type: 'string',
        enum: ['ADMINS', 'ADMINS_AND_PROJECT_MANAGERS', 'EVERYONE'],
      });
    }
    const settings = doc.body.components.schemas.WorkspaceSettingsDto;
    expect(Object.keys(settings.properties)).toEqual(
      expect.arrayContaining(['round', 'automaticLock', 'entityCreationPermissions', 'workingDays']),
    );
  });
});
