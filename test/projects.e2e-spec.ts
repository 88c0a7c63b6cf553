import request from 'supertest';
import { DataSource } from 'typeorm';
import { newId } from '../src/common/utils/ids';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import { insertClient, insertProject, insertUserGroup, outboxEvents } from './factories/projects';
import { startTestApp, TestApp } from './utils/test-app';

describe('Projects: create, read, update, delete', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  const base = () => `/v1/workspaces/${a.workspace.id}/projects`;
  const post = (key: string, body: object) => request(t.http).post(base()).set('X-Api-Key', key).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Mia' });
    other = await createMember(t.app, a.workspace.id, { name: 'Otto' });
  });
  afterAll(() => t.app.close());

  describe('POST /projects', () => {
    it('answers 401 without credentials and 403 for a plain member while only admins create projects', async () => {
      await request(t.http).post(base()).send({ name: 'Nope' }).expect(401);
      const res = await post(member.apiKey, { name: 'Nope' }).expect(403);
      expect(res.body.code).toBe(403);
    });

    it('refuses bad bodies with 400', async () => {
      for (const body of [
        { name: 'x' },
        { name: 'a'.repeat(251) },
        { name: 'Ok name', color: 'red' },
        { name: 'Ok name', clientId: 'nope' },
        { name: 'Ok name', extra: 1 },
        { name: 'Ok name', hourlyRate: { amount: -1 } },
        { name: 'Ok name', estimate: { estimate: '10h' } },
        { name: 'Ok name', memberships: [{ userId: 'bad' }] },
        {},
      ]) {
        const res = await post(a.apiKey, body);
        expect([res.status, body]).toEqual([400, body]);
      }
    });

    it("answers 404 for another workspace's client", async () => {
      const foreign = await insertClient(t.app, b.workspace.id, 'Foreign client');
      const res = await post(a.apiKey, { name: 'With foreign client', clientId: foreign }).expect(404);
      expect(res.body.message).toMatch(/Client/);
    });

    it('creates a project with client, rates, estimate, memberships and tasks, and records NEW_PROJECT', async () => {
      const clientId = await insertClient(t.app, a.workspace.id, 'Acme');
      const res = await post(a.apiKey, {
        name: 'Website',
        clientId,
        color: '#FF0000',
        note: 'Redesign',
        isPublic: false,
        billable: false,
        hourlyRate: { amount: 15000 },
        costRate: { amount: 9000 },
        estimate: { estimate: 'PT10H', type: 'MANUAL' },
        memberships: [{ userId: member.user.id, membershipType: 'PROJECT', hourlyRate: { amount: 7000 } }],
        tasks: [
          { name: 'Design', estimate: 'PT2H', assigneeIds: [member.user.id] },
          { name: 'Build', status: 'DONE', budgetEstimate: 5000 },
        ],
      }).expect(201);
      expect(res.body).toMatchObject({
        name: 'Website',
        clientId,
        clientName: 'Acme',
        workspaceId: a.workspace.id,
        color: '#FF0000',
        note: 'Redesign',
        billable: false,
        public: false,
        isPublic: false,
        archived: false,
        template: false,
        isTemplate: false,
        hourlyRate: { amount: 15000, currency: 'USD' },
        costRate: { amount: 9000, currency: 'USD' },
        estimate: { estimate: 'PT10H', type: 'MANUAL' },
        timeEstimate: { active: true, estimate: 'PT10H', type: 'MANUAL', includeNonBillable: true, resetOption: null },
        budgetEstimate: { active: false, estimate: 5000, type: 'AUTO' },
        estimateReset: null,
        duration: 'PT0S',
      });
      expect(res.body.id).toMatch(/^[0-9a-f]{24}$/);
      expect(res.body.tasks).toBeUndefined();
      const byUser = Object.fromEntries(res.body.memberships.map((m: { userId: string }) => [m.userId, m]));
      expect(byUser[a.user.id]).toMatchObject({
        membershipType: 'PROJECT',
        targetId: res.body.id,
        membershipStatus: 'ACTIVE',
        hourlyRate: null,
      });
      expect(byUser[member.user.id]).toMatchObject({
        membershipType: 'PROJECT',
        hourlyRate: { amount: 7000, currency: 'USD' },
        costRate: null,
      });
      expect(await outboxEvents(t.app, res.body.id)).toEqual(['NEW_PROJECT']);
      const tasks = await t.app
        .get(DataSource)
        .query('SELECT name, status, estimate FROM tasks WHERE project_id = $1 ORDER BY name', [res.body.id]);
      expect(tasks).toEqual([
        { name: 'Build', status: 'DONE', estimate: null },
        { name: 'Design', status: 'ACTIVE', estimate: '7200' },
      ]);
    });

    it('lets a plain member create when onlyAdminsCreateProject is off (the creator becomes a member)', async () => {
      const ds = t.app.get(DataSource);
      await ds.query(
        `UPDATE workspaces SET settings = jsonb_set(settings, '{onlyAdminsCreateProject}', 'false') WHERE id = $1`,
        [a.workspace.id],
      );
      try {
        const res = await post(member.apiKey, { name: 'Member made', isPublic: false }).expect(201);
        expect(res.body.memberships.map((m: { userId: string }) => m.userId)).toEqual([member.user.id]);
        await request(t.http).get(`${base()}/${res.body.id}`).set('X-Api-Key', member.apiKey).expect(200);
      } finally {
        await ds.query(
          `UPDATE workspaces SET settings = jsonb_set(settings, '{onlyAdminsCreateProject}', 'true') WHERE id = $1`,
          [a.workspace.id],
        );
      }
    });

    it('answers 409 for a duplicate name (case-insensitive) per client, and allows the name under another client', async () => {
      await post(a.apiKey, { name: 'Unique One' }).expect(201);
      const dup = await post(a.apiKey, { name: 'unique one' }).expect(409);
      expect(dup.body.message).toMatch(/unique one.*already exists/);
      const clientId = await insertClient(t.app, a.workspace.id, 'Other client');
      await post(a.apiKey, { name: 'Unique One', clientId }).expect(201);
      await post(b.apiKey, { name: 'Unique One' }).expect(403); // not a member of a's workspace
    });

    it('lets exactly one of 5 concurrent creates with the same name win', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => post(a.apiKey, { name: 'Race' })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const rows = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM projects WHERE workspace_id = $1 AND name = $2', [
          a.workspace.id,
          'Race',
        ]);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('GET /projects/{id}', () => {
    let privateId: string;
    let publicId: string;

    beforeAll(async () => {
      privateId = await insertProject(t.app, a.workspace.id, { name: 'Secret', isPublic: false });
      publicId = await insertProject(t.app, a.workspace.id, { name: 'Open' });
    });

    it("answers 401, 400 for a malformed id, 404 for a missing id or another workspace's project", async () => {
      await request(t.http).get(`${base()}/${publicId}`).expect(401);
      await request(t.http).get(`${base()}/nope`).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http).get(`${base()}/${MISSING_ID}`).set('X-Api-Key', a.apiKey).expect(404);
      const foreign = await insertProject(t.app, b.workspace.id, { name: 'Foreign' });
      await request(t.http).get(`${base()}/${foreign}`).set('X-Api-Key', a.apiKey).expect(404);
    });

    it('hides a private project from a plain member who is not on it, shows it through a user group', async () => {
      await request(t.http).get(`${base()}/${publicId}`).set('X-Api-Key', member.apiKey).expect(200);
      await request(t.http).get(`${base()}/${privateId}`).set('X-Api-Key', member.apiKey).expect(404);
      const groupId = await insertUserGroup(t.app, a.workspace.id, 'Viewers', [member.user.id]);
      await t.app
        .get(DataSource)
        .query('INSERT INTO project_members (workspace_id, project_id, user_group_id) VALUES ($1, $2, $3)', [
          a.workspace.id,
          privateId,
          groupId,
        ]);
      const res = await request(t.http).get(`${base()}/${privateId}`).set('X-Api-Key', member.apiKey).expect(200);
      expect(res.body.memberships).toEqual([
        {
          userId: groupId,
          targetId: privateId,
          membershipType: 'USERGROUP',
          membershipStatus: 'ACTIVE',
          hourlyRate: null,
          costRate: null,
        },
      ]);
      await request(t.http).get(`${base()}/${privateId}`).set('X-Api-Key', other.apiKey).expect(404);
      await request(t.http).get(`${base()}/${privateId}`).set('X-Api-Key', a.apiKey).expect(200);
    });

    it('adds tasks and custom fields with hydrated=true', async () => {
      const created = await post(a.apiKey, {
        name: 'Hydrated',
        tasks: [{ name: 'T1', estimate: 'PT1H30M', hourlyRate: { amount: 100 } }],
      }).expect(201);
      const ds = t.app.get(DataSource);
      const fieldId = newId();
      await ds.query(`INSERT INTO custom_fields (id, workspace_id, name, type) VALUES ($2, $1, 'Location', 'TXT')`, [
        a.workspace.id,
        fieldId,
      ]);
      await ds.query(
        `INSERT INTO project_custom_fields (workspace_id, project_id, custom_field_id, default_value, status)
                      VALUES ($1, $2, $3, '"Berlin"', 'VISIBLE')`,
        [a.workspace.id, created.body.id, fieldId],
      );
      const res = await request(t.http)
        .get(`${base()}/${created.body.id}?hydrated=true`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(res.body.tasks).toEqual([
        expect.objectContaining({
          name: 'T1',
          projectId: created.body.id,
          estimate: 'PT1H30M',
          status: 'ACTIVE',
          billable: true,
          assigneeIds: [],
          userGroupIds: [],
          hourlyRate: { amount: 100, currency: 'USD' },
          costRate: null,
          duration: 'PT0S',
        }),
      ]);
      expect(res.body.estimate).toEqual({ estimate: 'PT1H30M', type: 'AUTO' }); // AUTO: the tasks' sum
      expect(res.body.customFields).toEqual([
        expect.objectContaining({
          id: fieldId,
          name: 'Location',
          type: 'TXT',
          entityType: 'TIMEENTRY',
          status: 'VISIBLE',
          projectDefaultValues: [{ projectId: created.body.id, status: 'VISIBLE', value: 'Berlin' }],
        }),
      ]);
      const plain = await request(t.http).get(`${base()}/${created.body.id}`).set('X-Api-Key', a.apiKey).expect(200);
      expect(plain.body.tasks).toBeUndefined();
      await request(t.http).get(`${base()}/${created.body.id}?hydrated=maybe`).set('X-Api-Key', a.apiKey).expect(400);
    });
  });

  describe('PUT /projects/{id}', () => {
    let id: string;
    let pm: Account;

    beforeAll(async () => {
      id = await insertProject(t.app, a.workspace.id, { name: 'To update' });
      pm = await createMember(t.app, a.workspace.id, { name: 'Pam' });
      await grantRole(t.app, a.workspace.id, pm.user.id, 'PROJECT_MANAGER', id);
    });

    it('climbs the ladder: 401, 403 for a plain member, 404 for another workspace, 400 for a bad body', async () => {
      await request(t.http).put(`${base()}/${id}`).send({ name: 'X y' }).expect(401);
      await request(t.http).put(`${base()}/${id}`).set('X-Api-Key', member.apiKey).send({ name: 'X y' }).expect(403);
      const foreign = await insertProject(t.app, b.workspace.id);
      await request(t.http).put(`${base()}/${foreign}`).set('X-Api-Key', a.apiKey).send({ name: 'X y' }).expect(404);
      await request(t.http).put(`${base()}/${id}`).set('X-Api-Key', a.apiKey).send({ color: 'blue' }).expect(400);
      await request(t.http).put(`${base()}/bad`).set('X-Api-Key', a.apiKey).send({}).expect(400);
    });

    it('updates fields and rates (admin or the project manager) and records PROJECT_UPDATED', async () => {
      const clientId = await insertClient(t.app, a.workspace.id, 'Updated client');
      const res = await request(t.http)
        .put(`${base()}/${id}`)
        .set('X-Api-Key', pm.apiKey)
        .send({
          name: 'Updated',
          clientId,
          color: '#00FF00',
          note: 'n',
          isPublic: false,
          billable: false,
          archived: true,
          hourlyRate: { amount: 12345 },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Updated',
        clientId,
        clientName: 'Updated client',
        color: '#00FF00',
        note: 'n',
        public: false,
        billable: false,
        archived: true,
        hourlyRate: { amount: 12345, currency: 'USD' },
      });
      const cleared = await request(t.http)
        .put(`${base()}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ clientId: '', archived: false })
        .expect(200);
      expect(cleared.body).toMatchObject({ clientId: '', clientName: '', archived: false, name: 'Updated' });
      expect(await outboxEvents(t.app, id)).toEqual(['PROJECT_UPDATED', 'PROJECT_UPDATED']);
    });

    it('answers 409 when renaming onto an existing name', async () => {
      await insertProject(t.app, a.workspace.id, { name: 'Taken name' });
      const res = await request(t.http)
        .put(`${base()}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'TAKEN NAME' })
        .expect(409);
      expect(res.body.message).toMatch(/TAKEN NAME/);
    });
  });

  describe('DELETE /projects/{id}', () => {
    it('refuses an active project with 400, deletes an archived one and records PROJECT_DELETED', async () => {
      const id = await insertProject(t.app, a.workspace.id, { name: 'Doomed' });
      await request(t.http).delete(`${base()}/${id}`).expect(401);
      await request(t.http).delete(`${base()}/${id}`).set('X-Api-Key', member.apiKey).expect(403);
      const active = await request(t.http).delete(`${base()}/${id}`).set('X-Api-Key', a.apiKey).expect(400);
      expect(active.body.message).toMatch(/archive/);
      await request(t.http).put(`${base()}/${id}`).set('X-Api-Key', a.apiKey).send({ archived: true }).expect(200);
      const res = await request(t.http).delete(`${base()}/${id}`).set('X-Api-Key', a.apiKey).expect(200);
      expect(res.body).toMatchObject({ id, name: 'Doomed', archived: true });
      await request(t.http).get(`${base()}/${id}`).set('X-Api-Key', a.apiKey).expect(404);
      expect(await outboxEvents(t.app, id)).toEqual(['PROJECT_UPDATED', 'PROJECT_DELETED']);
    });

    it("answers 404 for another workspace's project and 400 for a malformed id", async () => {
      const foreign = await insertProject(t.app, b.workspace.id, { archived: true });
      await request(t.http).delete(`${base()}/${foreign}`).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http).delete(`${base()}/xyz`).set('X-Api-Key', a.apiKey).expect(400);
    });
  });
});
