import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, Owner } from './factories';
import { teCreate, teProject, teRate, teSetting, teTag, teTask } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

describe('Time entries: workspace rules and rates', () => {
  let t: TestApp;
  const base = (ws: string) => `/v1/workspaces/${ws}/time-entries`;
  const hour = { start: '2024-08-01T09:00:00Z', end: '2024-08-01T10:00:00Z' };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.app.close());

  describe('force* settings', () => {
    let ws: Owner;
    let project: string;
    let bare: string;
    let task: string;
    let tag: string;
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Forced');
      project = await teProject(t.app, ws.workspace.id);
      bare = await teProject(t.app, ws.workspace.id);
      task = await teTask(t.app, ws.workspace.id, project);
      tag = await teTag(t.app, ws.workspace.id);
      for (const key of ['forceProjects', 'forceTasks', 'forceTags', 'forceDescription'])
        await teSetting(t.app, ws.workspace.id, key, true);
    });
    const post = (body: object) =>
      request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .send({ ...hour, ...body });

    it('400 naming each missing field; a complete entry passes; breaks are exempt', async () => {
      expect((await post({ projectId: project, taskId: task, tagIds: [tag] }).expect(400)).body.message).toContain(
        'forceDescription',
      );
      expect((await post({ description: 'd', tagIds: [tag] }).expect(400)).body.message).toContain('forceProjects');
      expect((await post({ description: 'd', projectId: project, tagIds: [tag] }).expect(400)).body.message).toContain(
        'forceTasks',
      );
      expect((await post({ description: 'd', projectId: project, taskId: task }).expect(400)).body.message).toContain(
        'forceTags',
      );
      await post({ description: 'd', projectId: project, taskId: task, tagIds: [tag] }).expect(201);
      await post({ description: 'd', projectId: bare, tagIds: [tag] }).expect(201); // a project without tasks needs no task
      await post({ type: 'BREAK' }).expect(201);
    });

    it('updates are checked too', async () => {
      const e = await teCreate(t.http, ws.workspace.id, ws.apiKey, {
        ...hour,
        description: 'd',
        projectId: project,
        taskId: task,
        tagIds: [tag],
      });
      const res = await request(t.http)
        .put(`${base(ws.workspace.id)}/${e.id}`)
        .set('X-Api-Key', ws.apiKey)
        .send({ ...hour, projectId: project, taskId: task, tagIds: [tag] })
        .expect(400);
      expect(res.body.message).toContain('forceDescription');
    });
  });

  describe('lockTimeEntries', () => {
    it('members may not create, change or delete entries before the lock date (400 naming the rule); admins may; isLocked shows it', async () => {
      const ws = await createOwner(t.app, 'Locked');
      const member = await createMember(t.app, ws.workspace.id);
      const early = await teCreate(t.http, ws.workspace.id, member.apiKey, hour);
      await teSetting(t.app, ws.workspace.id, 'lockTimeEntries', '2024-09-01T00:00:00Z');
      const res = await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', member.apiKey)
        .send(hour)
        .expect(400);
      expect(res.body.message).toContain('lockTimeEntries');
      await request(t.http)
        .put(`${base(ws.workspace.id)}/${early.id}`)
        .set('X-Api-Key', member.apiKey)
        .send({ ...hour, description: 'x' })
        .expect(400);
      await request(t.http)
        .put(`${base(ws.workspace.id)}/${early.id}`)
        .set('X-Api-Key', member.apiKey)
        .send({ ...hour, start: '2024-09-02T09:00:00Z', end: '2024-09-02T10:00:00Z' })
        .expect(400);
      await request(t.http)
        .delete(`${base(ws.workspace.id)}/${early.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(400);
      const read = await request(t.http)
        .get(`${base(ws.workspace.id)}/${early.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(read.body.isLocked).toBe(true);
      const late = await teCreate(t.http, ws.workspace.id, member.apiKey, {
        start: '2024-09-02T09:00:00Z',
        end: '2024-09-02T10:00:00Z',
      });
      expect(late).toMatchObject({ isLocked: false });
      await teCreate(t.http, ws.workspace.id, ws.apiKey, hour);
      await request(t.http)
        .put(`${base(ws.workspace.id)}/${early.id}`)
        .set('X-Api-Key', ws.apiKey)
        .send({ ...hour, description: 'by admin' })
        .expect(200);
      await request(t.http)
        .delete(`${base(ws.workspace.id)}/${early.id}`)
        .set('X-Api-Key', ws.apiKey)
        .expect(204);
    });
  });

  describe('other settings and locks', () => {
    let ws: Owner;
    let member: Account;
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Settings');
      member = await createMember(t.app, ws.workspace.id);
    });

    it('STOPWATCH_ONLY: members may only start timers (400 for entries with end); admins may add manual entries', async () => {
      await teSetting(t.app, ws.workspace.id, 'timeTrackingMode', 'STOPWATCH_ONLY');
      const res = await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', member.apiKey)
        .send(hour)
        .expect(400);
      expect(res.body.message).toContain('STOPWATCH_ONLY');
      await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', member.apiKey)
        .send({ start: hour.start })
        .expect(201);
      await request(t.http).post(base(ws.workspace.id)).set('X-Api-Key', ws.apiKey).send(hour).expect(201);
      await teSetting(t.app, ws.workspace.id, 'timeTrackingMode', 'DEFAULT');
    });

    it('onlyAdminsCanChangeBillableStatus: members may not set billable against the default (400)', async () => {
      await teSetting(t.app, ws.workspace.id, 'onlyAdminsCanChangeBillableStatus', true);
      const res = await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', member.apiKey)
        .send({ ...hour, billable: true })
        .expect(400);
      expect(res.body.message).toContain('onlyAdminsCanChangeBillableStatus');
      await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', member.apiKey)
        .send({ ...hour, billable: false })
        .expect(201);
      await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .send({ ...hour, billable: true })
        .expect(201);
      await teSetting(t.app, ws.workspace.id, 'onlyAdminsCanChangeBillableStatus', false);
    });

    it('approved entries are locked for members (403), not for admins', async () => {
      const e = await teCreate(t.http, ws.workspace.id, member.apiKey, hour);
      await t.app.get(DataSource).query(`UPDATE time_entries SET approval_status = 'APPROVED' WHERE id = $1`, [e.id]);
      const res = await request(t.http)
        .put(`${base(ws.workspace.id)}/${e.id}`)
        .set('X-Api-Key', member.apiKey)
        .send({ ...hour, description: 'x' })
        .expect(403);
      expect(res.body.message).toMatch(/approved/);
      await request(t.http)
        .put(`${base(ws.workspace.id)}/${e.id}`)
        .set('X-Api-Key', ws.apiKey)
        .send({ ...hour, description: 'x' })
        .expect(200);
    });

    it('onlyAdminsSeeBillableRates (on by default) hides the rates from members', async () => {
      await teRate(t.app, ws.workspace.id, 'HOURLY', 1234);
      const byMember = await teCreate(t.http, ws.workspace.id, member.apiKey, hour);
      expect(byMember.hourlyRate).toBeNull();
      const byAdmin = await request(t.http)
        .get(`${base(ws.workspace.id)}/${byMember.id}`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(byAdmin.body.hourlyRate).toEqual({ amount: 1234, currency: 'USD' });
      await teSetting(t.app, ws.workspace.id, 'onlyAdminsSeeBillableRates', false);
      const shown = await request(t.http)
        .get(`${base(ws.workspace.id)}/${byMember.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(shown.body.hourlyRate).toEqual({ amount: 1234, currency: 'USD' });
    });
  });

  describe('rate precedence (through HTTP)', () => {
    it("task > project member > project > workspace member > workspace, each as in force at the entry's start", async () => {
      const ws = await createOwner(t.app, 'Rates');
      const user = ws.user.id;
      const p1 = await teProject(t.app, ws.workspace.id);
      const p2 = await teProject(t.app, ws.workspace.id);
      const p3 = await teProject(t.app, ws.workspace.id);
      const task = await teTask(t.app, ws.workspace.id, p1);
      const other = await teTask(t.app, ws.workspace.id, p1);
      await teRate(t.app, ws.workspace.id, 'HOURLY', 1000);
      const rateOf = async (body: object) =>
        (await teCreate(t.http, ws.workspace.id, ws.apiKey, { ...hour, ...body })).hourlyRate?.amount;
      expect(await rateOf({})).toBe(1000);
      await teRate(t.app, ws.workspace.id, 'HOURLY', 2000, { userId: user });
      expect(await rateOf({})).toBe(2000);
      await teRate(t.app, ws.workspace.id, 'HOURLY', 3000, { projectId: p1 });
      await teRate(t.app, ws.workspace.id, 'HOURLY', 3500, { projectId: p2 });
      expect(await rateOf({ projectId: p1 })).toBe(3000);
      expect(await rateOf({ projectId: p3 })).toBe(2000);
      await teRate(t.app, ws.workspace.id, 'HOURLY', 4000, { projectId: p1, userId: user });
      expect(await rateOf({ projectId: p1 })).toBe(4000);
      expect(await rateOf({ projectId: p2 })).toBe(3500);
      await teRate(t.app, ws.workspace.id, 'HOURLY', 5000, { taskId: task });
      expect(await rateOf({ projectId: p1, taskId: task })).toBe(5000);
      expect(await rateOf({ projectId: p1, taskId: other })).toBe(4000);
      // History: a workspace rate since 2025 does not reach back to 2024 entries.
      await teRate(t.app, ws.workspace.id, 'HOURLY', 9000, { userId: user }, new Date('2025-01-01T00:00:00Z'));
      expect(await rateOf({})).toBe(2000);
      expect(await rateOf({ start: '2025-02-01T09:00:00Z', end: '2025-02-01T10:00:00Z' })).toBe(9000);
    });
  });
});
