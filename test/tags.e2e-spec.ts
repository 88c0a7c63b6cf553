import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, MISSING_ID, Owner } from './factories';
import { catalogEvents, createTagRow, setCatalogSetting } from './factories/catalog';
import { startTestApp, TestApp } from './utils/test-app';

describe('Tags', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  const base = (ws: string) => `/v1/workspaces/${ws}/tags`;
  const names = (body: { name: string }[]) => body.map((x) => x.name);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
  });
  afterAll(() => t.app.close());

  describe('POST /tags', () => {
    it('401 without credentials, 400 for bad bodies', async () => {
      await request(t.http).post(base(a.workspace.id)).send({ name: 'X' }).expect(401);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({}).expect(400);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({ name: ' ' }).expect(400);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'y'.repeat(101) })
        .expect(400);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'ok', color: 'red' })
        .expect(400);
    });

    it('an admin creates a tag (trimmed) and NEW_TAG is recorded', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ name: ' Sprint1 ' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Sprint1',
        archived: false,
        workspaceId: a.workspace.id,
      });
      expect(await catalogEvents(t.app, res.body.id)).toEqual(['NEW_TAG']);
    });

    it('a plain member creates tags unless onlyAdminsCreateTag is on (then 403)', async () => {
      const ws = await createOwner(t.app, 'Tagger');
      const plain = await createMember(t.app, ws.workspace.id);
      await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', plain.apiKey)
        .send({ name: 'by member' })
        .expect(201);
      await setCatalogSetting(t.app, ws.workspace.id, 'onlyAdminsCreateTag', true);
      await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', plain.apiKey)
        .send({ name: 'refused' })
        .expect(403);
      await request(t.http)
        .post(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .send({ name: 'by owner' })
        .expect(201);
    });

    it('409 for a duplicate name (case-insensitive) naming it; 5 concurrent creates: one 201, four 409', async () => {
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({ name: 'dup' }).expect(201);
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'DUP' })
        .expect(409);
      expect(res.body).toEqual({ code: 409, message: "Tag with name 'DUP' already exists" });
      await request(t.http).post(base(b.workspace.id)).set('X-Api-Key', b.apiKey).send({ name: 'dup' }).expect(201);
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({ name: 'race tag' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const rows: unknown[] = await t.app
        .get(DataSource)
        .query(`SELECT 1 FROM tags WHERE workspace_id = $1 AND name = 'race tag'`, [a.workspace.id]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('GET /tags', () => {
    let ws: Owner;
    let ids: Record<string, string>;
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lister');
      ids = {
        applications: await createTagRow(t.app, ws.workspace.id, 'applications'),
        app: await createTagRow(t.app, ws.workspace.id, 'App'),
        backend: await createTagRow(t.app, ws.workspace.id, 'backend'),
        old: await createTagRow(t.app, ws.workspace.id, 'old app', true),
      };
    });

    it('401, 403 for a stranger, 400 for bad query values', async () => {
      await request(t.http).get(base(ws.workspace.id)).expect(401);
      await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', a.apiKey).expect(403);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'sort-column': 'COLOR' })
        .expect(400);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'excluded-ids': 'nope' })
        .expect(400);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'page-size': 1001 })
        .expect(400);
    });

    it('lists active tags by name by default (a member may list), with paging headers', async () => {
      const plain = await createMember(t.app, ws.workspace.id);
      const res = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', plain.apiKey).expect(200);
      expect(names(res.body)).toEqual(['App', 'applications', 'backend']);
      expect(res.headers['x-total-count']).toBe('3');
      const page = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ page: 1, 'page-size': 2, 'sort-order': 'DESCENDING' })
        .expect(200);
      expect(names(page.body)).toEqual(['backend', 'applications']);
      expect(page.headers['last-page']).toBe('false');
      const archived = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ archived: true })
        .expect(200);
      expect(names(archived.body)).toEqual(['old app']);
    });

    it('filters by name (contains or strict), excluded ids, sorts by id', async () => {
      const loose = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ name: 'app' })
        .expect(200);
      expect(names(loose.body)).toEqual(['App', 'applications']);
      const strict = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ name: 'app', 'strict-name-search': true })
        .expect(200);
      expect(names(strict.body)).toEqual(['App']);
      const excluded = await request(t.http)
        .get(`${base(ws.workspace.id)}?excluded-ids=${ids.app}&excluded-ids=${ids.backend}`)
        .set('X-Api-Key', ws.apiKey)
        .expect(200);
      expect(names(excluded.body)).toEqual(['applications']);
      const byId = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'sort-column': 'ID' })
        .expect(200);
      expect(byId.body.map((x: { id: string }) => x.id)).toEqual([ids.applications, ids.app, ids.backend].sort());
    });
  });

  describe('GET /tags/{id}', () => {
    it('401, 400 malformed, 404 other workspace and missing, 200 with values', async () => {
      const id = await createTagRow(t.app, a.workspace.id, 'gettable');
      const other = await createTagRow(t.app, b.workspace.id);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .get(`${base(a.workspace.id)}/123`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${MISSING_ID}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(res.body).toEqual({ id, name: 'gettable', archived: false, workspaceId: a.workspace.id });
    });
  });

  describe('PUT /tags/{id}', () => {
    it('401, 403 member, 400 malformed and bad body, 404 other workspace', async () => {
      const id = await createTagRow(t.app, a.workspace.id);
      const other = await createTagRow(t.app, b.workspace.id);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .send({ name: 'n' })
        .expect(401);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .send({ name: 'n' })
        .expect(403);
      await request(t.http)
        .put(`${base(a.workspace.id)}/zz`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'n' })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ archived: 'yes' })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'n' })
        .expect(404);
    });

    it('renames and archives, records TAG_UPDATED, 409 on a taken name', async () => {
      const id = await createTagRow(t.app, a.workspace.id, 'to rename');
      await createTagRow(t.app, a.workspace.id, 'taken tag');
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .send({ name: 'renamed', archived: true })
        .expect(200);
      expect(res.body).toEqual({ id, name: 'renamed', archived: true, workspaceId: a.workspace.id });
      const only = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ archived: false })
        .expect(200);
      expect(only.body).toMatchObject({ name: 'renamed', archived: false });
      expect(await catalogEvents(t.app, id)).toEqual(['TAG_UPDATED', 'TAG_UPDATED']);
      const conflict = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Taken Tag' })
        .expect(409);
      expect(conflict.body.message).toBe("Tag with name 'Taken Tag' already exists");
    });
  });

  describe('DELETE /tags/{id}', () => {
    it('401, 403 member, 400 malformed, 404 other workspace; deletes with TAG_DELETED', async () => {
      const id = await createTagRow(t.app, a.workspace.id, 'doomed');
      const other = await createTagRow(t.app, b.workspace.id);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/bad`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .expect(200);
      expect(res.body).toEqual({ id, name: 'doomed', archived: false, workspaceId: a.workspace.id });
      expect(await catalogEvents(t.app, id)).toEqual(['TAG_DELETED']);
      await request(t.http)
        .get(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .get(`${base(b.workspace.id)}/${other}`)
        .set('X-Api-Key', b.apiKey)
        .expect(200);
    });
  });
});
