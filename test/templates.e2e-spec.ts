import request from 'supertest';
import { DataSource } from 'typeorm';
import { newId } from '../src/common/utils/ids';
import { Account, createMember, createOwner, MISSING_ID, Owner } from './factories';
import { outboxEvents } from './factories/outbox';
import { insertProject } from './factories/projects';
import { startTestApp, TestApp } from './utils/test-app';

interface TemplateBody {
  id: string;
  name: string;
  projectsAndTasks: {
    projectId: string;
    taskId: string | null;
    project?: { id: string; name: string } | null;
    task?: { id: string; name: string } | null;
  }[];
  entries: {
    id: string;
    description: string;
    tagIds: string[];
    timeInterval: { start: string; end: string; duration: string };
  }[];
  weekStart: string | null;
  userId: string;
  workspaceId: string;
}

describe('Templates', () => {
  let t: TestApp;
  let db: DataSource;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  let other: Account;
  // Workspace A: a public project with an active and a done task, a private project, an archived project; B: a project and task.
  const p = { pub: '', priv: '', archived: '', b: '' };
  const k = { pub: '', done: '', priv: '', b: '' };
  let memberEntry = '';
  let otherEntry = '';
  let tagId = '';
  const base = (ws: string) => `/v1/workspaces/${ws}/templates`;
  const key = (acc: Account) => ({ 'X-Api-Key': acc.apiKey });

  const project = (ws: string, name: string, isPublic = true, archived = false): Promise<string> =>
    insertProject(t.app, ws, { name, isPublic, archived });
  async function task(ws: string, projectId: string, name: string, status = 'ACTIVE'): Promise<string> {
    const id = newId();
    await db.query('INSERT INTO tasks (id, workspace_id, project_id, name, status) VALUES ($1, $2, $3, $4, $5)', [
      id,
      ws,
      projectId,
      name,
      status,
    ]);
    return id;
  }
  async function entry(ws: string, userId: string, projectId: string, description: string): Promise<string> {
    const id = newId();
    await db.query(
      `INSERT INTO time_entries (id, workspace_id, user_id, project_id, description, start_at, end_at)
       VALUES ($1, $2, $3, $4, $5, '2024-01-15T09:00:00Z', '2024-01-15T10:30:00Z')`,
      [id, ws, userId, projectId, description],
    );
    return id;
  }
  const events = (entityId: string): Promise<string[]> => outboxEvents(t.app, entityId);
  async function createTemplate(acc: Account, ws: string, body: object): Promise<TemplateBody> {
    const res = await request(t.http).post(base(ws)).set(key(acc)).send([body]).expect(200);
    return (res.body as TemplateBody[])[0];
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
    other = await createMember(t.app, a.workspace.id);
    const A = a.workspace.id;
    p.pub = await project(A, 'Public');
    p.priv = await project(A, 'Private', false);
    p.archived = await project(A, 'Old', true, true);
    p.b = await project(b.workspace.id, 'B project');
    k.pub = await task(A, p.pub, 'Active task');
    k.done = await task(A, p.pub, 'Done task', 'DONE');
    k.priv = await task(A, p.priv, 'Private task');
    k.b = await task(b.workspace.id, p.b, 'B task');
    memberEntry = await entry(A, member.user.id, p.pub, 'Standup');
    otherEntry = await entry(A, other.user.id, p.pub, 'Not yours');
    tagId = newId();
    await db.query('INSERT INTO tags (id, workspace_id, name) VALUES ($1, $2, $3)', [tagId, A, `tpl-${tagId}`]);
    await db.query('INSERT INTO time_entry_tags (workspace_id, time_entry_id, tag_id) VALUES ($1, $2, $3)', [
      A,
      memberEntry,
      tagId,
    ]);
  });
  afterAll(() => t.app.close());

  describe('POST /templates', () => {
    const valid = () => ({ name: 'Week', projectsAndTasks: [{ projectId: p.pub, taskId: k.pub }] });

    it('401 without credentials, 403 for a non-member', async () => {
      await request(t.http).post(base(a.workspace.id)).send([valid()]).expect(401);
      await request(t.http).post(base(a.workspace.id)).set(key(b)).send([valid()]).expect(403);
    });

    it('400 for bad bodies, with errors keyed by index and field', async () => {
      const post = (body: unknown) =>
        request(t.http)
          .post(base(a.workspace.id))
          .set(key(member))
          .send(body as object)
          .expect(400);
      await post(valid());
      await post([]);
      await post(['text']);
      const missing = await post([{ projectsAndTasks: [] }]);
      expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: '[0].name' })]));
      await post([{ ...valid(), name: '   ' }]);
      await post([{ ...valid(), name: 'x'.repeat(101) }]);
      await post([{ name: 'No rows' }]);
      const unknown = await post([valid(), { ...valid(), color: 'red' }]);
      expect(unknown.body).toMatchObject({ code: 400, errors: [expect.objectContaining({ field: '[1].color' })] });
      await post([{ ...valid(), projectsAndTasks: [{ projectId: 'nope' }] }]);
      await post([{ ...valid(), projectsAndTasks: [{ projectId: p.pub, taskId: 'nope' }] }]);
      await post([{ ...valid(), projectsAndTasks: [{ projectId: p.pub, extra: 1 }] }]);
      await post([{ ...valid(), projectsAndTasks: [{ projectId: p.pub, type: 'HOLIDAY' }] }]);
      await post([{ ...valid(), weekStart: '2024-02-30' }]);
      await post([{ ...valid(), weekStart: '15.01.2024' }]);
      await post([{ ...valid(), timeEntryIds: ['nope'] }]);
      await post([{ ...valid(), timeEntryIds: [memberEntry, memberEntry] }]);
    });

    it("404 for projects/tasks of another workspace, missing or invisible ones and others' entries; 400 for a task of another project", async () => {
      const post = (rows: object[], extra: object = {}) =>
        request(t.http)
          .post(base(a.workspace.id))
          .set(key(member))
          .send([{ name: 'Bad', projectsAndTasks: rows, ...extra }]);
      expect((await post([{ projectId: p.b }])).status).toBe(404);
      expect((await post([{ projectId: MISSING_ID }])).status).toBe(404);
      expect((await post([{ projectId: p.priv }])).status).toBe(404);
      expect((await post([{ projectId: p.pub, taskId: MISSING_ID }])).status).toBe(404);
      expect((await post([{ projectId: p.pub, taskId: k.b }])).status).toBe(404);
      expect((await post([{ projectId: p.pub }], { timeEntryIds: [otherEntry] })).status).toBe(404);
      const wrong = await post([{ projectId: p.pub, taskId: k.priv }]);
      expect(wrong.status).toBe(400);
      const rows: unknown[] = await db.query(`SELECT 1 FROM templates WHERE workspace_id = $1 AND name = 'Bad'`, [
        a.workspace.id,
      ]);
      expect(rows).toHaveLength(0);
    });

    it('a member creates several templates at once (200), rows deduplicated, entries resolved, TEMPLATE_CREATED recorded', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set(key(member))
        .send([
          {
            name: ' My week ',
            projectsAndTasks: [
              { projectId: p.pub, taskId: k.pub },
              { projectId: p.pub, taskId: k.pub },
              { projectId: p.pub },
            ],
            timeEntryIds: [memberEntry],
            weekStart: '2024-01-15',
          },
          { name: 'Empty', projectsAndTasks: [] },
        ])
        .expect(200);
      const [first, second] = res.body as TemplateBody[];
      expect(first).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'My week',
        projectsAndTasks: [
          { projectId: p.pub, taskId: k.pub },
          { projectId: p.pub, taskId: null },
        ],
        entries: [
          expect.objectContaining({
            id: memberEntry,
            description: 'Standup',
            projectId: p.pub,
            taskId: null,
            tagIds: [tagId],
            type: 'REGULAR',
            timeInterval: { start: '2024-01-15T09:00:00Z', end: '2024-01-15T10:30:00Z', duration: 'PT1H30M' },
            userId: member.user.id,
            workspaceId: a.workspace.id,
            customFieldValues: [],
          }),
        ],
        weekStart: '2024-01-15',
        userId: member.user.id,
        workspaceId: a.workspace.id,
      });
      expect(second).toMatchObject({ name: 'Empty', projectsAndTasks: [], entries: [], weekStart: null });
      expect(await events(first.id)).toEqual(['TEMPLATE_CREATED']);
      expect(await events(second.id)).toEqual(['TEMPLATE_CREATED']);
      const [row] = (await db.query('SELECT user_id, project_and_tasks FROM templates WHERE id = $1', [first.id])) as {
        user_id: string;
        project_and_tasks: unknown;
      }[];
      expect(row).toEqual({
        user_id: member.user.id,
        project_and_tasks: [
          { projectId: p.pub, taskId: k.pub },
          { projectId: p.pub, taskId: null },
        ],
      });
    });

    it('one bad template in the array creates none; an admin may use private projects', async () => {
      await request(t.http)
        .post(base(a.workspace.id))
        .set(key(member))
        .send([
          { name: 'Atomic ok', projectsAndTasks: [] },
          { name: 'Atomic bad', projectsAndTasks: [{ projectId: p.priv }] },
        ])
        .expect(404);
      const rows: unknown[] = await db.query(`SELECT 1 FROM templates WHERE name LIKE 'Atomic%'`);
      expect(rows).toHaveLength(0);
      const made = await createTemplate(admin, a.workspace.id, {
        name: 'Admin private',
        projectsAndTasks: [{ projectId: p.priv, taskId: k.priv }],
      });
      expect(made).toMatchObject({ userId: admin.user.id, projectsAndTasks: [{ projectId: p.priv, taskId: k.priv }] });
    });
  });

  describe('GET /templates', () => {
    let owner: Owner;
    let user: Account;
    beforeAll(async () => {
      owner = await createOwner(t.app, 'Lister');
      user = await createMember(t.app, owner.workspace.id);
      const ws = owner.workspace.id;
      const live = await project(ws, 'Live');
      const old = await project(ws, 'Gone', true, true);
      const active = await task(ws, live, 'Doing');
      const done = await task(ws, live, 'Finished', 'DONE');
      await createTemplate(user, ws, {
        name: 'Beta week',
        projectsAndTasks: [{ projectId: live, taskId: active }, { projectId: live, taskId: done }, { projectId: old }],
      });
      await createTemplate(user, ws, { name: 'Alpha week', projectsAndTasks: [{ projectId: live }] });
      await createTemplate(user, ws, { name: 'Gamma', projectsAndTasks: [] });
      await createTemplate(owner, ws, { name: 'Owner week', projectsAndTasks: [] });
    });

    it('401, 403 for a non-member, 400 for bad query values', async () => {
      await request(t.http).get(base(owner.workspace.id)).expect(401);
      await request(t.http).get(base(owner.workspace.id)).set(key(a)).expect(403);
      await request(t.http).get(base(owner.workspace.id)).set(key(user)).query({ 'page-size': 0 }).expect(400);
      await request(t.http).get(base(owner.workspace.id)).set(key(user)).query({ 'page-size': 1001 }).expect(400);
      await request(t.http).get(base(owner.workspace.id)).set(key(user)).query({ cleansed: 'maybe' }).expect(400);
      await request(t.http).get(base(owner.workspace.id)).set(key(user)).query({ unknown: 1 }).expect(400);
    });

    it("lists only the caller's own templates, by name, with name filter and page headers", async () => {
      const all = await request(t.http).get(base(owner.workspace.id)).set(key(user)).expect(200);
      expect((all.body as TemplateBody[]).map((x) => x.name)).toEqual(['Alpha week', 'Beta week', 'Gamma']);
      expect(all.headers['x-total-count']).toBe('3');
      const ownerList = await request(t.http).get(base(owner.workspace.id)).set(key(owner)).expect(200);
      expect((ownerList.body as TemplateBody[]).map((x) => x.name)).toEqual(['Owner week']);
      const filtered = await request(t.http)
        .get(base(owner.workspace.id))
        .set(key(user))
        .query({ name: 'WEEK' })
        .expect(200);
      expect((filtered.body as TemplateBody[]).map((x) => x.name)).toEqual(['Alpha week', 'Beta week']);
      const page2 = await request(t.http)
        .get(base(owner.workspace.id))
        .set(key(user))
        .query({ page: 2, 'page-size': 2 })
        .expect(200);
      expect((page2.body as TemplateBody[]).map((x) => x.name)).toEqual(['Gamma']);
      expect(page2.headers).toMatchObject({
        'x-total-count': '3',
        'x-page': '2',
        'x-page-size': '2',
        'last-page': 'true',
      });
      expect(
        await request(t.http)
          .get(base(a.workspace.id))
          .set(key(a))
          .then((r) => (r.body as TemplateBody[]).length),
      ).toBe(0);
    });

    it('cleansed drops archived projects and done tasks; hydrated adds the project and task', async () => {
      const plain = await request(t.http)
        .get(base(owner.workspace.id))
        .set(key(user))
        .query({ name: 'Beta' })
        .expect(200);
      expect((plain.body as TemplateBody[])[0].projectsAndTasks).toHaveLength(3);
      expect((plain.body as TemplateBody[])[0].projectsAndTasks[0]).not.toHaveProperty('project');
      const res = await request(t.http)
        .get(base(owner.workspace.id))
        .set(key(user))
        .query({ name: 'Beta', cleansed: true, hydrated: 'true' })
        .expect(200);
      const [rowsOnly] = (res.body as TemplateBody[]).map((x) => x.projectsAndTasks);
      expect(rowsOnly).toEqual([
        expect.objectContaining({
          project: expect.objectContaining({ name: 'Live', archived: false }),
          task: expect.objectContaining({ name: 'Doing', status: 'ACTIVE' }),
        }),
      ]);
    });
  });

  describe('GET /templates/:id', () => {
    let mine: TemplateBody;
    let inB: TemplateBody;
    beforeAll(async () => {
      mine = await createTemplate(member, a.workspace.id, {
        name: 'Read me',
        projectsAndTasks: [{ projectId: p.pub, taskId: k.done }],
        weekStart: '2024-03-04',
      });
      inB = await createTemplate(b, b.workspace.id, {
        name: 'B tpl',
        projectsAndTasks: [{ projectId: p.b, taskId: k.b }],
      });
    });

    it("401, 403, 400 for a malformed id, 404 for missing, another workspace's and another user's templates", async () => {
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .expect(401);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(b))
        .expect(403);
      await request(t.http)
        .get(`${base(a.workspace.id)}/nope`)
        .set(key(member))
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${MISSING_ID}`)
        .set(key(member))
        .expect(404);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${inB.id}`)
        .set(key(a))
        .expect(404);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(other))
        .expect(404);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(admin))
        .expect(404);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .query({ hydrated: 'yes' })
        .expect(400);
    });

    it('returns the template; cleansed/hydrated apply', async () => {
      const res = await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .expect(200);
      expect(res.body).toEqual({
        id: mine.id,
        name: 'Read me',
        projectsAndTasks: [{ projectId: p.pub, taskId: k.done }],
        entries: [],
        weekStart: '2024-03-04',
        userId: member.user.id,
        workspaceId: a.workspace.id,
      });
      const hydrated = await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .query({ hydrated: true })
        .expect(200);
      expect(hydrated.body.projectsAndTasks).toEqual([
        {
          projectId: p.pub,
          taskId: k.done,
          project: expect.objectContaining({ id: p.pub, name: 'Public', public: true }),
          task: { id: k.done, name: 'Done task', projectId: p.pub, status: 'DONE' },
        },
      ]);
      const cleansed = await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .query({ cleansed: true })
        .expect(200);
      expect(cleansed.body.projectsAndTasks).toEqual([]);
    });
  });

  describe('PATCH /templates/:id', () => {
    let mine: TemplateBody;
    let inB: TemplateBody;
    beforeAll(async () => {
      mine = await createTemplate(member, a.workspace.id, {
        name: 'Rename me',
        projectsAndTasks: [{ projectId: p.pub }],
        timeEntryIds: [memberEntry],
      });
      inB = await createTemplate(b, b.workspace.id, { name: 'B patch', projectsAndTasks: [] });
    });

    it("401, 403, 400 for malformed id and bad bodies, 404 for another workspace's and another user's templates", async () => {
      const url = `${base(a.workspace.id)}/${mine.id}`;
      await request(t.http).patch(url).send({ name: 'x' }).expect(401);
      await request(t.http).patch(url).set(key(b)).send({ name: 'x' }).expect(403);
      await request(t.http)
        .patch(`${base(a.workspace.id)}/nope`)
        .set(key(member))
        .send({ name: 'x' })
        .expect(400);
      await request(t.http).patch(url).set(key(member)).send({}).expect(400);
      await request(t.http).patch(url).set(key(member)).send({ name: ' ' }).expect(400);
      await request(t.http)
        .patch(url)
        .set(key(member))
        .send({ name: 'y'.repeat(101) })
        .expect(400);
      await request(t.http).patch(url).set(key(member)).send({ name: 'ok', projectsAndTasks: [] }).expect(400);
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${inB.id}`)
        .set(key(a))
        .send({ name: 'x' })
        .expect(404);
      await request(t.http).patch(url).set(key(other)).send({ name: 'x' }).expect(404);
      await request(t.http)
        .patch(`${base(a.workspace.id)}/${MISSING_ID}`)
        .set(key(member))
        .send({ name: 'x' })
        .expect(404);
      const [row] = (await db.query('SELECT name FROM templates WHERE id = $1', [mine.id])) as { name: string }[];
      expect(row.name).toBe('Rename me');
    });

    it('renames (trimmed), keeps the rest, records TEMPLATE_UPDATED', async () => {
      const res = await request(t.http)
        .patch(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .send({ name: ' Renamed ' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: mine.id,
        name: 'Renamed',
        projectsAndTasks: [{ projectId: p.pub, taskId: null }],
        userId: member.user.id,
      });
      expect((res.body as TemplateBody).entries.map((e) => e.id)).toEqual([memberEntry]);
      const again = await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .expect(200);
      expect(again.body.name).toBe('Renamed');
      expect(await events(mine.id)).toEqual(['TEMPLATE_CREATED', 'TEMPLATE_UPDATED']);
    });
  });

  describe('DELETE /templates/:id', () => {
    let mine: TemplateBody;
    let inB: TemplateBody;
    beforeAll(async () => {
      mine = await createTemplate(member, a.workspace.id, {
        name: 'Delete me',
        projectsAndTasks: [{ projectId: p.pub, taskId: k.pub }],
      });
      inB = await createTemplate(b, b.workspace.id, { name: 'B delete', projectsAndTasks: [] });
    });

    it("401, 403, 400 for a malformed id, 404 for another workspace's and another user's templates", async () => {
      const url = `${base(a.workspace.id)}/${mine.id}`;
      await request(t.http).delete(url).expect(401);
      await request(t.http).delete(url).set(key(b)).expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/nope`)
        .set(key(member))
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${inB.id}`)
        .set(key(a))
        .expect(404);
      await request(t.http).delete(url).set(key(other)).expect(404);
      await request(t.http).delete(url).set(key(admin)).expect(404);
      const rows: unknown[] = await db.query('SELECT 1 FROM templates WHERE id = ANY($1)', [[mine.id, inB.id]]);
      expect(rows).toHaveLength(2);
    });

    it('deletes (200 with the template), then 404; TEMPLATE_DELETED recorded', async () => {
      const res = await request(t.http)
        .delete(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .expect(200);
      expect(res.body).toEqual({
        id: mine.id,
        name: 'Delete me',
        projectsAndTasks: [{ projectId: p.pub, taskId: k.pub }],
        entries: [],
        weekStart: null,
        userId: member.user.id,
        workspaceId: a.workspace.id,
      });
      await request(t.http)
        .get(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .expect(404);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${mine.id}`)
        .set(key(member))
        .expect(404);
      expect(await events(mine.id)).toEqual(['TEMPLATE_CREATED', 'TEMPLATE_DELETED']);
    });
  });

  it('is described in /docs-json (array body, TemplateDto responses)', async () => {
    const res = await request(t.http).get('/docs-json').expect(200);
    const doc = res.body as {
      paths: Record<
        string,
        Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const list = doc.paths['/v1/workspaces/{workspaceId}/templates'];
    expect(list.get.operationId).toBe('getTemplates');
    expect(list.post.requestBody?.content['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/TemplateRequestDto' },
    });
    expect(Object.keys(doc.paths['/v1/workspaces/{workspaceId}/templates/{templateId}']).sort()).toEqual([
      'delete',
      'get',
      'patch',
    ]);
    expect(Object.keys(doc.components.schemas.TemplateDto.properties)).toEqual(
      expect.arrayContaining(['id', 'name', 'projectsAndTasks', 'entries', 'weekStart', 'userId', 'workspaceId']),
    );
    expect(Object.keys(doc.components.schemas.TemplateRequestDto.properties).sort()).toEqual([
      'name',
      'projectsAndTasks',
      'timeEntryIds',
      'weekStart',
    ]);
  });
});
