import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, Owner } from './factories';
import { teCreate, teEvents, teRunning, teSetting } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

describe('Time entries: the timer', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let manager: Account;
  const base = (ws: string) => `/v1/workspaces/${ws}/time-entries`;
  const forUser = (ws: string, userId: string) => `/v1/workspaces/${ws}/user/${userId}/time-entries`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    other = await createMember(t.app, a.workspace.id);
    manager = await createMember(t.app, a.workspace.id);
    await grantRole(t.app, a.workspace.id, manager.user.id, 'TEAM_MANAGER', member.user.id);
  });
  afterAll(() => t.app.close());

  it('starting a timer without end answers a running entry (end and duration null) and NEW_TIMER_STARTED', async () => {
    const res = await request(t.http)
      .post(base(a.workspace.id))
      .set('X-Api-Key', other.apiKey)
      .send({ start: '2024-06-01T09:00:00Z', description: 'run' })
      .expect(201);
    expect(res.body.timeInterval).toEqual({ start: '2024-06-01T09:00:00Z', end: null, duration: null });
    expect(await teEvents(t.app, res.body.id)).toEqual(['NEW_TIMER_STARTED']);
  });

  it('a new timer stops the running one at the new start, in the same transaction (TIMER_STOPPED)', async () => {
    const first = await teCreate(t.http, a.workspace.id, member.apiKey, { start: '2024-06-01T09:00:00Z' });
    const second = await teCreate(t.http, a.workspace.id, member.apiKey, { start: '2024-06-01T10:15:00Z' });
    const stopped = await request(t.http)
      .get(`${base(a.workspace.id)}/${first.id}`)
      .set('X-Api-Key', member.apiKey)
      .expect(200);
    expect(stopped.body.timeInterval).toEqual({
      start: '2024-06-01T09:00:00Z',
      end: '2024-06-01T10:15:00Z',
      duration: 'PT1H15M',
    });
    expect(stopped.headers.etag).toBe(`"${first.id}-2"`);
    expect(await teEvents(t.app, first.id)).toEqual(['NEW_TIMER_STARTED', 'TIMER_STOPPED']);
    expect(await teRunning(t.app, a.workspace.id, member.user.id)).toEqual([second.id]);
    // A manual entry (with end) does not touch the running timer.
    await teCreate(t.http, a.workspace.id, member.apiKey, {
      start: '2024-05-01T09:00:00Z',
      end: '2024-05-01T10:00:00Z',
    });
    expect(await teRunning(t.app, a.workspace.id, member.user.id)).toEqual([second.id]);
  });

  it('50 concurrent starts for one user: all 201, exactly one left running, none ends before it starts', async () => {
    const racer = await createMember(t.app, a.workspace.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request(t.http)
          .post(base(a.workspace.id))
          .set('X-Api-Key', racer.apiKey)
          .send({ start: new Date(Date.UTC(2024, 6, 1, 9, i)).toISOString(), description: `race ${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(await teRunning(t.app, a.workspace.id, racer.user.id)).toHaveLength(1);
    const bad: unknown[] = await t.app
      .get(DataSource)
      .query('SELECT id FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND end_at < start_at', [
        a.workspace.id,
        racer.user.id,
      ]);
    expect(bad).toEqual([]);
    const total: { n: number }[] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM time_entries WHERE user_id = $1', [racer.user.id]);
    expect(total[0].n).toBe(50);
  });

  describe('PATCH /user/{userId}/time-entries (stop)', () => {
    it('401, 400 bad body or id, 403 for another member, 404 when nothing runs or for a non-member', async () => {
      await request(t.http)
        .patch(forUser(a.workspace.id, member.user.id))
        .send({ end: '2024-06-01T12:00:00Z' })
        .expect(401);
      await request(t.http)
        .patch(forUser(a.workspace.id, member.user.id))
        .set('X-Api-Key', member.apiKey)
        .send({})
        .expect(400);
      await request(t.http)
        .patch(forUser(a.workspace.id, member.user.id))
        .set('X-Api-Key', member.apiKey)
        .send({ end: 'soon' })
        .expect(400);
      await request(t.http)
        .patch(forUser(a.workspace.id, 'xyz'))
        .set('X-Api-Key', member.apiKey)
        .send({ end: '2024-06-01T12:00:00Z' })
        .expect(400);
      await request(t.http)
        .patch(forUser(a.workspace.id, member.user.id))
        .set('X-Api-Key', other.apiKey)
        .send({ end: '2024-06-01T12:00:00Z' })
        .expect(403);
      await request(t.http)
        .patch(forUser(a.workspace.id, b.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ end: '2024-06-01T12:00:00Z' })
        .expect(404);
      const idle = await createMember(t.app, a.workspace.id);
      const res = await request(t.http)
        .patch(forUser(a.workspace.id, idle.user.id))
        .set('X-Api-Key', idle.apiKey)
        .send({ end: '2024-06-01T12:00:00Z' })
        .expect(404);
      expect(res.body.message).toBe('No time entry is running for this user');
    });

    it('end before start is 400; a stale If-Match is 412; the manager stops it (TIMER_STOPPED)', async () => {
      const running = await teCreate(t.http, a.workspace.id, member.apiKey, { start: '2024-06-02T09:00:00Z' });
      await request(t.http)
        .patch(forUser(a.workspace.id, member.user.id))
        .set('X-Api-Key', member.apiKey)
        .send({ end: '2024-06-02T08:00:00Z' })
        .expect(400);
      await request(t.http)
        .patch(forUser(a.workspace.id, member.user.id))
        .set('X-Api-Key', member.apiKey)
        .set('If-Match', `"${running.id}-7"`)
        .send({ end: '2024-06-02T10:00:00Z' })
        .expect(412);
      const res = await request(t.http)
        .patch(forUser(a.workspace.id, member.user.id))
        .set('X-Api-Key', manager.apiKey)
        .set('If-Match', `"${running.id}-1"`)
        .send({ end: '2024-06-02T10:30:00Z' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: running.id,
        timeInterval: { start: '2024-06-02T09:00:00Z', end: '2024-06-02T10:30:00Z', duration: 'PT1H30M' },
      });
      expect(res.headers.etag).toBe(`"${running.id}-2"`);
      expect(await teEvents(t.app, running.id)).toEqual(['NEW_TIMER_STARTED', 'TIMER_STOPPED']);
      expect(await teRunning(t.app, a.workspace.id, member.user.id)).toEqual([]);
    });

    it('forceProjects: a running entry without project cannot be stopped (400 naming the rule)', async () => {
      const ws = await createOwner(t.app, 'Strict');
      await teCreate(t.http, ws.workspace.id, ws.apiKey, { start: '2024-06-03T09:00:00Z' });
      await teSetting(t.app, ws.workspace.id, 'forceProjects', true);
      const res = await request(t.http)
        .patch(forUser(ws.workspace.id, ws.user.id))
        .set('X-Api-Key', ws.apiKey)
        .send({ end: '2024-06-03T10:00:00Z' })
        .expect(400);
      expect(res.body.message).toContain('forceProjects');
    });
  });

  describe('GET /time-entries/status/in-progress', () => {
    it("401, 403 for another workspace's owner, 400 bad page-size; admins see every running entry of the workspace, members their own and their managed users'", async () => {
      const ws = await createOwner(t.app, 'Runner');
      const m1 = await createMember(t.app, ws.workspace.id);
      const m2 = await createMember(t.app, ws.workspace.id);
      const boss = await createMember(t.app, ws.workspace.id);
      await grantRole(t.app, ws.workspace.id, boss.user.id, 'TEAM_MANAGER', m1.user.id);
      const url = `${base(ws.workspace.id)}/status/in-progress`;
      await request(t.http).get(url).expect(401);
      await request(t.http).get(url).set('X-Api-Key', b.apiKey).expect(403);
      await request(t.http).get(url).set('X-Api-Key', ws.apiKey).query({ 'page-size': 1001 }).expect(400);
      await teCreate(t.http, b.workspace.id, b.apiKey, { start: '2024-06-05T11:00:00Z' }); // runs in another workspace: never listed here
      const e1 = await teCreate(t.http, ws.workspace.id, m1.apiKey, { start: '2024-06-05T09:00:00Z' });
      const e2 = await teCreate(t.http, ws.workspace.id, m2.apiKey, { start: '2024-06-05T10:00:00Z' });
      await teCreate(t.http, ws.workspace.id, m2.apiKey, {
        start: '2024-06-05T07:00:00Z',
        end: '2024-06-05T08:00:00Z',
      });
      const all = await request(t.http).get(url).set('X-Api-Key', ws.apiKey).expect(200);
      expect(all.body.map((e: { id: string }) => e.id)).toEqual([e2.id, e1.id]);
      expect(all.headers['x-total-count']).toBe('2');
      expect(all.headers['x-page-size']).toBe('10');
      const own = await request(t.http).get(url).set('X-Api-Key', m2.apiKey).expect(200);
      expect(own.body.map((e: { id: string }) => e.id)).toEqual([e2.id]);
      const managed = await request(t.http).get(url).set('X-Api-Key', boss.apiKey).expect(200);
      expect(managed.body.map((e: { id: string }) => e.id)).toEqual([e1.id]);
      const paged = await request(t.http)
        .get(url)
        .set('X-Api-Key', ws.apiKey)
        .query({ page: 2, 'page-size': 1 })
        .expect(200);
      expect(paged.body.map((e: { id: string }) => e.id)).toEqual([e1.id]);
      expect(paged.headers['last-page']).toBe('true');
    });
  });

  it('PUT that makes a finished entry run while another runs is 409', async () => {
    const ws = await createOwner(t.app, 'Twice');
    await teCreate(t.http, ws.workspace.id, ws.apiKey, { start: '2024-06-06T09:00:00Z' });
    const done = await teCreate(t.http, ws.workspace.id, ws.apiKey, {
      start: '2024-06-05T09:00:00Z',
      end: '2024-06-05T10:00:00Z',
    });
    const res = await request(t.http)
      .put(`${base(ws.workspace.id)}/${done.id}`)
      .set('X-Api-Key', ws.apiKey)
      .send({ start: '2024-06-05T09:00:00Z' })
      .expect(409);
    expect(res.body.message).toMatch(/already running/);
  });
});
