import request from 'supertest';
import { DataSource } from 'typeorm';
import { createMember, createOwner, grantRole, MISSING_ID, Owner, type Account } from './factories';
import { createProjectRow, outboxEvents } from './factories/tasks';
import { startTestApp, TestApp } from './utils/test-app';

describe('Custom fields', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let admin: Account;
  let pm: Account;
  let project: string;
  let privateProject: string;
  let bProject: string;
  let bField: string;
  const base = () => `/v1/workspaces/${a.workspace.id}/custom-fields`;
  const create = (key: string, body: object, url = base()) =>
    request(t.http).post(url).set('X-Api-Key', key).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id);
    admin = await createMember(t.app, a.workspace.id, { role: 'WORKSPACE_ADMIN' });
    pm = await createMember(t.app, a.workspace.id);
    project = await createProjectRow(t.app, a.workspace.id);
    privateProject = await createProjectRow(t.app, a.workspace.id, { isPublic: false });
    await grantRole(t.app, a.workspace.id, pm.user.id, 'PROJECT_MANAGER', project);
    bProject = await createProjectRow(t.app, b.workspace.id);
    bField = (
      await create(b.apiKey, { name: 'B field', type: 'TXT' }, `/v1/workspaces/${b.workspace.id}/custom-fields`).expect(
        201,
      )
    ).body.id;
  });
  afterAll(() => t.app.close());

  describe('POST custom-fields', () => {
    it('401 without credentials, 403 for a plain member', async () => {
      await request(t.http).post(base()).send({ name: 'x', type: 'TXT' }).expect(401);
      await create(member.apiKey, { name: 'x', type: 'TXT' }).expect(403);
    });

    it('400 for bad bodies and default values that do not fit the type', async () => {
      const bad: object[] = [
        { name: 'x' },
        { name: 'x', type: 'DATE' },
        { name: 'x', type: 'TXT', extra: true },
        { name: 'x', type: 'TXT', entityType: 'PROJECT' },
        { name: 'x', type: 'DROPDOWN_SINGLE' },
        { name: 'x', type: 'DROPDOWN_MULTIPLE', allowedValues: [] },
        { name: 'x', type: 'NUMBER', workspaceDefaultValue: 'ten' },
        { name: 'x', type: 'CHECKBOX', workspaceDefaultValue: 'true' },
        { name: 'x', type: 'DROPDOWN_SINGLE', allowedValues: ['a'], workspaceDefaultValue: 'b' },
        { name: 'x', type: 'DROPDOWN_MULTIPLE', allowedValues: ['a'], workspaceDefaultValue: 'a' },
        { name: 'x', type: 'LINK', workspaceDefaultValue: 'not a url' },
        { name: 'x', type: 'TXT', workspaceDefaultValue: 5 },
      ];
      for (const body of bad) {
        const res = await create(a.apiKey, body);
        expect([res.status, body]).toEqual([400, body]);
      }
    });

    it('201 for every type with a fitting default, and a CUSTOM_FIELD_CREATED event', async () => {
      const cases: [string, object, unknown][] = [
        ['TXT', {}, 'hello'],
        ['NUMBER', {}, 42.5],
        ['CHECKBOX', {}, true],
        ['LINK', {}, 'https://example.com'],
        ['DROPDOWN_SINGLE', { allowedValues: ['London', 'Manila'] }, 'Manila'],
        ['DROPDOWN_MULTIPLE', { allowedValues: ['London', 'Manila'] }, ['London', 'Manila']],
      ];
      for (const [type, extra, value] of cases) {
        const res = await create(admin.apiKey, {
          name: `Field ${type}`,
          type,
          ...extra,
          workspaceDefaultValue: value,
        }).expect(201);
        expect(res.body).toMatchObject({
          type,
          workspaceDefaultValue: value,
          workspaceId: a.workspace.id,
          entityType: 'TIMEENTRY',
          status: 'VISIBLE',
        });
        expect(await outboxEvents(t.app, res.body.id)).toEqual(['CUSTOM_FIELD_CREATED']);
      }
      const full = await create(a.apiKey, {
        name: 'Location',
        type: 'DROPDOWN_SINGLE',
        entityType: 'USER',
        description: 'Where',
        placeholder: 'City',
        allowedValues: ['Paris', 'Paris', ' Rome '],
        onlyAdminCanEdit: true,
        required: true,
        status: 'INVISIBLE',
      }).expect(201);
      expect(full.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        workspaceId: a.workspace.id,
        name: 'Location',
        type: 'DROPDOWN_SINGLE',
        entityType: 'USER',
        description: 'Where',
        placeholder: 'City',
        allowedValues: ['Paris', 'Rome'],
        required: true,
        onlyAdminCanEdit: true,
        status: 'INVISIBLE',
        workspaceDefaultValue: null,
        projectDefaultValues: [],
      });
    });

    it('409 for a duplicate name (case-insensitive), but another workspace may reuse it', async () => {
      const res = await create(a.apiKey, { name: 'LOCATION', type: 'TXT' }).expect(409);
      expect(res.body.message).toMatch(/LOCATION/);
      await create(
        b.apiKey,
        { name: 'Location', type: 'TXT' },
        `/v1/workspaces/${b.workspace.id}/custom-fields`,
      ).expect(201);
    });
  });

  describe('GET custom-fields', () => {
    it('401, 400, and filters for any member', async () => {
      await request(t.http).get(base()).expect(401);
      await request(t.http).get(`${base()}?status=GONE`).set('X-Api-Key', a.apiKey).expect(400);
      const all = await request(t.http).get(base()).set('X-Api-Key', member.apiKey).expect(200);
      expect(all.body.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['Location', 'Field TXT']));
      expect(all.body.map((f: { id: string }) => f.id)).not.toContain(bField);
      const byName = await request(t.http).get(`${base()}?name=drop`).set('X-Api-Key', a.apiKey).expect(200);
      expect(byName.body.map((f: { name: string }) => f.name)).toEqual([
        'Field DROPDOWN_MULTIPLE',
        'Field DROPDOWN_SINGLE',
      ]);
      const users = await request(t.http).get(`${base()}?entity-type=USER`).set('X-Api-Key', a.apiKey).expect(200);
      expect(users.body.map((f: { name: string }) => f.name)).toEqual(['Location']);
      const invisible = await request(t.http).get(`${base()}?status=INVISIBLE`).set('X-Api-Key', a.apiKey).expect(200);
      expect(invisible.body.map((f: { name: string }) => f.name)).toEqual(['Location']);
    });
  });

  describe('project custom fields', () => {
    let fieldId: string;
    let userField: string;
    const url = (p = project, f = fieldId) => `/v1/workspaces/${a.workspace.id}/projects/${p}/custom-fields/${f}`;
    beforeAll(async () => {
      fieldId = (await create(a.apiKey, { name: 'Ticket', type: 'NUMBER', workspaceDefaultValue: 1 }).expect(201)).body
        .id;
      userField = (await create(a.apiKey, { name: 'Badge', type: 'TXT', entityType: 'USER' }).expect(201)).body.id;
    });

    it('PATCH: 401, 403, 400, 404, then 200 for the project manager with the override', async () => {
      await request(t.http).patch(url()).send({ defaultValue: 2 }).expect(401);
      await request(t.http).patch(url()).set('X-Api-Key', member.apiKey).send({ defaultValue: 2 }).expect(403);
      await request(t.http).patch(url()).set('X-Api-Key', a.apiKey).send({ defaultValue: 'two' }).expect(400);
      await request(t.http).patch(url()).set('X-Api-Key', a.apiKey).send({ status: 'HIDDEN' }).expect(400);
      await request(t.http).patch(url(project, 'bad')).set('X-Api-Key', a.apiKey).send({}).expect(400);
      await request(t.http)
        .patch(url(project, userField))
        .set('X-Api-Key', a.apiKey)
        .send({ defaultValue: 'x' })
        .expect(400);
      await request(t.http)
        .patch(url(project, bField))
        .set('X-Api-Key', a.apiKey)
        .send({ defaultValue: 2 })
        .expect(404);
      await request(t.http).patch(url(bProject)).set('X-Api-Key', a.apiKey).send({ defaultValue: 2 }).expect(404);
      const res = await request(t.http)
        .patch(url())
        .set('X-Api-Key', pm.apiKey)
        .send({ defaultValue: 7, status: 'INVISIBLE' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: fieldId,
        status: 'INVISIBLE',
        workspaceDefaultValue: 1,
        projectDefaultValues: [{ projectId: project, status: 'INVISIBLE', value: 7 }],
      });
      const keep = await request(t.http).patch(url()).set('X-Api-Key', a.apiKey).send({ defaultValue: 8 }).expect(200);
      expect(keep.body.projectDefaultValues).toEqual([{ projectId: project, status: 'INVISIBLE', value: 8 }]);
      expect(await outboxEvents(t.app, fieldId)).toEqual([
        'CUSTOM_FIELD_CREATED',
        'CUSTOM_FIELD_UPDATED',
        'CUSTOM_FIELD_UPDATED',
      ]);
    });

    it('GET: 401, 404 for unseen projects, 200 with the project values', async () => {
      const list = (p: string, key: string, q = '') =>
        request(t.http).get(`/v1/workspaces/${a.workspace.id}/projects/${p}/custom-fields${q}`).set('X-Api-Key', key);
      await request(t.http).get(`/v1/workspaces/${a.workspace.id}/projects/${project}/custom-fields`).expect(401);
      await list(privateProject, member.apiKey).expect(404);
      await list(bProject, a.apiKey).expect(404);
      const res = await list(project, member.apiKey).expect(200);
      const ticket = res.body.find((f: { id: string }) => f.id === fieldId);
      expect(ticket).toMatchObject({ status: 'INVISIBLE', projectDefaultValues: [{ projectId: project, value: 8 }] });
      expect(res.body.map((f: { id: string }) => f.id)).not.toContain(userField);
      const visible = await list(project, a.apiKey, '?status=VISIBLE').expect(200);
      expect(visible.body.map((f: { id: string }) => f.id)).not.toContain(fieldId);
      const elsewhere = await list(privateProject, a.apiKey).expect(200);
      expect(elsewhere.body.find((f: { id: string }) => f.id === fieldId)).toMatchObject({
        status: 'VISIBLE',
        projectDefaultValues: [],
      });
    });

    it('DELETE: 401, 403, 404, then 200 without the override', async () => {
      await request(t.http).delete(url()).expect(401);
      await request(t.http).delete(url()).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).delete(url(project, MISSING_ID)).set('X-Api-Key', a.apiKey).expect(404);
      const res = await request(t.http).delete(url()).set('X-Api-Key', pm.apiKey).expect(200);
      expect(res.body).toMatchObject({
        id: fieldId,
        status: 'VISIBLE',
        workspaceDefaultValue: 1,
        projectDefaultValues: [],
      });
      expect((await outboxEvents(t.app, fieldId)).at(-1)).toBe('CUSTOM_FIELD_UPDATED');
    });
  });

  describe('PUT users/{userId}/custom-field/{id}/value', () => {
    let badge: string;
    let secret: string;
    let ticket: string;
    const url = (userId: string, fieldId: string) =>
      `/v1/workspaces/${a.workspace.id}/users/${userId}/custom-field/${fieldId}/value`;
    beforeAll(async () => {
      badge = (await create(a.apiKey, { name: 'Badge no', type: 'NUMBER', entityType: 'USER' }).expect(201)).body.id;
      secret = (
        await create(a.apiKey, {
          name: 'Clearance',
          type: 'CHECKBOX',
          entityType: 'USER',
          onlyAdminCanEdit: true,
        }).expect(201)
      ).body.id;
      ticket = (await create(a.apiKey, { name: 'Ticket no', type: 'TXT' }).expect(201)).body.id;
    });

    it('401, 400, 404 as the ladder says', async () => {
      await request(t.http).put(url(member.user.id, badge)).send({ value: 1 }).expect(401);
      await request(t.http).put(url('nope', badge)).set('X-Api-Key', a.apiKey).send({ value: 1 }).expect(400);
      await request(t.http)
        .put(url(member.user.id, badge))
        .set('X-Api-Key', a.apiKey)
        .send({ value: 'one' })
        .expect(400);
      await request(t.http)
        .put(url(member.user.id, badge))
        .set('X-Api-Key', a.apiKey)
        .send({ value: 1, other: 2 })
        .expect(400);
      await request(t.http)
        .put(url(member.user.id, ticket))
        .set('X-Api-Key', a.apiKey)
        .send({ value: 'x' })
        .expect(400);
      await request(t.http).put(url(b.user.id, badge)).set('X-Api-Key', a.apiKey).send({ value: 1 }).expect(404);
      await request(t.http)
        .put(url(member.user.id, bField))
        .set('X-Api-Key', a.apiKey)
        .send({ value: 'x' })
        .expect(404);
    });

    it("a member sets their own value (201), not another member's (403)", async () => {
      const res = await request(t.http)
        .put(url(member.user.id, badge))
        .set('X-Api-Key', member.apiKey)
        .send({ value: 1234 })
        .expect(201);
      expect(res.body).toEqual({
        customFieldId: badge,
        customFieldName: 'Badge no',
        customFieldType: 'NUMBER',
        userId: member.user.id,
        value: 1234,
      });
      await request(t.http).put(url(pm.user.id, badge)).set('X-Api-Key', member.apiKey).send({ value: 1 }).expect(403);
      const rows = await t.app
        .get(DataSource)
        .query(`SELECT value FROM user_custom_field_values WHERE user_id = $1 AND custom_field_id = $2`, [
          member.user.id,
          badge,
        ]);
      expect(rows).toEqual([{ value: 1234 }]);
      expect(await outboxEvents(t.app, member.user.id)).toContain('USER_UPDATED');
    });

    it('onlyAdminCanEdit fields take admins only; null clears', async () => {
      await request(t.http)
        .put(url(member.user.id, secret))
        .set('X-Api-Key', member.apiKey)
        .send({ value: true })
        .expect(403);
      const res = await request(t.http)
        .put(url(member.user.id, secret))
        .set('X-Api-Key', admin.apiKey)
        .send({ value: true })
        .expect(201);
      expect(res.body.value).toBe(true);
      const cleared = await request(t.http)
        .put(url(member.user.id, secret))
        .set('X-Api-Key', a.apiKey)
        .send({ value: null })
        .expect(201);
      expect(cleared.body.value).toBeNull();
      const rows: unknown[] = await t.app
        .get(DataSource)
        .query(`SELECT 1 FROM user_custom_field_values WHERE user_id = $1 AND custom_field_id = $2`, [
          member.user.id,
          secret,
        ]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('PUT and DELETE custom-fields/{id}', () => {
    let fieldId: string;
    const url = (id = fieldId) => `${base()}/${id}`;
    beforeAll(async () => {
      fieldId = (
        await create(a.apiKey, {
          name: 'Size',
          type: 'DROPDOWN_SINGLE',
          entityType: 'USER',
          allowedValues: ['S', 'M', 'L'],
          workspaceDefaultValue: 'M',
        }).expect(201)
      ).body.id;
      await request(t.http)
        .put(`/v1/workspaces/${a.workspace.id}/users/${member.user.id}/custom-field/${fieldId}/value`)
        .set('X-Api-Key', a.apiKey)
        .send({ value: 'L' })
        .expect(201);
      await request(t.http)
        .put(`/v1/workspaces/${a.workspace.id}/users/${pm.user.id}/custom-field/${fieldId}/value`)
        .set('X-Api-Key', a.apiKey)
        .send({ value: 'S' })
        .expect(201);
    });

    it('PUT: 401, 403, 400, 404, 409', async () => {
      await request(t.http).put(url()).send({ name: 'Size', type: 'TXT' }).expect(401);
      await request(t.http).put(url()).set('X-Api-Key', member.apiKey).send({ name: 'Size', type: 'TXT' }).expect(403);
      await request(t.http).put(url()).set('X-Api-Key', a.apiKey).send({ name: 'S', type: 'TXT' }).expect(400);
      await request(t.http).put(url()).set('X-Api-Key', a.apiKey).send({ name: 'Size' }).expect(400);
      await request(t.http)
        .put(url())
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Size', type: 'NUMBER', workspaceDefaultValue: 'M' })
        .expect(400);
      await request(t.http).put(url('bad')).set('X-Api-Key', a.apiKey).send({ name: 'Size', type: 'TXT' }).expect(400);
      await request(t.http).put(url(bField)).set('X-Api-Key', a.apiKey).send({ name: 'Size', type: 'TXT' }).expect(404);
      await request(t.http).put(url()).set('X-Api-Key', a.apiKey).send({ name: 'location', type: 'TXT' }).expect(409);
    });

    it('PUT: 200 keeps omitted fields and clears values that no longer fit', async () => {
      const res = await request(t.http)
        .put(url())
        .set('X-Api-Key', admin.apiKey)
        .send({ name: 'Shirt size', type: 'DROPDOWN_SINGLE', allowedValues: ['M', 'L', 'XL'], description: 'd' })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Shirt size',
        allowedValues: ['M', 'L', 'XL'],
        workspaceDefaultValue: 'M',
        description: 'd',
        entityType: 'USER',
      });
      const rows: { user_id: string }[] = await t.app
        .get(DataSource)
        .query(`SELECT user_id FROM user_custom_field_values WHERE custom_field_id = $1`, [fieldId]);
      expect(rows.map((r) => r.user_id)).toEqual([member.user.id]);
      const retyped = await request(t.http)
        .put(url())
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Shirt size', type: 'NUMBER' })
        .expect(200);
      expect(retyped.body).toMatchObject({
        type: 'NUMBER',
        allowedValues: [],
        workspaceDefaultValue: null,
        description: 'd',
      });
      expect(await outboxEvents(t.app, fieldId)).toEqual([
        'CUSTOM_FIELD_CREATED',
        'CUSTOM_FIELD_UPDATED',
        'CUSTOM_FIELD_UPDATED',
      ]);
    });

    it('DELETE: 401, 403, 400, 404, then 204 and a CUSTOM_FIELD_DELETED event', async () => {
      await request(t.http).delete(url()).expect(401);
      await request(t.http).delete(url()).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).delete(url('bad')).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).delete(url(bField)).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).delete(url()).set('X-Api-Key', a.apiKey).expect(204);
      expect((await outboxEvents(t.app, fieldId)).at(-1)).toBe('CUSTOM_FIELD_DELETED');
      await request(t.http).delete(url()).set('X-Api-Key', a.apiKey).expect(404);
      const list = await request(t.http).get(base()).set('X-Api-Key', a.apiKey).expect(200);
      expect(list.body.map((f: { id: string }) => f.id)).not.toContain(fieldId);
    });
  });
});
