import request from 'supertest';
import { Account, createMember, createOwner, MISSING_ID, Owner } from './factories';
import { createGroupRow } from './factories/catalog';
import { createPolicy, timeOffEvents } from './factories/time-off';
import { startTestApp, TestApp } from './utils/test-app';

describe('Time-off policies', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  let groupId: string;
  const base = (ws: string) => `/v1/workspaces/${ws}/time-off/policies`;
  const body = (overrides: Record<string, unknown> = {}) => ({
    name: 'Vacation',
    approve: { requiresApproval: true },
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Plain' });
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN', name: 'Admin' });
    groupId = await createGroupRow(t.app, a.workspace.id, 'Team', [member.user.id]);
  });
  afterAll(() => t.app.close());

  describe('POST /time-off/policies', () => {
    it('401, 403 member, 400 bad bodies, 404 users or groups of another workspace', async () => {
      await request(t.http).post(base(a.workspace.id)).send(body()).expect(401);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', member.apiKey).send(body()).expect(403);
      const bad = [
        {},
        { name: 'Vacation' },
        body({ name: 'V' }),
        body({ name: 'V'.repeat(101) }),
        body({ timeUnit: 'WEEKS' }),
        body({ approve: { requiresApproval: 'yes' } }),
        body({ negativeBalance: { amount: -1 } }),
        body({ automaticAccrual: { period: 'YEAR' } }),
        body({ icon: 'BEACH' }),
        body({ users: { ids: ['nope'] } }),
        body({ extra: true }),
      ];
      for (const payload of bad) {
        const res = await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send(payload);
        expect([JSON.stringify(payload), res.status]).toEqual([JSON.stringify(payload), 400]);
      }
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send(body({ users: { ids: [b.user.id] } }))
        .expect(404);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send(body({ userGroups: { ids: [MISSING_ID] } }))
        .expect(404);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send(body({ approve: { specificMembers: true, userIds: [b.user.id] } }))
        .expect(404);
    });

    it('creates a policy (201) with POLICY_CREATED and zero balances for its members; duplicate names 409', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({
          name: ' Sick leave ',
          approve: { requiresApproval: true, teamManagers: true, specificMembers: true, userIds: [admin.user.id] },
          allowHalfDay: true,
          allowNegativeBalance: true,
          negativeBalance: { amount: 2, period: 'YEAR', shouldReset: true, timeUnit: 'DAYS' },
          automaticAccrual: { amount: 20, period: 'YEAR', timeUnit: 'DAYS' },
          timeUnit: 'HOURS',
          color: '#8BC34A',
          icon: 'STETHOSCOPE',
          users: { contains: 'CONTAINS', ids: [admin.user.id], status: 'ALL' },
          userGroups: { contains: 'CONTAINS', ids: [groupId], status: 'ALL' },
        })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Sick leave',
        workspaceId: a.workspace.id,
        allowHalfDay: true,
        allowNegativeBalance: true,
        approve: { requiresApproval: true, teamManagers: true, specificMembers: true, userIds: [admin.user.id] },
        archived: false,
        automaticAccrual: { amount: 20, period: 'YEAR', timeUnit: 'DAYS' },
        automaticTimeEntryCreation: { enabled: false, defaultEntities: { projectId: null, taskId: null } },
        everyoneIncludingNew: false,
        negativeBalance: { amount: 2, period: 'YEAR', shouldReset: true, timeUnit: 'DAYS' },
        projectId: null,
        timeUnit: 'HOURS',
        userGroupIds: [groupId],
        userIds: [admin.user.id],
        color: '#8BC34A',
        icon: 'STETHOSCOPE',
        hasExpiration: false,
      });
      expect(await timeOffEvents(t.app, res.body.id)).toEqual(['POLICY_CREATED']);
      const balances = await request(t.http)
        .get(`/v1/workspaces/${a.workspace.id}/time-off/balance/policy/${res.body.id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(balances.body.count).toBe(2);
      expect(balances.body.balances.map((x: { userId: string; balance: number }) => [x.userId, x.balance])).toEqual([
        [admin.user.id, 0],
        [member.user.id, 0],
      ]);
      const dup = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send(body({ name: 'SICK LEAVE' }))
        .expect(409);
      expect(dup.body).toEqual({ code: 409, message: "Policy with name 'SICK LEAVE' already exists" });
      await request(t.http)
        .post(base(b.workspace.id))
        .set('X-Api-Key', b.apiKey)
        .send(body({ name: 'Sick leave' }))
        .expect(201);
    });
  });

  describe('GET /time-off/policies', () => {
    let ws: Owner;
    let m: Account;
    let ids: string[];
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lister');
      m = await createMember(t.app, ws.workspace.id);
      ids = [];
      for (const name of ['Bereavement', 'annual', 'Conference'])
        ids.push(await createPolicy(t.http, ws.workspace.id, ws.apiKey, { name }));
      await request(t.http)
        .patch(`${base(ws.workspace.id)}/${ids[2]}`)
        .set('X-Api-Key', ws.apiKey)
        .send({ status: 'ARCHIVED' })
        .expect(200);
    });

    it('401, 403 stranger, 400 bad query', async () => {
      await request(t.http).get(base(ws.workspace.id)).expect(401);
      await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', a.apiKey).expect(403);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ status: 'GONE' })
        .expect(400);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'page-size': 201 })
        .expect(400);
      await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', ws.apiKey).query({ page: 0 }).expect(400);
    });

    it('lists by name, filters by status and name, pages', async () => {
      const all = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', m.apiKey).expect(200);
      expect(all.body.map((p: { name: string }) => p.name)).toEqual(['annual', 'Bereavement', 'Conference']);
      expect(all.headers['x-total-count']).toBe('3');
      const active = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .query({ status: 'ACTIVE' })
        .expect(200);
      expect(active.body.map((p: { name: string }) => p.name)).toEqual(['annual', 'Bereavement']);
      const archived = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .query({ status: 'ARCHIVED' })
        .expect(200);
      expect(archived.body.map((p: { id: string; archived: boolean }) => [p.id, p.archived])).toEqual([[ids[2], true]]);
      const named = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .query({ name: 'EAV' })
        .expect(200);
      expect(named.body.map((p: { name: string }) => p.name)).toEqual(['Bereavement']);
      const page = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .query({ page: 2, 'page-size': 2, 'sort-order': 'DESCENDING' })
        .expect(200);
      expect(page.body.map((p: { name: string }) => p.name)).toEqual(['annual']);
      expect(page.headers['last-page']).toBe('true');
    });
  });

  describe('GET, PUT, PATCH, DELETE /time-off/policies/{id}', () => {
    let id: string;
    let foreign: string;
    const update = (overrides: Record<string, unknown> = {}) => ({
      name: 'Parental',
      approve: { requiresApproval: false },
      allowHalfDay: false,
      allowNegativeBalance: false,
      archived: false,
      everyoneIncludingNew: true,
      hasExpiration: false,
      users: { ids: [] },
      userGroups: { ids: [] },
      ...overrides,
    });
    beforeAll(async () => {
      id = await createPolicy(t.http, a.workspace.id, a.apiKey, { name: 'Editable', userIds: [member.user.id] });
      foreign = await createPolicy(t.http, b.workspace.id, b.apiKey, { name: 'Foreign' });
    });

    it('GET: 401, 400, 404 foreign, 200 for a member', async () => {
      await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .get(`${base(a.workspace.id)}/zz`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${foreign}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        name: 'Editable',
        userIds: [member.user.id],
        everyoneIncludingNew: false,
        timeUnit: 'DAYS',
      });
    });

    it('PUT: 401, 403, 400 missing required fields, 404 foreign, 200 with POLICY_UPDATED', async () => {
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .send(update())
        .expect(401);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .send(update())
        .expect(403);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send(body())
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send(update({ timeUnti: 'HOURS' }))
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${foreign}`)
        .set('X-Api-Key', a.apiKey)
        .send(update())
        .expect(404);
      // timeUnit is read-only once created (a field of the policy's representation): accepted and ignored.
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send(update({ timeUnit: 'HOURS' }))
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        name: 'Parental',
        approve: { requiresApproval: false },
        everyoneIncludingNew: true,
        userIds: [],
        timeUnit: 'DAYS',
      });
      expect(await timeOffEvents(t.app, id)).toEqual(['POLICY_CREATED', 'POLICY_UPDATED']);
    });

    it('PATCH status: ladder, archives and restores', async () => {
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}`)
        .send({ status: 'ARCHIVED' })
        .expect(401);
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .send({ status: 'ARCHIVED' })
        .expect(403);
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'GONE' })
        .expect(400);
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'ALL' })
        .expect(400);
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${foreign}`)
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'ARCHIVED' })
        .expect(404);
      const archived = await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'ARCHIVED' })
        .expect(200);
      expect(archived.body.archived).toBe(true);
      const restored = await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'ACTIVE' })
        .expect(200);
      expect(restored.body.archived).toBe(false);
    });

    it('DELETE: ladder; an active policy is 400; an archived one goes with POLICY_DELETED', async () => {
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/nope`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${foreign}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'ARCHIVED' })
        .expect(200);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      expect(await timeOffEvents(t.app, id)).toEqual([
        'POLICY_CREATED',
        'POLICY_UPDATED',
        'POLICY_UPDATED',
        'POLICY_UPDATED',
        'POLICY_UPDATED',
        'POLICY_DELETED',
      ]);
    });
  });
});
