import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import {
  apEntryStates,
  apEvents,
  apExpense,
  apPatch,
  apSubmit,
  apUserSettings,
  type ApprovalResponse,
} from './factories/approvals';
import { createGroupRow } from './factories/catalog';
import { teCreate, teRate, teSetting } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

describe('Approval requests', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let manager: Account;
  let other: Account;
  let bMember: Account;
  const base = (ws: string) => `/v1/workspaces/${ws}/approval-requests`;
  const hourOn = (day: string, hour = 9) => ({
    start: `${day}T${String(hour).padStart(2, '0')}:00:00Z`,
    end: `${day}T${String(hour + 1).padStart(2, '0')}:00:00Z`,
  });
  const entry = (key: string, day: string, hour = 9) =>
    teCreate(t.http, a.workspace.id, key, { ...hourOn(day, hour), description: 'work' });
  /** A new plain member of A, managed by `manager`. */
  const managed = async (name = 'Member'): Promise<Account> => {
    const m = await createMember(t.app, a.workspace.id, { name });
    await grantRole(t.app, a.workspace.id, manager.user.id, 'TEAM_MANAGER', m.user.id);
    return m;
  };
  const putEntry = (key: string, id: string, day: string, description = 'changed') =>
    request(t.http)
      .put(`/v1/workspaces/${a.workspace.id}/time-entries/${id}`)
      .set('X-Api-Key', key)
      .send({ ...hourOn(day), description });

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Admin');
    b = await createOwner(t.app, 'Other');
    manager = await createMember(t.app, a.workspace.id, { name: 'Manager' });
    other = await createMember(t.app, a.workspace.id, { name: 'Other member' });
    bMember = await createMember(t.app, b.workspace.id);
  });
  afterAll(() => t.app.close());

  describe('POST approval-requests', () => {
    it('401 without credentials, 400 for bad bodies', async () => {
      await request(t.http).post(base(a.workspace.id)).send({ periodStart: '2024-01-15' }).expect(401);
      const post = (body: object) =>
        request(t.http).post(base(a.workspace.id)).set('X-Api-Key', other.apiKey).send(body);
      await post({}).expect(400);
      await post({ periodStart: '' }).expect(400);
      expect((await post({ periodStart: 'soon' }).expect(400)).body.message).toContain('periodStart');
      await post({ periodStart: '2024-02-30T00:00:00Z' }).expect(400);
      await post({ periodStart: '2024-01-15T00:00:00Z', period: 'DAILY' }).expect(400);
      await post({ periodStart: '2024-01-15T00:00:00Z', extra: true }).expect(400);
    });

    it('submits the week containing periodStart: its entries and expenses become PENDING, in one request', async () => {
      const m = await managed('Submitter');
      const tue = await entry(m.apiKey, '2024-01-16');
      const sun = await entry(m.apiKey, '2024-01-21', 22);
      const nextMon = await entry(m.apiKey, '2024-01-22');
      const expense = await apExpense(t.app, a.workspace.id, m.user.id, '2024-01-18', 2550);
      const outside = await apExpense(t.app, a.workspace.id, m.user.id, '2024-01-22', 100);

      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .send({ periodStart: '2024-01-17T00:00:00.000Z' })
        .expect(201);
      const body = res.body as ApprovalResponse;
      expect(body).toMatchObject({
        workspaceId: a.workspace.id,
        dateRange: { start: '2024-01-15T00:00:00Z', end: '2024-01-21T23:59:59Z' },
        owner: { userId: m.user.id, userName: 'Submitter', timeZone: 'UTC', startOfWeek: 'MONDAY' },
        creator: { userId: m.user.id, userName: 'Submitter', userEmail: m.user.email },
        status: { state: 'PENDING', note: null, updatedBy: m.user.id, updatedByUserName: 'Submitter' },
      });
      expect(body.id).toMatch(/^[0-9a-f]{24}$/);
      const states = await apEntryStates(t.app, [tue.id, sun.id, nextMon.id]);
      expect(states[tue.id]).toEqual({ status: 'PENDING', requestId: body.id });
      expect(states[sun.id]).toEqual({ status: 'PENDING', requestId: body.id });
      expect(states[nextMon.id]).toEqual({ status: null, requestId: null });
      const expenses: { id: string; approval_status: string | null }[] = await t.app
        .get(DataSource)
        .query('SELECT id, approval_status FROM expenses WHERE id = ANY($1::char(24)[]) ORDER BY id', [
          [expense, outside],
        ]);
      expect(Object.fromEntries(expenses.map((e) => [e.id, e.approval_status]))).toEqual({
        [expense]: 'PENDING',
        [outside]: null,
      });
      expect(await apEvents(t.app, body.id)).toEqual(['NEW_APPROVAL_REQUEST']);

      // A second submission of the same week while pending: 409.
      const again = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .send({ periodStart: '2024-01-15T00:00:00Z' })
        .expect(409);
      expect(again.body.message).toContain(body.id);

      // The submitted week is locked for the member (403 naming the approval); the next week is not; admins may.
      const locked = await putEntry(m.apiKey, tue.id, '2024-01-16').expect(403);
      expect(locked.body.message).toContain('approval');
      await request(t.http)
        .delete(`/v1/workspaces/${a.workspace.id}/time-entries/${sun.id}`)
        .set('X-Api-Key', m.apiKey)
        .expect(403);
      await putEntry(m.apiKey, nextMon.id, '2024-01-22').expect(200);
      await putEntry(a.apiKey, tue.id, '2024-01-16', 'fixed by admin').expect(200);
      // Submitted expenses are locked for the member too (the expenses write path).
      const expensePath = `/v1/workspaces/${a.workspace.id}/expenses/${expense}`;
      await request(t.http).put(expensePath).set('X-Api-Key', m.apiKey).field('notes', 'x').expect(403);
      await request(t.http)
        .get(expensePath)
        .set('X-Api-Key', m.apiKey)
        .expect(200)
        .expect((r) => expect(r.body).toMatchObject({ isLocked: true }));
    });

    it('period boundaries follow the owner time zone and week start', async () => {
      const ny = await managed('New York');
      await apUserSettings(t.app, ny.user.id, { timeZone: 'America/New_York', weekStart: 'SUNDAY' });
      const inside = await teCreate(t.http, a.workspace.id, ny.apiKey, {
        start: '2024-01-21T03:00:00Z',
        end: '2024-01-21T04:00:00Z',
      }); // Sat 22:00 local
      const after = await teCreate(t.http, a.workspace.id, ny.apiKey, {
        start: '2024-01-21T06:00:00Z',
        end: '2024-01-21T07:00:00Z',
      }); // Sun 01:00 local
      const res = await apSubmit(t.http, a.workspace.id, ny.apiKey, '2024-01-17T00:00:00Z');
      expect(res.dateRange).toEqual({ start: '2024-01-14T05:00:00Z', end: '2024-01-21T04:59:59Z' });
      expect(res.owner).toMatchObject({ timeZone: 'America/New_York', startOfWeek: 'SUNDAY' });
      const states = await apEntryStates(t.app, [inside.id, after.id]);
      expect([states[inside.id].status, states[after.id].status]).toEqual(['PENDING', null]);

      // A local midnight sent as an instant names that local date.
      const bud = await managed('Budapest');
      await apUserSettings(t.app, bud.user.id, { timeZone: 'Europe/Budapest' });
      const res2 = await apSubmit(t.http, a.workspace.id, bud.apiKey, '2024-01-14T23:00:00Z');
      expect(res2.dateRange).toEqual({ start: '2024-01-14T23:00:00Z', end: '2024-01-21T22:59:59Z' });
    });

    it('semi-monthly and monthly periods; the workspace setting must match; overlapping active periods are 409', async () => {
      const m = await managed();
      const semi = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .send({ period: 'SEMI_MONTHLY', periodStart: '2024-03-20T00:00:00Z' })
        .expect(201);
      expect(semi.body.dateRange).toEqual({ start: '2024-03-16T00:00:00Z', end: '2024-03-31T23:59:59Z' });
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .send({ period: 'WEEKLY', periodStart: '2024-03-18T00:00:00Z' })
        .expect(409);

      await teSetting(t.app, b.workspace.id, 'approvalPeriod', 'MONTHLY');
      const wrong = await request(t.http)
        .post(base(b.workspace.id))
        .set('X-Api-Key', bMember.apiKey)
        .send({ period: 'WEEKLY', periodStart: '2024-02-10T00:00:00Z' })
        .expect(400);
      expect(wrong.body.message).toContain('MONTHLY');
      const month = await apSubmit(t.http, b.workspace.id, bMember.apiKey, '2024-02-10T00:00:00Z');
      expect(month.dateRange).toEqual({ start: '2024-02-01T00:00:00Z', end: '2024-02-29T23:59:59Z' });
    });
  });

  describe('POST approval-requests/users/{userId}', () => {
    const path = (userId: string) => `${base(a.workspace.id)}/users/${userId}`;
    const body = { periodStart: '2024-02-05T00:00:00Z' };

    it('401, 400 malformed id and bad body, 403 plain member, 404 for another workspace user', async () => {
      const m = await managed();
      await request(t.http).post(path(m.user.id)).send(body).expect(401);
      await request(t.http).post(path('not-an-id')).set('X-Api-Key', a.apiKey).send(body).expect(400);
      await request(t.http).post(path(m.user.id)).set('X-Api-Key', a.apiKey).send({ periodStart: 5 }).expect(400);
      await request(t.http).post(path(m.user.id)).set('X-Api-Key', other.apiKey).send(body).expect(403);
      await request(t.http).post(path(bMember.user.id)).set('X-Api-Key', a.apiKey).send(body).expect(404);
      await request(t.http).post(path(MISSING_ID)).set('X-Api-Key', a.apiKey).send(body).expect(404);
    });

    it("the user's team manager (directly or through a group) and admins submit for the user", async () => {
      const m = await managed('Managed');
      const e = await entry(m.apiKey, '2024-02-06');
      const res = await request(t.http).post(path(m.user.id)).set('X-Api-Key', manager.apiKey).send(body).expect(201);
      expect(res.body).toMatchObject({
        owner: { userId: m.user.id },
        creator: { userId: manager.user.id, userName: 'Manager' },
        status: { state: 'PENDING' },
      });
      expect((await apEntryStates(t.app, [e.id]))[e.id]).toEqual({ status: 'PENDING', requestId: res.body.id });
      expect(await apEvents(t.app, res.body.id)).toEqual(['NEW_APPROVAL_REQUEST']);

      const grouped = await createMember(t.app, a.workspace.id);
      const groupManager = await createMember(t.app, a.workspace.id);
      const group = await createGroupRow(t.app, a.workspace.id, undefined, [grouped.user.id]);
      await grantRole(t.app, a.workspace.id, groupManager.user.id, 'TEAM_MANAGER', group, 'USER_GROUP');
      await apSubmit(t.http, a.workspace.id, groupManager.apiKey, body.periodStart, grouped.user.id);
      const byAdmin = await apSubmit(t.http, a.workspace.id, a.apiKey, body.periodStart, other.user.id);
      expect(byAdmin.creator.userId).toBe(a.user.id);
    });
  });

  describe('PATCH approval-requests/{approvalRequestId}', () => {
    it('401, 400 malformed id and bad bodies, 404 for another workspace request, 403 for plain members and the owner approving', async () => {
      const m = await managed();
      const req = await apSubmit(t.http, a.workspace.id, m.apiKey, '2024-02-12T00:00:00Z');
      const bReq = await apSubmit(t.http, b.workspace.id, b.apiKey, '2024-02-12T00:00:00Z');
      const patch = (id: string, key: string | null, body: object) => {
        const r = request(t.http).patch(`${base(a.workspace.id)}/${id}`);
        return (key ? r.set('X-Api-Key', key) : r).send(body);
      };
      await patch(req.id, null, { state: 'APPROVED' }).expect(401);
      await patch('zzz', a.apiKey, { state: 'APPROVED' }).expect(400);
      await patch(req.id, a.apiKey, {}).expect(400);
      await patch(req.id, a.apiKey, { state: 'DONE' }).expect(400);
      await patch(req.id, a.apiKey, { state: 'APPROVED', extra: 1 }).expect(400);
      await patch(req.id, a.apiKey, { state: 'PENDING' }).expect(400);
      await patch(bReq.id, a.apiKey, { state: 'APPROVED' }).expect(404);
      await patch(MISSING_ID, a.apiKey, { state: 'APPROVED' }).expect(404);
      await patch(req.id, other.apiKey, { state: 'APPROVED' }).expect(403);
      await patch(req.id, other.apiKey, { state: 'WITHDRAWN_SUBMISSION' }).expect(403);
      await patch(req.id, m.apiKey, { state: 'APPROVED' }).expect(403);
      await patch(req.id, m.apiKey, { state: 'REJECTED' }).expect(403);
    });

    it('a manager approves (who and when recorded, entries stay locked); withdrawing the approval unlocks', async () => {
      const m = await managed();
      const e = await entry(m.apiKey, '2024-02-20');
      const req = await apSubmit(t.http, a.workspace.id, m.apiKey, '2024-02-19T00:00:00Z');
      const before = Date.now();
      const approved = await apPatch(t.http, a.workspace.id, manager.apiKey, req.id, {
        state: 'APPROVED',
        note: 'Looks good',
      });
      expect(approved.status).toMatchObject({
        state: 'APPROVED',
        note: 'Looks good',
        updatedBy: manager.user.id,
        updatedByUserName: 'Manager',
      });
      expect(Math.abs(new Date(approved.status.updatedAt).getTime() - before)).toBeLessThan(60_000);
      expect(approved.creator.userId).toBe(m.user.id);
      const row: { status_changed_by: string; status_changed_at: Date }[] = await t.app
        .get(DataSource)
        .query('SELECT status_changed_by, status_changed_at FROM approval_requests WHERE id = $1', [req.id]);
      expect(row[0].status_changed_by).toBe(manager.user.id);
      expect((await apEntryStates(t.app, [e.id]))[e.id].status).toBe('APPROVED');
      expect(await apEvents(t.app, req.id)).toEqual(['NEW_APPROVAL_REQUEST', 'APPROVAL_REQUEST_STATUS_UPDATED']);
      expect((await putEntry(m.apiKey, e.id, '2024-02-20').expect(403)).body.message).toContain('approved');
      await apPatch(t.http, a.workspace.id, manager.apiKey, req.id, { state: 'APPROVED' }, 409);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .send({ periodStart: '2024-02-19T00:00:00Z' })
        .expect(409);

      await apPatch(t.http, a.workspace.id, m.apiKey, req.id, { state: 'WITHDRAWN_APPROVAL' }, 403);
      await apPatch(t.http, a.workspace.id, m.apiKey, req.id, { state: 'WITHDRAWN_SUBMISSION' }, 409);
      const withdrawn = await apPatch(t.http, a.workspace.id, manager.apiKey, req.id, { state: 'WITHDRAWN_APPROVAL' });
      expect(withdrawn.status.state).toBe('WITHDRAWN_APPROVAL');
      expect((await apEntryStates(t.app, [e.id]))[e.id].status).toBe('WITHDRAWN_APPROVAL');
      await putEntry(m.apiKey, e.id, '2024-02-20').expect(200);
    });

    it('rejecting with a note unlocks the week for the member; the owner withdraws a pending submission', async () => {
      const m = await managed();
      const e = await entry(m.apiKey, '2024-02-27');
      const req = await apSubmit(t.http, a.workspace.id, m.apiKey, '2024-02-26T00:00:00Z');
      await putEntry(m.apiKey, e.id, '2024-02-27').expect(403);
      const rejected = await apPatch(t.http, a.workspace.id, a.apiKey, req.id, {
        state: 'REJECTED',
        note: 'Split the meeting',
      });
      expect(rejected.status).toMatchObject({ state: 'REJECTED', note: 'Split the meeting', updatedBy: a.user.id });
      expect((await apEntryStates(t.app, [e.id]))[e.id]).toEqual({ status: 'REJECTED', requestId: req.id });
      await putEntry(m.apiKey, e.id, '2024-02-27', 'split').expect(200);
      await apPatch(t.http, a.workspace.id, a.apiKey, req.id, { state: 'APPROVED' }, 409);

      const e2 = await entry(m.apiKey, '2024-03-05');
      const req2 = await apSubmit(t.http, a.workspace.id, m.apiKey, '2024-03-04T00:00:00Z');
      const withdrawn = await apPatch(t.http, a.workspace.id, m.apiKey, req2.id, { state: 'WITHDRAWN_SUBMISSION' });
      expect(withdrawn.status).toMatchObject({ state: 'WITHDRAWN_SUBMISSION', updatedBy: m.user.id });
      expect((await apEntryStates(t.app, [e2.id]))[e2.id].status).toBe('WITHDRAWN_SUBMISSION');
      await putEntry(m.apiKey, e2.id, '2024-03-05').expect(200);
      // A withdrawn period can be submitted again, as a new request.
      const again = await apSubmit(t.http, a.workspace.id, m.apiKey, '2024-03-04T00:00:00Z');
      expect(again.id).not.toBe(req2.id);
      expect((await apEntryStates(t.app, [e2.id]))[e2.id]).toEqual({ status: 'PENDING', requestId: again.id });
    });

    it('two concurrent approvals apply once', async () => {
      const m = await managed();
      const req = await apSubmit(t.http, a.workspace.id, m.apiKey, '2024-03-11T00:00:00Z');
      const send = () =>
        request(t.http)
          .patch(`${base(a.workspace.id)}/${req.id}`)
          .set('X-Api-Key', a.apiKey)
          .send({ state: 'APPROVED' });
      const codes = (await Promise.all([send(), send()])).map((r) => r.status).sort();
      expect(codes).toEqual([200, 409]);
      expect(await apEvents(t.app, req.id)).toEqual(['NEW_APPROVAL_REQUEST', 'APPROVAL_REQUEST_STATUS_UPDATED']);
    });
  });

  describe('POST approval-requests/resubmit-entries-for-approval (self and for a user)', () => {
    const self = () => `${base(a.workspace.id)}/resubmit-entries-for-approval`;
    const forUser = (userId: string) => `${base(a.workspace.id)}/users/${userId}/resubmit-entries-for-approval`;

    it('ladder: 401, 400, 403, 404 for a period never submitted and for another workspace user', async () => {
      const m = await managed();
      const body = { periodStart: '2024-04-01T00:00:00Z' };
      await request(t.http).post(self()).send(body).expect(401);
      await request(t.http).post(forUser(m.user.id)).send(body).expect(401);
      await request(t.http).post(self()).set('X-Api-Key', m.apiKey).send({ periodStart: 'x' }).expect(400);
      await request(t.http).post(forUser('bad')).set('X-Api-Key', a.apiKey).send(body).expect(400);
      await request(t.http).post(forUser(m.user.id)).set('X-Api-Key', other.apiKey).send(body).expect(403);
      await request(t.http).post(forUser(bMember.user.id)).set('X-Api-Key', a.apiKey).send(body).expect(404);
      expect(
        (await request(t.http).post(self()).set('X-Api-Key', m.apiKey).send(body).expect(404)).body.message,
      ).toContain('submit');
    });

    it('after a rejection, changed and new entries go back into the same request as PENDING', async () => {
      const m = await managed();
      const e = await entry(m.apiKey, '2024-04-09');
      const req = await apSubmit(t.http, a.workspace.id, m.apiKey, '2024-04-08T00:00:00Z');
      await apPatch(t.http, a.workspace.id, manager.apiKey, req.id, { state: 'REJECTED', note: 'no' });
      await putEntry(m.apiKey, e.id, '2024-04-09', 'better').expect(200);
      const added = await entry(m.apiKey, '2024-04-10');
      const res = await request(t.http)
        .post(self())
        .set('X-Api-Key', m.apiKey)
        .send({ periodStart: '2024-04-08T00:00:00Z' })
        .expect(200);
      expect(res.body).toMatchObject({ id: req.id, status: { state: 'PENDING', note: null, updatedBy: m.user.id } });
      const states = await apEntryStates(t.app, [e.id, added.id]);
      expect(states[e.id]).toEqual({ status: 'PENDING', requestId: req.id });
      expect(states[added.id]).toEqual({ status: 'PENDING', requestId: req.id });
      expect(await apEvents(t.app, req.id)).toEqual([
        'NEW_APPROVAL_REQUEST',
        'APPROVAL_REQUEST_STATUS_UPDATED',
        'APPROVAL_REQUEST_STATUS_UPDATED',
      ]);
      // Nothing new while pending: unchanged, no event.
      await request(t.http)
        .post(self())
        .set('X-Api-Key', m.apiKey)
        .send({ periodStart: '2024-04-10T00:00:00Z' })
        .expect(200);
      expect(await apEvents(t.app, req.id)).toHaveLength(3);
    });

    it('a manager resubmits for the user: entries added to an approved week make it PENDING again, approved ones stay approved', async () => {
      const m = await managed();
      const e = await entry(m.apiKey, '2024-04-16');
      const req = await apSubmit(t.http, a.workspace.id, m.apiKey, '2024-04-15T00:00:00Z');
      await apPatch(t.http, a.workspace.id, manager.apiKey, req.id, { state: 'APPROVED' });
      const added = await entry(m.apiKey, '2024-04-17');
      expect((await apEntryStates(t.app, [added.id]))[added.id].status).toBeNull();
      const res = await request(t.http)
        .post(forUser(m.user.id))
        .set('X-Api-Key', manager.apiKey)
        .send({ periodStart: '2024-04-15T00:00:00Z' })
        .expect(200);
      expect(res.body).toMatchObject({ id: req.id, status: { state: 'PENDING', updatedBy: manager.user.id } });
      let states = await apEntryStates(t.app, [e.id, added.id]);
      expect([states[e.id].status, states[added.id].status]).toEqual(['APPROVED', 'PENDING']);
      const list = await request(t.http)
        .get(base(a.workspace.id))
        .set('X-Api-Key', m.apiKey)
        .query({ status: 'PENDING' })
        .expect(200);
      const details = (
        list.body as { approvalRequest: { id: string }; approvedTime: string; pendingTime: string }[]
      ).find((d) => d.approvalRequest.id === req.id);
      expect(details).toMatchObject({ approvedTime: 'PT1H', pendingTime: 'PT1H' });
      await apPatch(t.http, a.workspace.id, manager.apiKey, req.id, { state: 'APPROVED' });
      states = await apEntryStates(t.app, [e.id, added.id]);
      expect([states[e.id].status, states[added.id].status]).toEqual(['APPROVED', 'APPROVED']);
    });
  });

  describe('GET approval-requests', () => {
    let c: Owner;
    let x: Account;
    let y: Account;
    let z: Account;
    let xFirst: ApprovalResponse;
    let xSecond: ApprovalResponse;
    let yReq: ApprovalResponse;
    const list = (key: string, query: Record<string, string | number> = {}) =>
      request(t.http).get(base(c.workspace.id)).set('X-Api-Key', key).query(query);
    const ids = (body: { approvalRequest: { id: string } }[]) => body.map((d) => d.approvalRequest.id);

    beforeAll(async () => {
      c = await createOwner(t.app, 'Lister');
      x = await createMember(t.app, c.workspace.id, { name: 'X' });
      y = await createMember(t.app, c.workspace.id, { name: 'Y' });
      z = await createMember(t.app, c.workspace.id, { name: 'Z' });
      await grantRole(t.app, c.workspace.id, z.user.id, 'TEAM_MANAGER', x.user.id);
      await teRate(t.app, c.workspace.id, 'HOURLY', 10000);
      await teRate(t.app, c.workspace.id, 'COST', 4000);
      await teCreate(t.http, c.workspace.id, x.apiKey, {
        start: '2024-05-07T09:00:00Z',
        end: '2024-05-07T10:30:00Z',
        billable: true,
        description: 'billable',
      });
      await teCreate(t.http, c.workspace.id, x.apiKey, {
        start: '2024-05-08T09:00:00Z',
        end: '2024-05-08T09:30:00Z',
        billable: false,
      });
      await teCreate(t.http, c.workspace.id, x.apiKey, {
        start: '2024-05-08T12:00:00Z',
        end: '2024-05-08T12:15:00Z',
        type: 'BREAK',
      });
      await apExpense(t.app, c.workspace.id, x.user.id, '2024-05-09', 2550);
      xFirst = await apSubmit(t.http, c.workspace.id, x.apiKey, '2024-05-06T00:00:00Z');
      xSecond = await apSubmit(t.http, c.workspace.id, x.apiKey, '2024-05-13T00:00:00Z');
      yReq = await apSubmit(t.http, c.workspace.id, y.apiKey, '2024-05-20T00:00:00Z');
      await apPatch(t.http, c.workspace.id, z.apiKey, xSecond.id, { state: 'APPROVED' });
    });

    it('401 and 400 for bad filters', async () => {
      await request(t.http).get(base(c.workspace.id)).expect(401);
      await list(c.apiKey, { status: 'BOGUS' }).expect(400);
      await list(c.apiKey, { 'sort-column': 'NAME' }).expect(400);
      await list(c.apiKey, { 'sort-order': 'UP' }).expect(400);
      await list(c.apiKey, { 'page-size': 0 }).expect(400);
    });

    it('admins see all, members their own, managers also their team; never another workspace', async () => {
      const all = await list(c.apiKey).expect(200);
      expect(all.headers['x-total-count']).toBe('3');
      expect(ids(all.body).sort()).toEqual([xFirst.id, xSecond.id, yReq.id].sort());
      expect(ids((await list(y.apiKey).expect(200)).body)).toEqual([yReq.id]);
      expect(ids((await list(x.apiKey).expect(200)).body).sort()).toEqual([xFirst.id, xSecond.id].sort());
      expect(ids((await list(z.apiKey).expect(200)).body).sort()).toEqual([xFirst.id, xSecond.id].sort());
    });

    it('status filter, sorting and paging', async () => {
      expect(ids((await list(c.apiKey, { status: 'APPROVED' }).expect(200)).body)).toEqual([xSecond.id]);
      expect(ids((await list(c.apiKey, { status: 'PENDING' }).expect(200)).body).sort()).toEqual(
        [xFirst.id, yReq.id].sort(),
      );
      expect(ids((await list(c.apiKey, { status: 'REJECTED' }).expect(200)).body)).toEqual([]);
      expect(ids((await list(c.apiKey).expect(200)).body)).toEqual([yReq.id, xSecond.id, xFirst.id]);
      expect(
        ids((await list(c.apiKey, { 'sort-column': 'START', 'sort-order': 'ASCENDING' }).expect(200)).body),
      ).toEqual([xFirst.id, xSecond.id, yReq.id]);
      const updated = await list(c.apiKey, { 'sort-column': 'UPDATED_AT', 'sort-order': 'DESCENDING' }).expect(200);
      expect(ids(updated.body)[0]).toBe(xSecond.id);
      const page = await list(c.apiKey, {
        'sort-column': 'START',
        'sort-order': 'ASCENDING',
        page: 2,
        'page-size': 1,
      }).expect(200);
      expect(ids(page.body)).toEqual([xSecond.id]);
      expect(page.headers['x-total-count']).toBe('3');
    });

    it('details: entries, expenses and totals of each request', async () => {
      const res = await list(c.apiKey, { status: 'PENDING', 'sort-column': 'START', 'sort-order': 'ASCENDING' }).expect(
        200,
      );
      const d = res.body[0];
      expect(d.approvalRequest).toMatchObject({
        id: xFirst.id,
        owner: { userId: x.user.id, userName: 'X' },
        status: { state: 'PENDING' },
      });
      expect(d).toMatchObject({
        trackedTime: 'PT2H',
        billableTime: 'PT1H30M',
        breakTime: 'PT15M',
        pendingTime: 'PT2H',
        approvedTime: 'PT0S',
        billableAmount: 15000,
        costAmount: 8000,
        expenseTotal: 2550,
      });
      expect(d.entries).toHaveLength(3);
      expect(d.entries[0]).toMatchObject({
        approvalRequestId: xFirst.id,
        billable: true,
        description: 'billable',
        isLocked: true,
        type: 'REGULAR',
        hourlyRate: { amount: 10000, currency: 'USD' },
        costRate: { amount: 4000, currency: 'USD' },
        timeInterval: {
          start: '2024-05-07T09:00:00Z',
          end: '2024-05-07T10:30:00Z',
          duration: 'PT1H30M',
          timeZone: 'UTC',
        },
        tags: [],
      });
      expect(d.expenses).toHaveLength(1);
      expect(d.expenses[0]).toMatchObject({
        approvalRequestId: xFirst.id,
        approvalStatus: 'PENDING',
        date: '2024-05-09',
        total: 25.5,
        isLocked: true,
        userId: x.user.id,
      });
      expect(res.body[1]).toMatchObject({
        approvalRequest: { id: yReq.id },
        entries: [],
        expenses: [],
        trackedTime: 'PT0S',
        expenseTotal: 0,
      });
    });
  });
});
