import request from 'supertest';
import { createMember, createOwner, grantRole, MISSING_ID, Owner, type Account } from './factories';
import { createProjectRow, createUserGroupRow, outboxEvents, setWorkspaceSetting } from './factories/tasks';
import { startTestApp, TestApp } from './utils/test-app';

describe('Tasks', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let pm: Account;
  let project: string;
  let privateProject: string;
  let bProject: string;
  let bTask: string;
  let group: string;
  const base = () => `/v1/workspaces/${a.workspace.id}/projects/${project}/tasks`;
  const post = (key: string, body: object, url = base()) => request(t.http).post(url).set('X-Api-Key', key).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    pm = await createMember(t.app, a.workspace.id, { name: 'Manager' });
    project = await createProjectRow(t.app, a.workspace.id, { billable: false });
    privateProject = await createProjectRow(t.app, a.workspace.id, { isPublic: false });
    await grantRole(t.app, a.workspace.id, pm.user.id, 'PROJECT_MANAGER', project);
    group = await createUserGroupRow(t.app, a.workspace.id);
    bProject = await createProjectRow(t.app, b.workspace.id);
    const res = await post(
      b.apiKey,
      { name: 'B task' },
      `/v1/workspaces/${b.workspace.id}/projects/${bProject}/tasks`,
    ).expect(201);
    bTask = res.body.id;
  });
  afterAll(() => t.app.close());

  describe('POST tasks', () => {
    it('401 without credentials', () => request(t.http).post(base()).send({ name: 'x' }).expect(401));

    it('400 for bad bodies and a malformed project id', async () => {
      await post(a.apiKey, {}).expect(400);
      await post(a.apiKey, { name: '' }).expect(400);
      await post(a.apiKey, { name: 'x'.repeat(1001) }).expect(400);
      await post(a.apiKey, { name: 'x', unknown: 1 }).expect(400);
      await post(a.apiKey, { name: 'x', estimate: '90 minutes' }).expect(400);
      await post(a.apiKey, { name: 'x', assigneeIds: ['nope'] }).expect(400);
      await post(a.apiKey, { name: 'x', status: 'ALLISH' }).expect(400);
      await post(a.apiKey, { name: 'x', budgetEstimate: -1 }).expect(400);
      await post(a.apiKey, { name: 'x' }, `/v1/workspaces/${a.workspace.id}/projects/bad/tasks`).expect(400);
    });

    it('404 for another workspace project, assignee or group', async () => {
      await post(a.apiKey, { name: 'x' }, `/v1/workspaces/${a.workspace.id}/projects/${bProject}/tasks`).expect(404);
      await post(a.apiKey, { name: 'x', assigneeIds: [b.user.id] }).expect(404);
      const bGroup = await createUserGroupRow(t.app, b.workspace.id);
      await post(a.apiKey, { name: 'x', userGroupIds: [bGroup] }).expect(404);
      await post(
        member.apiKey,
        { name: 'x' },
        `/v1/workspaces/${a.workspace.id}/projects/${privateProject}/tasks`,
      ).expect(404);
    });

    it('201 with the task, billable from the project, and a NEW_TASK event', async () => {
      const res = await post(a.apiKey, {
        name: ' Bugfixing ',
        assigneeIds: [member.user.id],
        assigneeId: pm.user.id,
        userGroupIds: [group],
        estimate: 'PT1H30M',
        budgetEstimate: 10000,
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Bugfixing',
        projectId: project,
        assigneeIds: [member.user.id, pm.user.id].sort(),
        assigneeId: [member.user.id, pm.user.id].sort()[0],
        userGroupIds: [group],
        estimate: 'PT1H30M',
        status: 'ACTIVE',
        duration: 'PT0S',
        billable: false,
        hourlyRate: null,
        costRate: null,
        budgetEstimate: 10000,
      });
      expect(await outboxEvents(t.app, res.body.id)).toEqual(['NEW_TASK']);
    });

    it('defaults: no estimate is PT0S, contains-assignee=false drops assignees', async () => {
      const res = await request(t.http)
        .post(`${base()}?contains-assignee=false`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'No one', assigneeIds: [member.user.id], status: 'DONE' })
        .expect(201);
      expect(res.body).toMatchObject({
        estimate: 'PT0S',
        assigneeIds: [],
        assigneeId: null,
        status: 'DONE',
        budgetEstimate: null,
      });
    });

    it('409 for a duplicate name, case-insensitively', async () => {
      const res = await post(a.apiKey, { name: 'BUGFIXING' }).expect(409);
      expect(res.body.message).toMatch(/BUGFIXING/);
      await post(b.apiKey, { name: 'Bugfixing' }, `/v1/workspaces/${b.workspace.id}/projects/${bProject}/tasks`).expect(
        201,
      );
    });

    it('of 5 concurrent creates with one name, exactly one wins', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => post(a.apiKey, { name: 'Race' })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    });

    it('a plain member may create unless onlyAdminsCreateTask; a project manager always', async () => {
      await post(member.apiKey, { name: 'By member' }).expect(201);
      await setWorkspaceSetting(t.app, a.workspace.id, 'onlyAdminsCreateTask', true);
      try {
        await post(member.apiKey, { name: 'By member 2' }).expect(403);
        await post(pm.apiKey, { name: 'By manager' }).expect(201);
      } finally {
        await setWorkspaceSetting(t.app, a.workspace.id, 'onlyAdminsCreateTask', false);
      }
    });
  });

  describe('GET tasks', () => {
    let listProject: string;
    beforeAll(async () => {
      listProject = await createProjectRow(t.app, a.workspace.id);
      const url = `/v1/workspaces/${a.workspace.id}/projects/${listProject}/tasks`;
      for (const [name, status] of [
        ['Beta', 'ACTIVE'],
        ['alpha', 'DONE'],
        ['Gamma', 'ACTIVE'],
        ['al_pha2', 'ACTIVE'],
      ]) {
        await post(a.apiKey, { name, status }, url).expect(201);
      }
    });
    const list = (key: string, query = '') =>
      request(t.http)
        .get(`/v1/workspaces/${a.workspace.id}/projects/${listProject}/tasks${query}`)
        .set('X-Api-Key', key);

    it('401, 400 and 404 as the ladder says', async () => {
      await request(t.http).get(base()).expect(401);
      await list(a.apiKey, '?page-size=0').expect(400);
      await list(a.apiKey, '?sort-column=COLOR').expect(400);
      await request(t.http)
        .get(`/v1/workspaces/${a.workspace.id}/projects/${bProject}/tasks`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .get(`/v1/workspaces/${a.workspace.id}/projects/${privateProject}/tasks`)
        .set('X-Api-Key', member.apiKey)
        .expect(404);
    });

    it('lists sorted by name with paging headers', async () => {
      const res = await list(member.apiKey).expect(200);
      expect(res.body.map((x: { name: string }) => x.name)).toEqual(['al_pha2', 'alpha', 'Beta', 'Gamma']);
      const page = await list(a.apiKey, '?page=2&page-size=3&sort-order=DESCENDING').expect(200);
      expect(page.body.map((x: { name: string }) => x.name)).toEqual(['al_pha2']);
      expect(page.headers['x-total-count']).toBe('4');
    });

    it('filters by name, strictly, and by activity', async () => {
      const contains = await list(a.apiKey, '?name=ALPHA').expect(200);
      expect(contains.body.map((x: { name: string }) => x.name)).toEqual(['alpha']);
      const underscore = await list(a.apiKey, '?name=l_p').expect(200);
      expect(underscore.body.map((x: { name: string }) => x.name)).toEqual(['al_pha2']);
      const strict = await list(a.apiKey, '?name=al&strict-name-search=true').expect(200);
      expect(strict.body).toEqual([]);
      const active = await list(a.apiKey, '?is-active=true').expect(200);
      expect(active.body.map((x: { name: string }) => x.name)).toEqual(['al_pha2', 'Beta', 'Gamma']);
      const done = await list(a.apiKey, '?is-active=false').expect(200);
      expect(done.body.map((x: { name: string; status: string }) => [x.name, x.status])).toEqual([['alpha', 'DONE']]);
      expect(done.headers['x-total-count']).toBe('1');
      const byId = await list(a.apiKey, '?sort-column=ID&sort-order=ASCENDING').expect(200);
      const ids = byId.body.map((x: { id: string }) => x.id);
      expect(ids).toEqual([...ids].sort());
    });
  });

  describe('GET, PUT, DELETE one task', () => {
    let taskId: string;
    const one = (id = taskId) => `${base()}/${id}`;
    beforeAll(async () => {
      taskId = (await post(a.apiKey, { name: 'Editable', assigneeIds: [member.user.id] }).expect(201)).body.id;
    });

    it('GET: 401, 400, 404 (other workspace, other project, missing), 200', async () => {
      await request(t.http).get(one()).expect(401);
      await request(t.http).get(one('bad')).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).get(one(bTask)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).get(one(MISSING_ID)).set('X-Api-Key', a.apiKey).expect(404);
      const otherProject = await createProjectRow(t.app, a.workspace.id);
      await request(t.http)
        .get(`/v1/workspaces/${a.workspace.id}/projects/${otherProject}/tasks/${taskId}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http).get(one()).set('X-Api-Key', member.apiKey).expect(200);
      expect(res.body).toMatchObject({
        id: taskId,
        name: 'Editable',
        assigneeIds: [member.user.id],
        assigneeId: member.user.id,
      });
    });

    it('PUT: 401, 403 for a plain member, 400, 404, 409, then 200 with the changes', async () => {
      await request(t.http).put(one()).send({ name: 'x' }).expect(401);
      await request(t.http).put(one()).set('X-Api-Key', member.apiKey).send({ name: 'x' }).expect(403);
      await request(t.http).put(one()).set('X-Api-Key', a.apiKey).send({ status: 'DONE' }).expect(400);
      await request(t.http).put(one(bTask)).set('X-Api-Key', a.apiKey).send({ name: 'x' }).expect(404);
      await request(t.http).put(one()).set('X-Api-Key', a.apiKey).send({ name: 'bugfixing' }).expect(409);
      const res = await request(t.http)
        .put(one())
        .set('X-Api-Key', pm.apiKey)
        .send({
          name: 'Edited',
          status: 'DONE',
          estimate: 'PT2H',
          billable: true,
          budgetEstimate: 500,
          assigneeIds: [],
          userGroupIds: [group],
        })
        .expect(200);
      expect(res.body).toMatchObject({
        id: taskId,
        name: 'Edited',
        status: 'DONE',
        estimate: 'PT2H',
        billable: true,
        budgetEstimate: 500,
        assigneeIds: [],
        assigneeId: null,
        userGroupIds: [group],
      });
      const kept = await request(t.http)
        .put(one())
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Edited again' })
        .expect(200);
      expect(kept.body).toMatchObject({ status: 'DONE', estimate: 'PT2H', userGroupIds: [group] });
      expect(await outboxEvents(t.app, taskId)).toEqual(['NEW_TASK', 'TASK_UPDATED', 'TASK_UPDATED']);
    });

    it('hourly-rate and cost-rate: 401, 403, 400, 404, then 200 with the rate in force', async () => {
      const rate = (kind: string, id = taskId) => `${one(id)}/${kind}`;
      await request(t.http).put(rate('hourly-rate')).send({ amount: 1 }).expect(401);
      await request(t.http).put(rate('hourly-rate')).set('X-Api-Key', member.apiKey).send({ amount: 1 }).expect(403);
      await request(t.http).put(rate('hourly-rate')).set('X-Api-Key', a.apiKey).send({ amount: -1 }).expect(400);
      await request(t.http)
        .put(rate('cost-rate'))
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 1, since: 'yesterday' })
        .expect(400);
      await request(t.http).put(rate('hourly-rate', bTask)).set('X-Api-Key', a.apiKey).send({ amount: 1 }).expect(404);
      const hourly = await request(t.http)
        .put(rate('hourly-rate'))
        .set('X-Api-Key', pm.apiKey)
        .send({ amount: 15000, since: '2020-01-01T00:00:00Z' })
        .expect(200);
      expect(hourly.body.hourlyRate).toEqual({ amount: 15000, currency: 'USD' });
      expect(hourly.body.costRate).toBeNull();
      const cost = await request(t.http)
        .put(rate('cost-rate'))
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 9000 })
        .expect(200);
      expect(cost.body).toMatchObject({
        hourlyRate: { amount: 15000, currency: 'USD' },
        costRate: { amount: 9000, currency: 'USD' },
      });
      const future = await request(t.http)
        .put(rate('hourly-rate'))
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 20000, since: '2999-01-01T00:00:00Z' })
        .expect(200);
      expect(future.body.hourlyRate).toEqual({ amount: 15000, currency: 'USD' });
      expect((await outboxEvents(t.app, taskId)).slice(-3)).toEqual(['TASK_UPDATED', 'TASK_UPDATED', 'TASK_UPDATED']);
    });

    it('DELETE: 401, 403, 404, then 200 with the task and a TASK_DELETED event', async () => {
      await request(t.http).delete(one()).expect(401);
      await request(t.http).delete(one()).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).delete(one(bTask)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).delete(one('123')).set('X-Api-Key', a.apiKey).expect(400);
      const res = await request(t.http).delete(one()).set('X-Api-Key', a.apiKey).expect(200);
      expect(res.body).toMatchObject({ id: taskId, name: 'Edited again', projectId: project });
      expect((await outboxEvents(t.app, taskId)).at(-1)).toBe('TASK_DELETED');
      await request(t.http).get(one()).set('X-Api-Key', a.apiKey).expect(404);
    });
  });
});
