import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import { insertProject, insertUserGroup, outboxEvents } from './factories/projects';
import { startTestApp, TestApp } from './utils/test-app';

describe('Projects: estimate, memberships, template, member rates', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let pm: Account;
  let projectId: string;
  let foreignId: string;
  const url = (id: string, tail = '') => `/v1/workspaces/${a.workspace.id}/projects/${id}${tail}`;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Mia' });
    pm = await createMember(t.app, a.workspace.id, { name: 'Pam' });
    projectId = await insertProject(t.app, a.workspace.id, { name: 'Main' });
    await grantRole(t.app, a.workspace.id, pm.user.id, 'PROJECT_MANAGER', projectId);
    foreignId = await insertProject(t.app, b.workspace.id, { name: 'Foreign' });
  });
  afterAll(() => t.app.close());

  describe('PATCH /estimate', () => {
    it('climbs the ladder', async () => {
      await request(t.http).patch(url(projectId, '/estimate')).send({}).expect(401);
      await request(t.http).patch(url(projectId, '/estimate')).set('X-Api-Key', member.apiKey).send({}).expect(403);
      await request(t.http).patch(url(foreignId, '/estimate')).set('X-Api-Key', a.apiKey).send({}).expect(404);
      for (const body of [
        { timeEstimate: { estimate: '5 hours' } },
        { budgetEstimate: { estimate: -1 } },
        { timeEstimate: { type: 'SOMETIMES' } },
        { estimateReset: { hour: 24 } },
        { estimateReset: { dayOfWeek: 'FUNDAY' } },
        { other: true },
      ]) {
        const res = await request(t.http).patch(url(projectId, '/estimate')).set('X-Api-Key', a.apiKey).send(body);
        expect([res.status, body]).toEqual([400, body]);
      }
    });

    it('sets time and budget estimates and the reset, keeps absent fields, records PROJECT_UPDATED', async () => {
      const res = await request(t.http)
        .patch(url(projectId, '/estimate'))
        .set('X-Api-Key', pm.apiKey)
        .send({
          timeEstimate: {
            active: true,
            estimate: 'PT12H30M',
            type: 'MANUAL',
            resetOption: 'MONTHLY',
            includeNonBillable: false,
          },
          budgetEstimate: { active: true, estimate: 250000, type: 'MANUAL', includeExpenses: true },
          estimateReset: { interval: 'MONTHLY', dayOfMonth: 1, hour: 6 },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        estimate: { estimate: 'PT12H30M', type: 'MANUAL' },
        timeEstimate: {
          active: true,
          estimate: 'PT12H30M',
          type: 'MANUAL',
          resetOption: 'MONTHLY',
          includeNonBillable: false,
        },
        budgetEstimate: { active: true, estimate: 250000, type: 'MANUAL', includeExpenses: true, resetOption: null },
        estimateReset: { interval: 'MONTHLY', dayOfMonth: 1, hour: 6, dayOfWeek: null, month: null },
      });
      const stored = await t.app
        .get(DataSource)
        .query('SELECT time_estimate, budget_estimate FROM projects WHERE id = $1', [projectId]);
      expect(stored[0].time_estimate.estimate).toBe(45000);
      expect(stored[0].budget_estimate.estimate).toBe(250000);
      const partial = await request(t.http)
        .patch(url(projectId, '/estimate'))
        .set('X-Api-Key', a.apiKey)
        .send({ timeEstimate: { active: false }, estimateReset: { active: false } })
        .expect(200);
      expect(partial.body.timeEstimate).toMatchObject({ active: false, estimate: 'PT12H30M', type: 'MANUAL' });
      expect(partial.body.estimateReset).toBeNull();
      expect(partial.body.budgetEstimate.active).toBe(true);
      expect(await outboxEvents(t.app, projectId)).toEqual(['PROJECT_UPDATED', 'PROJECT_UPDATED']);
    });
  });

  describe('POST and PATCH /memberships', () => {
    it('climbs the ladder', async () => {
      await request(t.http).post(url(projectId, '/memberships')).send({}).expect(401);
      await request(t.http)
        .post(url(projectId, '/memberships'))
        .set('X-Api-Key', member.apiKey)
        .send({ userIds: [member.user.id] })
        .expect(403);
      await request(t.http)
        .post(url(foreignId, '/memberships'))
        .set('X-Api-Key', a.apiKey)
        .send({ userIds: [] })
        .expect(404);
      await request(t.http)
        .post(url(projectId, '/memberships'))
        .set('X-Api-Key', a.apiKey)
        .send({ userIds: ['bad'] })
        .expect(400);
      await request(t.http)
        .post(url(projectId, '/memberships'))
        .set('X-Api-Key', a.apiKey)
        .send({ userIds: [MISSING_ID] })
        .expect(404);
      await request(t.http)
        .post(url(projectId, '/memberships'))
        .set('X-Api-Key', a.apiKey)
        .send({ userIds: [b.user.id] })
        .expect(404);
      await request(t.http).patch(url(projectId, '/memberships')).set('X-Api-Key', a.apiKey).send({}).expect(400);
      await request(t.http)
        .patch(url(projectId, '/memberships'))
        .set('X-Api-Key', member.apiKey)
        .send({ memberships: [] })
        .expect(403);
    });

    it('adds and removes users and groups', async () => {
      const groupId = await insertUserGroup(t.app, a.workspace.id, 'Team', [member.user.id]);
      const added = await request(t.http)
        .post(url(projectId, '/memberships'))
        .set('X-Api-Key', a.apiKey)
        .send({ userIds: [member.user.id, pm.user.id], userGroups: { ids: [groupId] } })
        .expect(200);
      expect(added.body.memberships).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ userId: member.user.id, membershipType: 'PROJECT', targetId: projectId }),
          expect.objectContaining({ userId: pm.user.id, membershipType: 'PROJECT' }),
          expect.objectContaining({ userId: groupId, membershipType: 'USERGROUP' }),
        ]),
      );
      expect(added.body.memberships).toHaveLength(3);
      await request(t.http)
        .post(url(projectId, '/memberships'))
        .set('X-Api-Key', a.apiKey)
        .send({ userIds: [member.user.id] })
        .expect(200);
      const removed = await request(t.http)
        .post(url(projectId, '/memberships'))
        .set('X-Api-Key', a.apiKey)
        .send({ userIds: [member.user.id], userGroups: { ids: [groupId] }, remove: true })
        .expect(200);
      expect(removed.body.memberships.map((m: { userId: string }) => m.userId)).toEqual([pm.user.id]);
    });

    it('PATCH replaces the user members with their rates', async () => {
      const res = await request(t.http)
        .patch(url(projectId, '/memberships'))
        .set('X-Api-Key', a.apiKey)
        .send({
          memberships: [
            { userId: member.user.id, hourlyRate: { amount: 4200 }, costRate: { amount: 2100 } },
            { userId: a.user.id },
          ],
        })
        .expect(200);
      expect(res.body.memberships).toEqual([
        expect.objectContaining({ userId: expect.any(String), membershipType: 'PROJECT' }),
        expect.objectContaining({ userId: expect.any(String), membershipType: 'PROJECT' }),
      ]);
      const byUser = Object.fromEntries(res.body.memberships.map((m: { userId: string }) => [m.userId, m]));
      expect(Object.keys(byUser).sort()).toEqual([a.user.id, member.user.id].sort());
      expect(byUser[member.user.id]).toMatchObject({
        hourlyRate: { amount: 4200, currency: 'USD' },
        costRate: { amount: 2100, currency: 'USD' },
      });
      expect(byUser[a.user.id]).toMatchObject({ hourlyRate: null, costRate: null });
    });
  });

  describe('PUT /users/{userId}/hourly-rate and /cost-rate', () => {
    it('climbs the ladder: 401, 403, 404 (other workspace, non-member), 400', async () => {
      const rate = (id: string, user: string, kind = 'hourly-rate') => url(id, `/users/${user}/${kind}`);
      await request(t.http).put(rate(projectId, member.user.id)).send({ amount: 1 }).expect(401);
      await request(t.http)
        .put(rate(projectId, member.user.id))
        .set('X-Api-Key', member.apiKey)
        .send({ amount: 1 })
        .expect(403);
      await request(t.http).put(rate(foreignId, b.user.id)).set('X-Api-Key', a.apiKey).send({ amount: 1 }).expect(404);
      const notMember = await request(t.http)
        .put(rate(projectId, pm.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 1 })
        .expect(404);
      expect(notMember.body.message).toMatch(/not a member/);
      await request(t.http).put(rate(projectId, 'bad')).set('X-Api-Key', a.apiKey).send({ amount: 1 }).expect(400);
      await request(t.http)
        .put(rate(projectId, member.user.id))
        .set('X-Api-Key', a.apiKey)
        .send({ amount: -5 })
        .expect(400);
      await request(t.http).put(rate(projectId, member.user.id)).set('X-Api-Key', a.apiKey).send({}).expect(400);
    });

    it('sets the member rate for all time (earlier steps replaced), and a future step does not apply yet', async () => {
      const rate = (kind: string) => url(projectId, `/users/${member.user.id}/${kind}`);
      const hourly = await request(t.http)
        .put(rate('hourly-rate'))
        .set('X-Api-Key', pm.apiKey)
        .send({ amount: 9900 })
        .expect(200);
      const mine = (body: { memberships: { userId: string }[] }) =>
        body.memberships.find((m) => m.userId === member.user.id);
      expect(mine(hourly.body)).toMatchObject({ hourlyRate: { amount: 9900, currency: 'USD' } });
      const cost = await request(t.http)
        .put(rate('cost-rate'))
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 3300, since: '2020-01-01T00:00:00Z' })
        .expect(200);
      expect(mine(cost.body)).toMatchObject({
        hourlyRate: { amount: 9900 },
        costRate: { amount: 3300, currency: 'USD' },
      });
      const future = await request(t.http)
        .put(rate('hourly-rate'))
        .set('X-Api-Key', a.apiKey)
        .send({ amount: 1, since: '2999-01-01T00:00:00Z' })
        .expect(200);
      expect(mine(future.body)).toMatchObject({ hourlyRate: { amount: 9900 } });
      const steps = await t.app
        .get(DataSource)
        .query(`SELECT amount FROM rates WHERE project_id = $1 AND user_id = $2 AND kind = 'HOURLY' ORDER BY since`, [
          projectId,
          member.user.id,
        ]);
      // Without since the rate replaces the history (it applies to all time, as Clockify); the future step follows it.
      expect(steps.map((s: { amount: string }) => Number(s.amount))).toEqual([9900, 1]);
    });
  });

  describe('PATCH /template and POST /from-template', () => {
    let templateId: string;

    it('PATCH /template climbs the ladder and flags the project', async () => {
      const created = await request(t.http)
        .post(`/v1/workspaces/${a.workspace.id}/projects`)
        .set('X-Api-Key', a.apiKey)
        .send({
          name: 'Template source',
          color: '#123456',
          note: 'tpl',
          billable: false,
          hourlyRate: { amount: 5000 },
          memberships: [{ userId: member.user.id, hourlyRate: { amount: 6000 } }],
          tasks: [
            { name: 'Plan', estimate: 'PT1H', assigneeIds: [member.user.id], hourlyRate: { amount: 7000 } },
            { name: 'Ship' },
          ],
        })
        .expect(201);
      templateId = created.body.id;
      await request(t.http).patch(url(templateId, '/template')).send({ isTemplate: true }).expect(401);
      await request(t.http)
        .patch(url(templateId, '/template'))
        .set('X-Api-Key', member.apiKey)
        .send({ isTemplate: true })
        .expect(403);
      await request(t.http)
        .patch(url(foreignId, '/template'))
        .set('X-Api-Key', a.apiKey)
        .send({ isTemplate: true })
        .expect(404);
      await request(t.http)
        .patch(url(templateId, '/template'))
        .set('X-Api-Key', a.apiKey)
        .send({ isTemplate: 'yes' })
        .expect(400);
      const res = await request(t.http)
        .patch(url(templateId, '/template'))
        .set('X-Api-Key', a.apiKey)
        .send({ isTemplate: true })
        .expect(200);
      expect(res.body).toMatchObject({ template: true, isTemplate: true });
      expect(await outboxEvents(t.app, templateId)).toEqual(['NEW_PROJECT', 'PROJECT_UPDATED']);
    });

    it('POST /from-template copies settings, members, rates and tasks', async () => {
      const base = `/v1/workspaces/${a.workspace.id}/projects/from-template`;
      await request(t.http).post(base).send({ name: 'Copy', templateProjectId: templateId }).expect(401);
      await request(t.http)
        .post(base)
        .set('X-Api-Key', member.apiKey)
        .send({ name: 'Copy', templateProjectId: templateId })
        .expect(403);
      await request(t.http).post(base).set('X-Api-Key', a.apiKey).send({ name: 'Copy' }).expect(400);
      await request(t.http)
        .post(base)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Copy', templateProjectId: foreignId })
        .expect(404);
      const notTemplate = await request(t.http)
        .post(base)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Copy', templateProjectId: projectId })
        .expect(400);
      expect(notTemplate.body.message).toMatch(/not a template/);
      const res = await request(t.http)
        .post(base)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'Copy', templateProjectId: templateId, isPublic: false })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Copy',
        color: '#123456',
        note: 'tpl',
        billable: false,
        public: false,
        template: false,
        hourlyRate: { amount: 5000, currency: 'USD' },
      });
      expect(res.body.id).not.toBe(templateId);
      const memberRow = res.body.memberships.find((m: { userId: string }) => m.userId === member.user.id);
      expect(memberRow).toMatchObject({ targetId: res.body.id, hourlyRate: { amount: 6000, currency: 'USD' } });
      const hydrated = await request(t.http)
        .get(url(res.body.id, '?hydrated=true'))
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(hydrated.body.tasks).toEqual([
        expect.objectContaining({
          name: 'Plan',
          estimate: 'PT1H',
          assigneeIds: [member.user.id],
          hourlyRate: { amount: 7000, currency: 'USD' },
        }),
        expect.objectContaining({ name: 'Ship', assigneeIds: [], billable: false }),
      ]);
      expect(await outboxEvents(t.app, res.body.id)).toEqual(['NEW_PROJECT']);
      await request(t.http)
        .post(base)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'copy', templateProjectId: templateId })
        .expect(409);
    });
  });
});
