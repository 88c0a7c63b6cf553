import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import { addProjectGroupRow, catalogEvents, createCatalogProjectRow, createGroupRow } from './factories/catalog';
import { startTestApp, TestApp } from './utils/test-app';

describe('User groups', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  const base = (ws: string) => `/v1/workspaces/${ws}/user-groups`;
  const names = (body: { name: string }[]) => body.map((x) => x.name);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Plain' });
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
  });
  afterAll(() => t.app.close());

  describe('POST /user-groups', () => {
    it('401, 403 member, 400 bad bodies', async () => {
      await request(t.http).post(base(a.workspace.id)).send({ name: 'g' }).expect(401);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', member.apiKey).send({ name: 'g' }).expect(403);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({}).expect(400);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({ name: '' }).expect(400);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'g'.repeat(101) })
        .expect(400);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'g', usreIds: [] })
        .expect(400);
      // userIds is a read-only field of a group (members change through /users): accepted and ignored.
      const copied = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Copied group', userIds: [member.user.id] })
        .expect(201);
      expect(copied.body).toMatchObject({ name: 'Copied group', userIds: [] });
    });

    it('creates a group with USER_GROUP_CREATED; duplicates 409; 5 concurrent creates: one wins', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', admin.apiKey)
        .send({ name: ' development_team ' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'development_team',
        workspaceId: a.workspace.id,
        userIds: [],
        teamManagers: [],
      });
      expect(await catalogEvents(t.app, res.body.id)).toEqual(['USER_GROUP_CREATED']);
      const dup = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Development_Team' })
        .expect(409);
      expect(dup.body).toEqual({ code: 409, message: "User group with name 'Development_Team' already exists" });
      await request(t.http)
        .post(base(b.workspace.id))
        .set('X-Api-Key', b.apiKey)
        .send({ name: 'development_team' })
        .expect(201);
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send({ name: 'race group' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    });
  });

  describe('GET /user-groups', () => {
    let ws: Owner;
    let m1: Account;
    let m2: Account;
    let ids: Record<string, string>;
    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lister');
      m1 = await createMember(t.app, ws.workspace.id, { name: 'Zed' });
      m2 = await createMember(t.app, ws.workspace.id, { name: 'Amy' });
      ids = {
        devs: await createGroupRow(t.app, ws.workspace.id, 'Devs', [m1.user.id, m2.user.id]),
        design: await createGroupRow(t.app, ws.workspace.id, 'design', [m2.user.id]),
        ops: await createGroupRow(t.app, ws.workspace.id, 'Ops'),
      };
      await grantRole(t.app, ws.workspace.id, m1.user.id, 'TEAM_MANAGER', ids.devs, 'USER_GROUP');
      await grantRole(t.app, ws.workspace.id, m2.user.id, 'TEAM_MANAGER', ids.devs, 'USER_GROUP');
    });

    it('401, 403 stranger, 400 bad query', async () => {
      await request(t.http).get(base(ws.workspace.id)).expect(401);
      await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', a.apiKey).expect(403);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'project-id': 'nope' })
        .expect(400);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'sort-order': 'SIDEWAYS' })
        .expect(400);
    });

    it('lists groups by name with their members; team managers only when asked', async () => {
      const res = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', m1.apiKey).expect(200);
      expect(names(res.body)).toEqual(['design', 'Devs', 'Ops']);
      expect(res.headers['x-total-count']).toBe('3');
      const devs = res.body[1];
      expect(devs).toEqual({
        id: ids.devs,
        name: 'Devs',
        workspaceId: ws.workspace.id,
        userIds: [m1.user.id, m2.user.id].sort(),
        teamManagers: [],
      });
      expect(res.body[2].userIds).toEqual([]);
      const withManagers = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ includeTeamManagers: true, name: 'dev' })
        .expect(200);
      expect(withManagers.body).toHaveLength(1);
      expect(withManagers.body[0].teamManagers).toEqual([
        { id: m2.user.id, name: 'Amy' },
        { id: m1.user.id, name: 'Zed' },
      ]);
      const page = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'sort-order': 'DESCENDING', 'page-size': 2, page: 2 })
        .expect(200);
      expect(names(page.body)).toEqual(['design']);
    });

    it('filters by project membership', async () => {
      const project = await createCatalogProjectRow(t.app, ws.workspace.id);
      await addProjectGroupRow(t.app, ws.workspace.id, project, ids.ops);
      const res = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'project-id': project })
        .expect(200);
      expect(names(res.body)).toEqual(['Ops']);
      const none = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'project-id': MISSING_ID })
        .expect(200);
      expect(none.body).toEqual([]);
    });
  });

  describe('PUT /user-groups/{id}', () => {
    it('401, 403 member, 400 malformed and bad body, 404 other workspace; renames with USER_GROUP_UPDATED; 409', async () => {
      const id = await createGroupRow(t.app, a.workspace.id, 'old name', [member.user.id]);
      const other = await createGroupRow(t.app, b.workspace.id);
      await createGroupRow(t.app, a.workspace.id, 'taken group');
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
        .put(`${base(a.workspace.id)}/xyz`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'n' })
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({})
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'n' })
        .expect(404);
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', admin.apiKey)
        .send({ name: 'new name' })
        .expect(200);
      expect(res.body).toEqual({
        id,
        name: 'new name',
        workspaceId: a.workspace.id,
        userIds: [member.user.id],
        teamManagers: [],
      });
      expect(await catalogEvents(t.app, id)).toEqual(['USER_GROUP_UPDATED']);
      const conflict = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'TAKEN group' })
        .expect(409);
      expect(conflict.body.message).toBe("User group with name 'TAKEN group' already exists");
    });
  });

  describe('DELETE /user-groups/{id}', () => {
    it('401, 403 member, 400 malformed, 404 other workspace; deletes with members, roles and USER_GROUP_DELETED', async () => {
      const id = await createGroupRow(t.app, a.workspace.id, 'doomed group', [member.user.id]);
      await grantRole(t.app, a.workspace.id, admin.user.id, 'TEAM_MANAGER', id, 'USER_GROUP');
      const other = await createGroupRow(t.app, b.workspace.id);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/1`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${other}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        name: 'doomed group',
        userIds: [member.user.id],
        teamManagers: [{ id: admin.user.id, name: 'Member' }],
      });
      expect(await catalogEvents(t.app, id)).toEqual(['USER_GROUP_DELETED']);
      const db = t.app.get(DataSource);
      expect(await db.query(`SELECT 1 FROM user_group_members WHERE user_group_id = $1`, [id])).toHaveLength(0);
      expect(await db.query(`SELECT 1 FROM member_roles WHERE entity_id = $1`, [id])).toHaveLength(0);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'x' })
        .expect(404);
    });
  });

  describe('POST /user-groups/{userGroupId}/users', () => {
    it('401, 403 member, 400 malformed ids, 404 other workspace group or non-member user', async () => {
      const id = await createGroupRow(t.app, a.workspace.id);
      const other = await createGroupRow(t.app, b.workspace.id);
      const url = `${base(a.workspace.id)}/${id}/users`;
      await request(t.http).post(url).send({ userId: member.user.id }).expect(401);
      await request(t.http).post(url).set('X-Api-Key', member.apiKey).send({ userId: member.user.id }).expect(403);
      await request(t.http)
        .post(`${base(a.workspace.id)}/bad/users`)
        .set('X-Api-Key', a.apiKey)
        .send({ userId: member.user.id })
        .expect(400);
      await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ userId: 'bad' }).expect(400);
      await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({}).expect(400);
      await request(t.http)
        .post(`${base(a.workspace.id)}/${other}/users`)
        .set('X-Api-Key', a.apiKey)
        .send({ userId: member.user.id })
        .expect(404);
      const res = await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ userId: b.user.id }).expect(404);
      expect(res.body.message).toBe('User not found');
    });

    it('adds a member (200, USER_GROUP_UPDATED); adding again changes nothing', async () => {
      const id = await createGroupRow(t.app, a.workspace.id, 'joinable');
      const url = `${base(a.workspace.id)}/${id}/users`;
      const res = await request(t.http)
        .post(url)
        .set('X-Api-Key', admin.apiKey)
        .send({ userId: member.user.id })
        .expect(200);
      expect(res.body).toEqual({
        id,
        name: 'joinable',
        workspaceId: a.workspace.id,
        userIds: [member.user.id],
        teamManagers: [],
      });
      const again = await request(t.http)
        .post(url)
        .set('X-Api-Key', a.apiKey)
        .send({ userId: member.user.id })
        .expect(200);
      expect(again.body.userIds).toEqual([member.user.id]);
      const both = await request(t.http).post(url).set('X-Api-Key', a.apiKey).send({ userId: a.user.id }).expect(200);
      expect(both.body.userIds).toEqual([member.user.id, a.user.id].sort());
      expect(await catalogEvents(t.app, id)).toEqual(['USER_GROUP_UPDATED', 'USER_GROUP_UPDATED']);
    });
  });

  describe('DELETE /user-groups/{userGroupId}/users/{userId}', () => {
    it('401, 403 member, 400 malformed, 404 other workspace or not in the group; removes with USER_GROUP_UPDATED', async () => {
      const id = await createGroupRow(t.app, a.workspace.id, 'leavable', [member.user.id, admin.user.id]);
      const other = await createGroupRow(t.app, b.workspace.id, undefined, [b.user.id]);
      const url = `${base(a.workspace.id)}/${id}/users/${member.user.id}`;
      await request(t.http).delete(url).expect(401);
      await request(t.http).delete(url).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}/users/bad`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${other}/users/${b.user.id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}/users/${a.user.id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http).delete(url).set('X-Api-Key', admin.apiKey).expect(200);
      expect(res.body).toEqual({
        id,
        name: 'leavable',
        workspaceId: a.workspace.id,
        userIds: [admin.user.id],
        teamManagers: [],
      });
      expect(await catalogEvents(t.app, id)).toEqual(['USER_GROUP_UPDATED']);
      await request(t.http).delete(url).set('X-Api-Key', a.apiKey).expect(404);
    });
  });
});
