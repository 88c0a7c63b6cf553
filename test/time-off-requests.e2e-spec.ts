import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import { balanceOf, createPolicy, setBalance, timeOffEvents } from './factories/time-off';
import { startTestApp, TestApp } from './utils/test-app';

describe('Time-off requests', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let peer: Account;
  let manager: Account;
  let admin: Account;
  let policy: string;
  let foreignPolicy: string;
  const ws = () => a.workspace.id;
  const requests = (policyId: string, wsId = ws()) => `/v1/workspaces/${wsId}/time-off/policies/${policyId}/requests`;
  const forUser = (policyId: string, userId: string, wsId = ws()) =>
    `/v1/workspaces/${wsId}/time-off/policies/${policyId}/users/${userId}/requests`;
  const period = (start: string, end: string, extra: Record<string, unknown> = {}) => ({
    timeOffPeriod: { period: { start, end }, ...extra },
  });
  const post = (url: string, key: string, body: object) => request(t.http).post(url).set('X-Api-Key', key).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, ws(), { name: 'Member' });
    peer = await createMember(t.app, ws(), { name: 'Peer' });
    manager = await createMember(t.app, ws(), { name: 'Manager' });
    admin = await createMember(t.app, ws(), { role: 'WORKSPACE_ADMIN', name: 'Admin' });
    await grantRole(t.app, ws(), manager.user.id, 'TEAM_MANAGER', member.user.id);
    policy = await createPolicy(t.http, ws(), a.apiKey, { name: 'Vacation', teamManagers: true, allowHalfDay: true });
    foreignPolicy = await createPolicy(t.http, b.workspace.id, b.apiKey, { name: 'Vacation' });
    // Monday 2024-03-11 is a holiday for everyone.
    await request(t.http)
      .post(`/v1/workspaces/${ws()}/holidays`)
      .set('X-Api-Key', a.apiKey)
      .send({
        name: 'Spring day',
        datePeriod: { startDate: '2024-03-11', endDate: '2024-03-11' },
        everyoneIncludingNew: true,
      })
      .expect(200);
    await setBalance(t.http, ws(), a.apiKey, policy, [member.user.id, peer.user.id], 10);
  });
  afterAll(() => t.app.close());

  describe('POST policies/{policyId}/requests', () => {
    it("401, 400 malformed ids and bad bodies, 404 another workspace's policy", async () => {
      await request(t.http).post(requests(policy)).send(period('2024-03-04', '2024-03-04')).expect(401);
      await post(requests('nope'), member.apiKey, period('2024-03-04', '2024-03-04')).expect(400);
      await post(requests(foreignPolicy), member.apiKey, period('2024-03-04', '2024-03-04')).expect(404);
      await post(requests(MISSING_ID), member.apiKey, period('2024-03-04', '2024-03-04')).expect(404);
      const bad = [
        {},
        { timeOffPeriod: {} },
        period('2024-13-01', '2024-13-01'),
        period('yesterday', '2024-03-04'),
        period('2024-03-05', '2024-03-04'),
        { timeOffPeriod: { period: { start: '2024-03-04' } } },
        period('2024-03-04', '2024-03-05', { isHalfDay: true }),
        period('2024-03-04', '2024-03-04', { halfDayPeriod: 'MORNING' }),
        { ...period('2024-03-04', '2024-03-04'), extra: 1 },
        period('2024-03-09', '2024-03-10'),
      ];
      for (const body of bad) {
        const res = await post(requests(policy), member.apiKey, body);
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      }
    });

    it('refuses what the policy does not allow: half days, archived, not assigned, more than the balance', async () => {
      const strict = await createPolicy(t.http, ws(), a.apiKey, { name: 'Strict', userIds: [peer.user.id] });
      await setBalance(t.http, ws(), a.apiKey, strict, [peer.user.id], 5);
      expect(
        (await post(requests(strict), peer.apiKey, period('2024-03-04', '2024-03-04', { isHalfDay: true })).expect(400))
          .body.message,
      ).toBe('This policy does not allow half days');
      expect(
        (await post(requests(strict), member.apiKey, period('2024-03-04', '2024-03-04')).expect(400)).body.message,
      ).toBe('The policy does not apply to this user');
      expect(
        (await post(requests(strict), peer.apiKey, period('2024-03-04', '2024-03-12')).expect(400)).body.message,
      ).toBe('Not enough balance for this time off request');
      await request(t.http)
        .patch(`/v1/workspaces/${ws()}/time-off/policies/${strict}`)
        .set('X-Api-Key', a.apiKey)
        .send({ status: 'ARCHIVED' })
        .expect(200);
      expect(
        (await post(requests(strict), peer.apiKey, period('2024-03-04', '2024-03-04')).expect(400)).body.message,
      ).toBe('The policy is archived');
    });

    it('counts working days minus the weekend and the holiday, pending, with TIME_OFF_REQUESTED; overlaps 409', async () => {
      // Friday 8th to Tuesday 12th: Sat, Sun and the Monday holiday do not count -> Fri + Tue = 2 days.
      const res = await post(requests(policy), member.apiKey, {
        note: 'Trip',
        ...period('2024-03-08', '2024-03-12'),
      }).expect(200);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        workspaceId: ws(),
        policyId: policy,
        policyName: 'Vacation',
        userId: member.user.id,
        userName: 'Member',
        userEmail: member.user.email,
        userTimeZone: 'UTC',
        requesterUserId: member.user.id,
        requesterUserName: 'Member',
        balance: 10,
        balanceDiff: 2,
        timeUnit: 'DAYS',
        note: 'Trip',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        status: {
          statusType: 'PENDING',
          changedAt: null,
          changedByUserId: null,
          changedByUserName: null,
          changedForUserName: 'Member',
          note: null,
        },
        timeOffPeriod: {
          halfDay: false,
          halfDayHours: null,
          halfDayPeriod: 'NOT_DEFINED',
          period: { start: '2024-03-08T00:00:00Z', end: '2024-03-12T23:59:59Z' },
        },
      });
      expect(await timeOffEvents(t.app, res.body.id)).toEqual(['TIME_OFF_REQUESTED']);
      expect(await balanceOf(t.app, policy, member.user.id)).toEqual([10, 0]);
      await post(requests(policy), member.apiKey, period('2024-03-12', '2024-03-13')).expect(409);
    });

    it('takes start and days; half days of a single day, both halves of one day', async () => {
      const days = await post(requests(policy), peer.apiKey, {
        timeOffPeriod: { period: { start: '2024-04-01', days: 7 } },
      }).expect(200);
      expect(days.body.timeOffPeriod.period).toEqual({ start: '2024-04-01T00:00:00Z', end: '2024-04-07T23:59:59Z' });
      expect(days.body.balanceDiff).toBe(5);
      const first = await post(
        requests(policy),
        peer.apiKey,
        period('2024-04-08', '2024-04-08', { isHalfDay: true, halfDayPeriod: 'FIRST_HALF' }),
      ).expect(200);
      expect(first.body.balanceDiff).toBe(0.5);
      expect(first.body.timeOffPeriod).toMatchObject({
        halfDay: true,
        halfDayPeriod: 'FIRST_HALF',
        halfDayHours: { start: '2024-04-08T00:00:00Z', end: '2024-04-08T04:00:00Z' },
      });
      await post(
        requests(policy),
        peer.apiKey,
        period('2024-04-08', '2024-04-08', { isHalfDay: true, timeOffHalfDayPeriod: 'SECOND_HALF' }),
      ).expect(200);
      await post(
        requests(policy),
        peer.apiKey,
        period('2024-04-08', '2024-04-08', { isHalfDay: true, halfDayPeriod: 'SECOND_HALF' }),
      ).expect(409);
    });

    it("in HOURS: days times the member's capacity", async () => {
      const hours = await createPolicy(t.http, ws(), a.apiKey, {
        name: 'Hours',
        timeUnit: 'HOURS',
        allowHalfDay: true,
        allowNegativeBalance: true,
      });
      await t.app
        .get(DataSource)
        .query(`UPDATE workspace_members SET work_capacity = 27000 WHERE workspace_id = $1 AND user_id = $2`, [
          ws(),
          member.user.id,
        ]);
      const week = await post(requests(hours), member.apiKey, period('2024-09-02', '2024-09-08')).expect(200);
      expect([week.body.balanceDiff, week.body.timeUnit]).toEqual([5 * 7.5, 'HOURS']);
      const half = await post(
        requests(hours),
        member.apiKey,
        period('2024-09-12', '2024-09-12', { isHalfDay: true }),
      ).expect(200);
      expect(half.body.balanceDiff).toBe(3.75);
      await t.app
        .get(DataSource)
        .query(`UPDATE workspace_members SET work_capacity = 28800 WHERE workspace_id = $1 AND user_id = $2`, [
          ws(),
          member.user.id,
        ]);
    });
  });

  describe('POST policies/{policyId}/users/{userId}/requests', () => {
    it('403 for a plain member, 404 for a user of another workspace, 400 malformed user id', async () => {
      await request(t.http).post(forUser(policy, member.user.id)).send(period('2024-05-06', '2024-05-06')).expect(401);
      await post(forUser(policy, member.user.id), peer.apiKey, period('2024-05-06', '2024-05-06')).expect(403);
      await post(forUser(policy, peer.user.id), manager.apiKey, period('2024-05-06', '2024-05-06')).expect(403);
      await post(forUser(policy, b.user.id), a.apiKey, period('2024-05-06', '2024-05-06')).expect(404);
      await post(forUser(policy, 'bad'), a.apiKey, period('2024-05-06', '2024-05-06')).expect(400);
    });

    it('the team manager requests for their member; the requester is the manager', async () => {
      const res = await post(
        forUser(policy, member.user.id),
        manager.apiKey,
        period('2024-05-06', '2024-05-07'),
      ).expect(200);
      expect(res.body).toMatchObject({
        userId: member.user.id,
        requesterUserId: manager.user.id,
        requesterUserName: 'Manager',
        balanceDiff: 2,
      });
    });

    it('a policy without approval approves at once and takes the balance', async () => {
      const auto = await createPolicy(t.http, ws(), a.apiKey, { name: 'Auto', requiresApproval: false });
      await setBalance(t.http, ws(), a.apiKey, auto, [peer.user.id], 3);
      const res = await post(forUser(auto, peer.user.id), admin.apiKey, period('2024-05-06', '2024-05-07')).expect(200);
      expect(res.body.status).toMatchObject({ statusType: 'APPROVED', changedByUserId: admin.user.id });
      expect(res.body.balance).toBe(1);
      expect(await balanceOf(t.app, auto, peer.user.id)).toEqual([3 - 2, 2]);
      expect(await timeOffEvents(t.app, res.body.id)).toEqual(['TIME_OFF_REQUESTED', 'TIME_OFF_REQUEST_APPROVED']);
    });
  });

  describe('PATCH and DELETE policies/{policyId}/requests/{requestId}', () => {
    let pending: string;
    let foreignRequest: string;
    const status = (requestId: string, key: string, body: object, policyId = policy) =>
      request(t.http)
        .patch(`${requests(policyId)}/${requestId}`)
        .set('X-Api-Key', key)
        .send(body);

    beforeAll(async () => {
      await setBalance(t.http, ws(), a.apiKey, policy, [member.user.id], 10);
      pending = (await post(requests(policy), member.apiKey, period('2024-06-03', '2024-06-05')).expect(200)).body.id;
      await setBalance(t.http, b.workspace.id, b.apiKey, foreignPolicy, [b.user.id], 5);
      foreignRequest = (
        await post(requests(foreignPolicy, b.workspace.id), b.apiKey, period('2024-06-03', '2024-06-03')).expect(200)
      ).body.id;
    });

    it('PATCH ladder: 401, 403 requester and peers, 400 bad body or ids, 404 foreign or wrong policy', async () => {
      await request(t.http)
        .patch(`${requests(policy)}/${pending}`)
        .send({ status: 'APPROVED' })
        .expect(401);
      await status(pending, member.apiKey, { status: 'APPROVED' }).expect(403);
      await status(pending, peer.apiKey, { status: 'APPROVED' }).expect(403);
      await status(pending, a.apiKey, { status: 'PENDING' }).expect(400);
      await status(pending, a.apiKey, {}).expect(400);
      await status('nope', a.apiKey, { status: 'APPROVED' }).expect(400);
      await status(foreignRequest, a.apiKey, { status: 'APPROVED' }).expect(404);
      await status(foreignRequest, a.apiKey, { status: 'APPROVED' }, foreignPolicy).expect(404);
      const other = await createPolicy(t.http, ws(), a.apiKey, { name: 'Other' });
      await status(pending, a.apiKey, { status: 'APPROVED' }, other).expect(404);
    });

    it('the team manager approves (deducts), approving again is 409, rejecting returns the balance', async () => {
      const before = (await balanceOf(t.app, policy, member.user.id))[0];
      const approved = await status(pending, manager.apiKey, { status: 'APPROVED', note: 'Enjoy' }).expect(200);
      expect(approved.body).toMatchObject({
        id: pending,
        balanceDiff: 3,
        status: {
          statusType: 'APPROVED',
          changedByUserId: manager.user.id,
          changedByUserName: 'Manager',
          changedForUserName: 'Member',
          note: 'Enjoy',
        },
      });
      expect(approved.body.status.changedAt).toMatch(/Z$/);
      expect(await balanceOf(t.app, policy, member.user.id)).toEqual([before - 3, 3]);
      await status(pending, a.apiKey, { status: 'APPROVED' }).expect(409);
      await status(pending, a.apiKey, { status: 'REJECTED', note: 'Sorry' }).expect(200);
      expect(await balanceOf(t.app, policy, member.user.id)).toEqual([before, 0]);
      await status(pending, a.apiKey, { status: 'APPROVED' }).expect(409);
      expect(await timeOffEvents(t.app, pending)).toEqual([
        'TIME_OFF_REQUESTED',
        'TIME_OFF_REQUEST_APPROVED',
        'TIME_OFF_REQUEST_REJECTED',
      ]);
      const { id: balanceId } = (
        await t.app
          .get(DataSource)
          .query(`SELECT id FROM time_off_balances WHERE policy_id = $1 AND user_id = $2`, [policy, member.user.id])
      )[0];
      expect((await timeOffEvents(t.app, balanceId)).slice(-2)).toEqual(['BALANCE_UPDATED', 'BALANCE_UPDATED']);
    });

    it('two concurrent approvals: one 200, one 409, deducted once', async () => {
      const before = (await balanceOf(t.app, policy, member.user.id))[0];
      const id = (await post(requests(policy), member.apiKey, period('2024-07-01', '2024-07-02')).expect(200)).body.id;
      const results = await Promise.all([
        status(id, a.apiKey, { status: 'APPROVED' }),
        status(id, admin.apiKey, { status: 'APPROVED' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await balanceOf(t.app, policy, member.user.id)).toEqual([before - 2, 2]);
      expect((await timeOffEvents(t.app, id)).filter((e) => e === 'TIME_OFF_REQUEST_APPROVED')).toHaveLength(1);
    });

    it('approval cannot take the balance below zero unless the policy allows it, and then only to its limit', async () => {
      const strict = await createPolicy(t.http, ws(), a.apiKey, { name: 'No debt' });
      await setBalance(t.http, ws(), a.apiKey, strict, [peer.user.id], 2);
      const id = (await post(requests(strict), peer.apiKey, period('2024-07-01', '2024-07-02')).expect(200)).body.id;
      await setBalance(t.http, ws(), a.apiKey, strict, [peer.user.id], 1);
      const refused = await status(id, a.apiKey, { status: 'APPROVED' }, strict).expect(400);
      expect(refused.body.message).toBe('Not enough balance: the policy does not allow a negative balance');
      expect(await balanceOf(t.app, strict, peer.user.id)).toEqual([1, 0]);

      const loose = await createPolicy(t.http, ws(), a.apiKey, {
        name: 'Some debt',
        allowNegativeBalance: true,
        negativeAmount: 2,
      });
      const first = (await post(requests(loose), peer.apiKey, period('2024-07-08', '2024-07-09')).expect(200)).body.id;
      await status(first, a.apiKey, { status: 'APPROVED' }, loose).expect(200);
      expect(await balanceOf(t.app, loose, peer.user.id)).toEqual([-2, 2]);
      await post(requests(loose), peer.apiKey, period('2024-07-10', '2024-07-10')).expect(400);
    });

    it('DELETE: ladder; the requester withdraws a pending request; an approved one only by an approver, returning the balance', async () => {
      const own = (await post(requests(policy), member.apiKey, period('2024-08-05', '2024-08-05')).expect(200)).body.id;
      await request(t.http)
        .delete(`${requests(policy)}/${own}`)
        .expect(401);
      await request(t.http)
        .delete(`${requests(policy)}/${own}`)
        .set('X-Api-Key', peer.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${requests(policy)}/x`)
        .set('X-Api-Key', member.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${requests(policy)}/${foreignRequest}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const withdrawn = await request(t.http)
        .delete(`${requests(policy)}/${own}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(withdrawn.body).toMatchObject({
        id: own,
        userId: member.user.id,
        balanceDiff: 1,
        status: { statusType: 'PENDING' },
      });
      expect(await timeOffEvents(t.app, own)).toEqual(['TIME_OFF_REQUESTED', 'TIME_OFF_REQUEST_WITHDRAWN']);
      await request(t.http)
        .delete(`${requests(policy)}/${own}`)
        .set('X-Api-Key', member.apiKey)
        .expect(404);

      const before = (await balanceOf(t.app, policy, member.user.id))[0];
      const approved = (await post(requests(policy), member.apiKey, period('2024-08-12', '2024-08-16')).expect(200))
        .body.id;
      await status(approved, manager.apiKey, { status: 'APPROVED' }).expect(200);
      expect((await balanceOf(t.app, policy, member.user.id))[0]).toBe(before - 5);
      await request(t.http)
        .delete(`${requests(policy)}/${approved}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${requests(policy)}/${approved}`)
        .set('X-Api-Key', manager.apiKey)
        .expect(200);
      expect((await balanceOf(t.app, policy, member.user.id))[0]).toBe(before);
    });
  });

  describe('POST /time-off/requests (list)', () => {
    let lw: Owner;
    let m1: Account;
    let m2: Account;
    let tm: Account;
    let ids: Record<string, string>;
    const list = (key: string, body: object = {}) =>
      post(`/v1/workspaces/${lw.workspace.id}/time-off/requests`, key, body);

    beforeAll(async () => {
      lw = await createOwner(t.app, 'Lister');
      m1 = await createMember(t.app, lw.workspace.id, { name: 'M1' });
      m2 = await createMember(t.app, lw.workspace.id, { name: 'M2' });
      tm = await createMember(t.app, lw.workspace.id, { name: 'TM' });
      await grantRole(t.app, lw.workspace.id, tm.user.id, 'TEAM_MANAGER', m1.user.id);
      const p = await createPolicy(t.http, lw.workspace.id, lw.apiKey, { name: 'PTO', teamManagers: true });
      await setBalance(t.http, lw.workspace.id, lw.apiKey, p, [m1.user.id, m2.user.id], 20);
      const make = async (who: Account, start: string, end: string) =>
        (await post(requests(p, lw.workspace.id), who.apiKey, period(start, end)).expect(200)).body.id as string;
      ids = {
        m1Jan: await make(m1, '2025-01-06', '2025-01-07'),
        m1Mar: await make(m1, '2025-03-03', '2025-03-03'),
        m2Feb: await make(m2, '2025-02-03', '2025-02-04'),
      };
      await request(t.http)
        .patch(`${requests(p, lw.workspace.id)}/${ids.m1Jan}`)
        .set('X-Api-Key', tm.apiKey)
        .send({ status: 'APPROVED' })
        .expect(200);
    });

    it('401, 403 stranger, 400 bad bodies', async () => {
      await request(t.http).post(`/v1/workspaces/${lw.workspace.id}/time-off/requests`).send({}).expect(401);
      await list(a.apiKey).expect(403);
      for (const body of [
        { pageSize: 201 },
        { page: 0 },
        { statuses: ['WITHDRAWN'] },
        { users: ['x'] },
        { start: 'soon' },
        { unknown: true },
      ]) {
        await list(lw.apiKey, body).expect(400);
      }
    });

    it('admins see all, newest period first; members their own; team managers their members too', async () => {
      const all = await list(lw.apiKey).expect(200);
      expect(all.body.count).toBe(3);
      expect(all.body.requests.map((r: { id: string }) => r.id)).toEqual([ids.m1Mar, ids.m2Feb, ids.m1Jan]);
      expect(all.body.requests[2]).toMatchObject({
        userName: 'M1',
        policyName: 'PTO',
        balance: 18,
        status: { statusType: 'APPROVED' },
      });
      expect((await list(m2.apiKey).expect(200)).body.requests.map((r: { id: string }) => r.id)).toEqual([ids.m2Feb]);
      expect((await list(tm.apiKey).expect(200)).body.requests.map((r: { id: string }) => r.id)).toEqual([
        ids.m1Mar,
        ids.m1Jan,
      ]);
      expect((await list(m2.apiKey, { users: [m1.user.id] }).expect(200)).body.count).toBe(0);
    });

    it('filters by users, statuses and period, and pages', async () => {
      expect(
        (await list(lw.apiKey, { users: [m1.user.id], statuses: ['PENDING'] }).expect(200)).body.requests.map(
          (r: { id: string }) => r.id,
        ),
      ).toEqual([ids.m1Mar]);
      expect((await list(lw.apiKey, { statuses: ['ALL'] }).expect(200)).body.count).toBe(3);
      const feb = await list(lw.apiKey, { start: '2025-01-07T12:00:00Z', end: '2025-02-28T00:00:00Z' }).expect(200);
      expect(feb.body.requests.map((r: { id: string }) => r.id)).toEqual([ids.m2Feb, ids.m1Jan]);
      const page = await list(lw.apiKey, { page: 2, pageSize: 2 }).expect(200);
      expect(page.body).toMatchObject({ count: 3, requests: [{ id: ids.m1Jan }] });
    });
  });
});
