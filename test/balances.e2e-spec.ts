import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import { balanceOf, createPolicy, setBalance, timeOffEvents } from './factories/time-off';
import { startTestApp, TestApp } from './utils/test-app';

interface Balance {
  id: string;
  userId: string;
  userName: string;
  policyId: string;
  policyName: string;
  balance: number;
  used: number;
  total: number;
}

describe('Time-off balances', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let zed: Account;
  let amy: Account;
  let manager: Account;
  let vacation: string;
  let sick: string;
  let foreignPolicy: string;
  const byPolicy = (policyId: string, wsId = a.workspace.id) =>
    `/v1/workspaces/${wsId}/time-off/balance/policy/${policyId}`;
  const byUser = (userId: string, wsId = a.workspace.id) => `/v1/workspaces/${wsId}/time-off/balance/user/${userId}`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    zed = await createMember(t.app, a.workspace.id, { name: 'Zed' });
    amy = await createMember(t.app, a.workspace.id, { name: 'Amy' });
    manager = await createMember(t.app, a.workspace.id, { name: 'Manager' });
    await grantRole(t.app, a.workspace.id, manager.user.id, 'TEAM_MANAGER', zed.user.id);
    vacation = await createPolicy(t.http, a.workspace.id, a.apiKey, {
      name: 'Vacation',
      userIds: [zed.user.id, amy.user.id],
      teamManagers: true,
    });
    sick = await createPolicy(t.http, a.workspace.id, a.apiKey, {
      name: 'Sick',
      userIds: [zed.user.id],
      allowNegativeBalance: true,
      negativeAmount: 3,
    });
    foreignPolicy = await createPolicy(t.http, b.workspace.id, b.apiKey, { name: 'Vacation' });
  });
  afterAll(() => t.app.close());

  describe('PATCH /time-off/balance/policy/{policyId}', () => {
    const patch = (key: string, body: object, policyId = vacation) =>
      request(t.http).patch(byPolicy(policyId)).set('X-Api-Key', key).send(body);

    it('401, 403 member, 400 bad bodies and ids, 404 foreign policy or user', async () => {
      await request(t.http)
        .patch(byPolicy(vacation))
        .send({ userIds: [zed.user.id], value: 5 })
        .expect(401);
      await patch(zed.apiKey, { userIds: [zed.user.id], value: 5 }).expect(403);
      await patch(manager.apiKey, { userIds: [zed.user.id], value: 5 }).expect(403);
      for (const body of [
        {},
        { userIds: [zed.user.id] },
        { userIds: [], value: 1 },
        { userIds: ['x'], value: 1 },
        { userIds: [zed.user.id], value: 10001 },
        { userIds: [zed.user.id], value: 1.00001 },
        { userIds: [zed.user.id], value: '5' },
        { userIds: [zed.user.id], value: 1, extra: 1 },
      ]) {
        await patch(a.apiKey, body).expect(400);
      }
      await patch(a.apiKey, { userIds: [zed.user.id], value: 5 }, 'nope').expect(400);
      await patch(a.apiKey, { userIds: [zed.user.id], value: 5 }, foreignPolicy).expect(404);
      await patch(a.apiKey, { userIds: [zed.user.id, b.user.id], value: 5 }).expect(404);
      expect(await balanceOf(t.app, vacation, zed.user.id)).toEqual([0, 0]);
    });

    it('sets the balances (204) with BALANCE_UPDATED and a logged note', async () => {
      await patch(a.apiKey, { userIds: [zed.user.id, amy.user.id], value: 12.5, note: 'Yearly allowance' }).expect(204);
      expect(await balanceOf(t.app, vacation, zed.user.id)).toEqual([12.5, 0]);
      expect(await balanceOf(t.app, vacation, amy.user.id)).toEqual([12.5, 0]);
      const [{ id }] = await t.app
        .get(DataSource)
        .query(`SELECT id FROM time_off_balances WHERE policy_id = $1 AND user_id = $2`, [vacation, zed.user.id]);
      expect(await timeOffEvents(t.app, id)).toEqual(['BALANCE_UPDATED']);
      const changes = await t.app
        .get(DataSource)
        .query(`SELECT diff::float8 AS diff, reason, note FROM time_off_balance_changes WHERE balance_id = $1`, [id]);
      expect(changes).toEqual([{ diff: 12.5, reason: 'ADJUSTMENT', note: 'Yearly allowance' }]);
    });

    it('negative values: 400 unless the policy allows them, and then only down to its limit; all users or none', async () => {
      await patch(a.apiKey, { userIds: [zed.user.id], value: -1 }).expect(400);
      await patch(a.apiKey, { userIds: [zed.user.id], value: -3 }, sick).expect(204);
      expect(await balanceOf(t.app, sick, zed.user.id)).toEqual([-3, 0]);
      await patch(a.apiKey, { userIds: [zed.user.id], value: -3.5 }, sick).expect(400);
      expect(await balanceOf(t.app, sick, zed.user.id)).toEqual([-3, 0]);
    });
  });

  describe('GET /time-off/balance/policy/{policyId}', () => {
    it('401, 403 member, 400 bad query or id, 404 foreign policy', async () => {
      await request(t.http).get(byPolicy(vacation)).expect(401);
      await request(t.http).get(byPolicy(vacation)).set('X-Api-Key', zed.apiKey).expect(403);
      await request(t.http).get(byPolicy('x')).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).get(byPolicy(vacation)).set('X-Api-Key', a.apiKey).query({ sort: 'NAME' }).expect(400);
      await request(t.http).get(byPolicy(vacation)).set('X-Api-Key', a.apiKey).query({ 'page-size': 201 }).expect(400);
      await request(t.http).get(byPolicy(foreignPolicy)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).get(byPolicy(MISSING_ID)).set('X-Api-Key', a.apiKey).expect(404);
    });

    it('lists the balances of the members, after an approved request: balance, used and total', async () => {
      const req = await request(t.http)
        .post(`/v1/workspaces/${a.workspace.id}/time-off/policies/${vacation}/requests`)
        .set('X-Api-Key', zed.apiKey)
        .send({ timeOffPeriod: { period: { start: '2024-10-07', end: '2024-10-09' } } })
        .expect(200);
      await request(t.http)
        .patch(`/v1/workspaces/${a.workspace.id}/time-off/policies/${vacation}/requests/${req.body.id}`)
        .set('X-Api-Key', manager.apiKey)
        .send({ status: 'APPROVED' })
        .expect(200);
      const res = await request(t.http).get(byPolicy(vacation)).set('X-Api-Key', a.apiKey).expect(200);
      expect(res.body.count).toBe(2);
      const [first, second] = res.body.balances as Balance[];
      expect([first.userName, second.userName]).toEqual(['Amy', 'Zed']);
      expect(second).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        workspaceId: a.workspace.id,
        policyId: vacation,
        policyName: 'Vacation',
        policyArchived: false,
        policyTimeUnit: 'DAYS',
        userId: zed.user.id,
        userName: 'Zed',
        balance: 12.5 - 3,
        used: 3,
        total: 12.5,
        negativeBalanceLimit: false,
        negativeBalanceAmount: 0,
      });
      const sorted = await request(t.http)
        .get(byPolicy(vacation))
        .set('X-Api-Key', a.apiKey)
        .query({ sort: 'BALANCE', 'sort-order': 'ASCENDING', 'page-size': 1 })
        .expect(200);
      expect(sorted.body).toMatchObject({ count: 2, balances: [{ userName: 'Zed', balance: 9.5 }] });
    });
  });

  describe('GET /time-off/balance/user/{userId}', () => {
    it('401, 400, 404 user of another workspace, 403 another member', async () => {
      await request(t.http).get(byUser(zed.user.id)).expect(401);
      await request(t.http).get(byUser('x')).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).get(byUser(b.user.id)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).get(byUser(zed.user.id)).set('X-Api-Key', amy.apiKey).expect(403);
      await request(t.http).get(byUser(amy.user.id)).set('X-Api-Key', manager.apiKey).expect(403);
    });

    it('the user, their team manager and admins see the balances of every policy of the user', async () => {
      for (const key of [zed.apiKey, manager.apiKey, a.apiKey]) {
        const res = await request(t.http).get(byUser(zed.user.id)).set('X-Api-Key', key).expect(200);
        expect(res.body.count).toBe(2);
        expect(res.body.balances.map((x: Balance) => [x.policyName, x.balance, x.used])).toEqual([
          ['Sick', -3, 0],
          ['Vacation', 9.5, 3],
        ]);
        expect(res.body.balances[0]).toMatchObject({ negativeBalanceLimit: true, negativeBalanceAmount: 3 });
      }
      const own = await request(t.http)
        .get(byUser(amy.user.id))
        .set('X-Api-Key', amy.apiKey)
        .query({ sort: 'USED', 'sort-order': 'DESCENDING' })
        .expect(200);
      expect(own.body.balances.map((x: Balance) => [x.policyId, x.balance])).toEqual([[vacation, 12.5]]);
    });
  });

  it('balances change with approve, reject and delete, in step with an independent count', async () => {
    await setBalance(t.http, a.workspace.id, a.apiKey, vacation, [amy.user.id], 10);
    let expected = 10;
    const base = `/v1/workspaces/${a.workspace.id}/time-off/policies/${vacation}/requests`;
    const make = async (start: string, end: string) =>
      (
        await request(t.http)
          .post(base)
          .set('X-Api-Key', amy.apiKey)
          .send({ timeOffPeriod: { period: { start, end } } })
          .expect(200)
      ).body as { id: string; balanceDiff: number };
    const current = async () =>
      (
        (await request(t.http).get(byUser(amy.user.id)).set('X-Api-Key', amy.apiKey).expect(200)).body
          .balances as Balance[]
      )[0].balance;
    // Mon 2024-11-04 .. Sun 2024-11-10: five working days.
    const week = await make('2024-11-04', '2024-11-10');
    expect(week.balanceDiff).toBe(5);
    await request(t.http)
      .patch(`${base}/${week.id}`)
      .set('X-Api-Key', a.apiKey)
      .send({ status: 'APPROVED' })
      .expect(200);
    expected -= 5;
    expect(await current()).toBe(expected);
    await request(t.http)
      .patch(`${base}/${week.id}`)
      .set('X-Api-Key', a.apiKey)
      .send({ status: 'REJECTED' })
      .expect(200);
    expected += 5;
    expect(await current()).toBe(expected);
    const day = await make('2024-11-12', '2024-11-12');
    await request(t.http)
      .patch(`${base}/${day.id}`)
      .set('X-Api-Key', a.apiKey)
      .send({ status: 'APPROVED' })
      .expect(200);
    expected -= 1;
    expect(await current()).toBe(expected);
    await request(t.http).delete(`${base}/${day.id}`).set('X-Api-Key', a.apiKey).expect(200);
    expected += 1;
    expect(await current()).toBe(expected);
    expect(expected).toBe(10);
  });
});
