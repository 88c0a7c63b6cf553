import request from 'supertest';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import { teCreate, teEvents, teProject, teRate, teTag, teTask } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

describe('Time entries: create, get, update, delete', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let manager: Account;
  let project: string;
  let task: string;
  let tag: string;
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
    project = await teProject(t.app, a.workspace.id, { billable: true });
    task = await teTask(t.app, a.workspace.id, project);
    tag = await teTag(t.app, a.workspace.id);
  });
  afterAll(() => t.app.close());

  describe('POST /time-entries', () => {
    it('401 without credentials, 403 for a stranger, 400 for bad bodies', async () => {
      const body = { start: '2024-01-01T09:00:00Z', end: '2024-01-01T10:00:00Z' };
      await request(t.http).post(base(a.workspace.id)).send(body).expect(401);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', b.apiKey).send(body).expect(403);
      const bad = [
        { ...body, start: 'yesterday' },
        { ...body, end: '2024-01-01T08:00:00Z' },
        { ...body, projectId: 'nope' },
        { ...body, tagIds: ['x'] },
        { ...body, type: 'HOLIDAY' },
        { ...body, description: 'x'.repeat(3001) },
        { ...body, color: 'red' },
      ];
      for (const b2 of bad)
        await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send(b2).expect(400);
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ ...body, end: '2024-01-01T08:00:00Z' });
      expect(res.body.message).toMatch(/end .* before its start/);
    });

    it('creates a finished entry with project, task, tags, rates, ETag, and NEW_TIME_ENTRY', async () => {
      await teRate(t.app, a.workspace.id, 'HOURLY', 5000);
      await teRate(t.app, a.workspace.id, 'COST', 2000);
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({
          start: '2024-01-02T09:00:00+01:00',
          end: '2024-01-02T09:30:00.500+01:00',
          description: 'Work',
          projectId: project,
          taskId: task,
          tagIds: [tag, tag],
        })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        description: 'Work',
        tagIds: [tag],
        userId: a.user.id,
        billable: true,
        taskId: task,
        projectId: project,
        workspaceId: a.workspace.id,
        timeInterval: { start: '2024-01-02T08:00:00Z', end: '2024-01-02T08:30:00Z', duration: 'PT30M' },
        customFieldValues: [],
        type: 'REGULAR',
        kioskId: null,
        isLocked: false,
        hourlyRate: { amount: 5000, currency: 'USD' },
        costRate: { amount: 2000, currency: 'USD' },
      });
      expect(res.headers.etag).toBe(`"${res.body.id}-1"`);
      expect(await teEvents(t.app, res.body.id)).toEqual(['NEW_TIME_ENTRY']);
    });

    it('billable defaults to the project (false without one); body billable wins', async () => {
      const noProject = await teCreate(t.http, a.workspace.id, a.apiKey, {
        start: '2024-01-03T09:00:00Z',
        end: '2024-01-03T10:00:00Z',
      });
      expect(noProject.billable).toBe(false);
      const unbillable = await teCreate(t.http, a.workspace.id, a.apiKey, {
        start: '2024-01-03T11:00:00Z',
        end: '2024-01-03T12:00:00Z',
        projectId: project,
        billable: false,
      });
      expect(unbillable.billable).toBe(false);
    });

    it('404 for a project, task or tag of another workspace (or missing); 400 for a task of another project', async () => {
      const foreignProject = await teProject(t.app, b.workspace.id);
      const foreignTask = await teTask(t.app, b.workspace.id, foreignProject);
      const foreignTag = await teTag(t.app, b.workspace.id);
      const otherProject = await teProject(t.app, a.workspace.id);
      const body = { start: '2024-01-04T09:00:00Z', end: '2024-01-04T10:00:00Z' };
      const send = (extra: object) =>
        request(t.http)
          .post(base(a.workspace.id))
          .set('X-Api-Key', a.apiKey)
          .send({ ...body, ...extra });
      expect((await send({ projectId: foreignProject }).expect(404)).body.message).toBe('Project not found');
      await send({ projectId: MISSING_ID }).expect(404);
      expect((await send({ projectId: project, taskId: foreignTask }).expect(404)).body.message).toBe('Task not found');
      expect((await send({ tagIds: [tag, foreignTag] }).expect(404)).body.message).toBe('Tag not found');
      expect((await send({ projectId: otherProject, taskId: task }).expect(400)).body.message).toMatch(
        /does not belong/,
      );
    });

    it('a member may not book on a private project they are not a member of (404)', async () => {
      const secret = await teProject(t.app, a.workspace.id, { isPublic: false });
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', member.apiKey)
        .send({ start: '2024-01-04T09:00:00Z', end: '2024-01-04T10:00:00Z', projectId: secret })
        .expect(404);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ start: '2024-01-04T09:00:00Z', end: '2024-01-04T10:00:00Z', projectId: secret })
        .expect(201);
    });
  });

  describe('POST /user/{userId}/time-entries', () => {
    const body = { start: '2024-02-01T09:00:00Z', end: '2024-02-01T10:00:00Z', description: 'for someone' };

    it('401, 400 for a malformed user id, 403 for a plain member, 404 for a non-member user', async () => {
      await request(t.http).post(forUser(a.workspace.id, member.user.id)).send(body).expect(401);
      await request(t.http).post(forUser(a.workspace.id, 'bad')).set('X-Api-Key', a.apiKey).send(body).expect(400);
      await request(t.http)
        .post(forUser(a.workspace.id, member.user.id))
        .set('X-Api-Key', other.apiKey)
        .send(body)
        .expect(403);
      await request(t.http).post(forUser(a.workspace.id, b.user.id)).set('X-Api-Key', a.apiKey).send(body).expect(404);
      await request(t.http)
        .post(forUser(a.workspace.id, other.user.id))
        .set('X-Api-Key', manager.apiKey)
        .send(body)
        .expect(403);
    });

    it("an admin and the user's team manager create entries for the user", async () => {
      const byOwner = await teCreate(t.http, a.workspace.id, a.apiKey, body, member.user.id);
      expect(byOwner.userId).toBe(member.user.id);
      const byManager = await teCreate(t.http, a.workspace.id, manager.apiKey, body, member.user.id);
      expect(byManager).toMatchObject({ userId: member.user.id, description: 'for someone' });
    });

    it('from-entry copies project, task, tags and description of that entry', async () => {
      const source = await teCreate(t.http, a.workspace.id, a.apiKey, {
        ...body,
        projectId: project,
        taskId: task,
        tagIds: [tag],
        description: 'template',
      });
      const res = await request(t.http)
        .post(forUser(a.workspace.id, member.user.id))
        .query({ 'from-entry': source.id })
        .set('X-Api-Key', a.apiKey)
        .send({ start: '2024-02-02T09:00:00Z', end: '2024-02-02T09:15:00Z' })
        .expect(201);
      expect(res.body).toMatchObject({
        userId: member.user.id,
        projectId: project,
        taskId: task,
        tagIds: [tag],
        description: 'template',
        timeInterval: { duration: 'PT15M' },
      });
      await request(t.http)
        .post(forUser(a.workspace.id, member.user.id))
        .query({ 'from-entry': MISSING_ID })
        .set('X-Api-Key', a.apiKey)
        .send(body)
        .expect(404);
      await request(t.http)
        .post(forUser(a.workspace.id, member.user.id))
        .query({ 'from-entry': 'x' })
        .set('X-Api-Key', a.apiKey)
        .send(body)
        .expect(400);
    });
  });

  describe('GET /time-entries/{id}', () => {
    let entryId: string;
    beforeAll(async () => {
      entryId = (
        await teCreate(t.http, a.workspace.id, member.apiKey, {
          start: '2024-03-01T09:00:00Z',
          end: '2024-03-01T11:00:00Z',
          projectId: project,
          taskId: task,
          tagIds: [tag],
        })
      ).id;
    });

    it('401, 400 malformed id, 404 missing or of another workspace, 403 for another member', async () => {
      await request(t.http)
        .get(`${base(a.workspace.id)}/${entryId}`)
        .expect(401);
      await request(t.http)
        .get(`${base(a.workspace.id)}/nope`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${MISSING_ID}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const foreign = await teCreate(t.http, b.workspace.id, b.apiKey, {
        start: '2024-03-01T09:00:00Z',
        end: '2024-03-01T10:00:00Z',
      });
      await request(t.http)
        .get(`${base(a.workspace.id)}/${foreign.id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${entryId}`)
        .set('X-Api-Key', other.apiKey)
        .expect(403);
    });

    it('the owner, an admin and the manager read it; hydrated adds project, task, tags and user', async () => {
      for (const key of [member.apiKey, a.apiKey, manager.apiKey]) {
        const res = await request(t.http)
          .get(`${base(a.workspace.id)}/${entryId}`)
          .set('X-Api-Key', key)
          .expect(200);
        expect(res.body).toMatchObject({ id: entryId, timeInterval: { duration: 'PT2H' } });
        expect(res.headers.etag).toBe(`"${entryId}-1"`);
      }
      const res = await request(t.http)
        .get(`${base(a.workspace.id)}/${entryId}`)
        .query({ hydrated: true })
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(res.body.project).toMatchObject({ id: project, billable: true });
      expect(res.body.task).toMatchObject({ id: task, projectId: project });
      expect(res.body.tags).toEqual([expect.objectContaining({ id: tag })]);
      expect(res.body.user).toMatchObject({ id: member.user.id });
    });
  });

  describe('PUT /time-entries/{id}', () => {
    it('401, 400, 403 for another member, 404 for another workspace; replaces the entry and bumps the ETag', async () => {
      const entry = await teCreate(t.http, a.workspace.id, member.apiKey, {
        start: '2024-04-01T09:00:00Z',
        end: '2024-04-01T10:00:00Z',
        projectId: project,
        tagIds: [tag],
        description: 'old',
      });
      const url = `${base(a.workspace.id)}/${entry.id}`;
      const body = { start: '2024-04-01T09:00:00Z', end: '2024-04-01T12:00:00Z', description: 'new' };
      await request(t.http).put(url).send(body).expect(401);
      await request(t.http).put(url).set('X-Api-Key', member.apiKey).send({ description: 'no start' }).expect(400);
      await request(t.http).put(url).set('X-Api-Key', other.apiKey).send(body).expect(403);
      await request(t.http)
        .put(`${base(b.workspace.id)}/${entry.id}`)
        .set('X-Api-Key', b.apiKey)
        .send(body)
        .expect(404);
      const res = await request(t.http).put(url).set('X-Api-Key', member.apiKey).send(body).expect(200);
      expect(res.body).toMatchObject({
        description: 'new',
        projectId: null,
        tagIds: [],
        billable: false,
        timeInterval: { duration: 'PT3H' },
      });
      expect(res.headers.etag).toBe(`"${entry.id}-2"`);
      expect(await teEvents(t.app, entry.id)).toEqual(['NEW_TIME_ENTRY', 'TIME_ENTRY_UPDATED']);
    });

    it('If-Match with a stale ETag is 412 and changes nothing; the current one passes', async () => {
      const entry = await teCreate(t.http, a.workspace.id, a.apiKey, {
        start: '2024-04-02T09:00:00Z',
        end: '2024-04-02T10:00:00Z',
        description: 'v1',
      });
      const url = `${base(a.workspace.id)}/${entry.id}`;
      const first = await request(t.http)
        .put(url)
        .set('X-Api-Key', a.apiKey)
        .set('If-Match', `"${entry.id}-1"`)
        .send({ start: '2024-04-02T09:00:00Z', end: '2024-04-02T10:00:00Z', description: 'device A' })
        .expect(200);
      const stale = await request(t.http)
        .put(url)
        .set('X-Api-Key', a.apiKey)
        .set('If-Match', `"${entry.id}-1"`)
        .send({ start: '2024-04-02T09:00:00Z', end: '2024-04-02T10:00:00Z', description: 'device B' })
        .expect(412);
      expect(stale.body.message).toContain(first.headers.etag);
      await request(t.http).delete(url).set('X-Api-Key', a.apiKey).set('If-Match', `"${entry.id}-1"`).expect(412);
      const now = await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(200);
      expect(now.body.description).toBe('device A');
      await request(t.http).delete(url).set('X-Api-Key', a.apiKey).set('If-Match', first.headers.etag).expect(204);
    });

    it('re-prices when the project changes: the project rate wins over the workspace rate', async () => {
      const priced = await teProject(t.app, a.workspace.id);
      await teRate(t.app, a.workspace.id, 'HOURLY', 9900, { projectId: priced });
      const entry = await teCreate(t.http, a.workspace.id, a.apiKey, {
        start: '2024-04-03T09:00:00Z',
        end: '2024-04-03T10:00:00Z',
      });
      expect(entry.hourlyRate).toEqual({ amount: 5000, currency: 'USD' });
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${entry.id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ start: '2024-04-03T09:00:00Z', end: '2024-04-03T10:00:00Z', projectId: priced })
        .expect(200);
      expect(res.body.hourlyRate).toEqual({ amount: 9900, currency: 'USD' });
    });
  });

  describe('DELETE /time-entries/{id}', () => {
    it('401, 400, 404 another workspace, 403 another member; 204 and TIME_ENTRY_DELETED', async () => {
      const entry = await teCreate(t.http, a.workspace.id, member.apiKey, {
        start: '2024-05-01T09:00:00Z',
        end: '2024-05-01T10:00:00Z',
      });
      const url = `${base(a.workspace.id)}/${entry.id}`;
      await request(t.http).delete(url).expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/x`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(b.workspace.id)}/${entry.id}`)
        .set('X-Api-Key', b.apiKey)
        .expect(404);
      await request(t.http).delete(url).set('X-Api-Key', other.apiKey).expect(403);
      await request(t.http).delete(url).set('X-Api-Key', member.apiKey).expect(204);
      await request(t.http).get(url).set('X-Api-Key', a.apiKey).expect(404);
      expect(await teEvents(t.app, entry.id)).toEqual(['NEW_TIME_ENTRY', 'TIME_ENTRY_DELETED']);
    });
  });
});
