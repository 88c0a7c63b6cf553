import request from 'supertest';
import { Account, createMember, createOwner, MISSING_ID, Owner } from './factories';
import { createGroupRow } from './factories/catalog';
import { timeOffEvents } from './factories/time-off';
import { startTestApp, TestApp } from './utils/test-app';

describe('Holidays', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let groupId: string;
  const base = (ws: string) => `/v1/workspaces/${ws}/holidays`;
  const body = (overrides: Record<string, unknown> = {}) => ({
    name: 'Labour Day',
    datePeriod: { startDate: '2024-05-01', endDate: '2024-05-01' },
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Plain' });
    other = await createMember(t.app, a.workspace.id, { name: 'Other' });
    groupId = await createGroupRow(t.app, a.workspace.id, 'Team', [other.user.id]);
  });
  afterAll(() => t.app.close());

  describe('POST /holidays', () => {
    it('401, 403 member, 400 bad bodies, 404 users of another workspace', async () => {
      await request(t.http).post(base(a.workspace.id)).send(body()).expect(401);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', member.apiKey).send(body()).expect(403);
      await request(t.http).post(base(b.workspace.id)).set('X-Api-Key', a.apiKey).send(body()).expect(403);
      const bad = [
        {},
        body({ name: 'x' }),
        { name: 'Labour Day' },
        body({ automaticTimeEntryCreation: { enabled: true } }),
        body({ datePeriod: { startDate: '2024-05-01' } }),
        body({ datePeriod: { startDate: '2024-02-30', endDate: '2024-03-01' } }),
        body({ datePeriod: { startDate: '2024-05-02', endDate: '2024-05-01' } }),
        body({ color: 'red' }),
        body({ users: { ids: ['nope'] } }),
        body({ unknown: 1 }),
      ];
      for (const payload of bad) {
        await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send(payload).expect(400);
      }
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send(body({ users: { ids: [b.user.id] } }))
        .expect(404);
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send(body({ users: { ids: [MISSING_ID] } }))
        .expect(404);
    });

    it('creates a holiday (200) with its users and groups, and HOLIDAY_CREATED', async () => {
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send(
          body({
            name: ' Team day ',
            color: '#8BC34A',
            occursAnnually: false,
            users: { contains: 'CONTAINS', ids: [member.user.id], status: 'ALL' },
            userGroups: { contains: 'CONTAINS', ids: [groupId], status: 'ALL' },
            automaticTimeEntryCreation: { enabled: true, defaultEntities: {} },
          }),
        )
        .expect(200);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Team day',
        workspaceId: a.workspace.id,
        datePeriod: { startDate: '2024-05-01', endDate: '2024-05-01' },
        occursAnnually: false,
        everyoneIncludingNew: false,
        automaticTimeEntryCreation: true,
        projectId: null,
        taskId: null,
        color: '#8BC34A',
        userIds: [member.user.id],
        userGroupIds: [groupId],
      });
      expect(await timeOffEvents(t.app, res.body.id)).toEqual(['HOLIDAY_CREATED']);
    });
  });

  describe('GET /holidays and /holidays/in-period', () => {
    let ws: Owner;
    let m1: Account;
    let m2: Account;
    let ids: Record<string, string>;
    const create = async (payload: Record<string, unknown>) =>
      (await request(t.http).post(base(ws.workspace.id)).set('X-Api-Key', ws.apiKey).send(payload).expect(200)).body
        .id as string;

    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lister');
      m1 = await createMember(t.app, ws.workspace.id, { name: 'M1' });
      m2 = await createMember(t.app, ws.workspace.id, { name: 'M2' });
      const group = await createGroupRow(t.app, ws.workspace.id, 'G', [m2.user.id]);
      ids = {
        newYear: await create({
          name: "New Year's Day",
          datePeriod: { startDate: '2023-01-01', endDate: '2023-01-01' },
          occursAnnually: true,
        }),
        eve: await create({
          name: 'Year end',
          datePeriod: { startDate: '2022-12-31', endDate: '2023-01-02' },
          occursAnnually: true,
        }),
        m1Only: await create({
          name: 'M1 day',
          datePeriod: { startDate: '2024-03-05', endDate: '2024-03-06' },
          users: { ids: [m1.user.id] },
        }),
        groupOnly: await create({
          name: 'Group day',
          datePeriod: { startDate: '2024-03-07', endDate: '2024-03-07' },
          userGroups: { ids: [group] },
        }),
        leap: await create({
          name: 'Leap',
          datePeriod: { startDate: '2024-02-29', endDate: '2024-02-29' },
          occursAnnually: true,
        }),
      };
    });

    it('401, 400 bad queries, 403 stranger', async () => {
      await request(t.http).get(base(ws.workspace.id)).expect(401);
      await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', a.apiKey).expect(403);
      await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'assigned-to': 'x' })
        .expect(400);
      const inPeriod = `${base(ws.workspace.id)}/in-period`;
      await request(t.http)
        .get(inPeriod)
        .set('X-Api-Key', ws.apiKey)
        .query({ start: '2024-01-01', end: '2024-12-31' })
        .expect(400);
      await request(t.http)
        .get(inPeriod)
        .set('X-Api-Key', ws.apiKey)
        .query({ 'assigned-to': m1.user.id, start: 'soon', end: '2024-12-31' })
        .expect(400);
      await request(t.http)
        .get(inPeriod)
        .set('X-Api-Key', ws.apiKey)
        .query({ 'assigned-to': m1.user.id, start: '2024-12-31', end: '2024-01-01' })
        .expect(400);
    });

    it('lists every holiday, or those assigned to a user', async () => {
      const all = await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', m1.apiKey).expect(200);
      expect(all.body.map((h: { id: string }) => h.id)).toEqual([
        ids.eve,
        ids.newYear,
        ids.leap,
        ids.m1Only,
        ids.groupOnly,
      ]);
      const mine = await request(t.http)
        .get(base(ws.workspace.id))
        .set('X-Api-Key', ws.apiKey)
        .query({ 'assigned-to': m2.user.id })
        .expect(200);
      expect(mine.body.map((h: { name: string }) => h.name)).toEqual([
        'Year end',
        "New Year's Day",
        'Leap',
        'Group day',
      ]);
    });

    it('moves annual holidays into each year of the period (also across New Year and from a leap day)', async () => {
      const res = await request(t.http)
        .get(`${base(ws.workspace.id)}/in-period`)
        .set('X-Api-Key', m1.apiKey)
        .query({ 'assigned-to': m1.user.id, start: '2025-12-01T00:00:00Z', end: '2027-03-31T00:00:00Z' })
        .expect(200);
      const occurrences = res.body.map((h: { name: string; datePeriod: { startDate: string; endDate: string } }) => [
        h.name,
        h.datePeriod.startDate,
        h.datePeriod.endDate,
      ]);
      expect(occurrences).toEqual([
        ['Year end', '2025-12-31', '2026-01-02'],
        ["New Year's Day", '2026-01-01', '2026-01-01'],
        ['Leap', '2026-02-28', '2026-02-28'],
        ['Year end', '2026-12-31', '2027-01-02'],
        ["New Year's Day", '2027-01-01', '2027-01-01'],
        ['Leap', '2027-02-28', '2027-02-28'],
      ]);
      expect(res.body[1]).toMatchObject({
        id: ids.newYear,
        occursAnnually: true,
        everyoneIncludingNew: true,
        workspaceId: ws.workspace.id,
      });
    });

    it('includes one-off holidays of the user only, in their year', async () => {
      const m1Res = await request(t.http)
        .get(`${base(ws.workspace.id)}/in-period`)
        .set('X-Api-Key', ws.apiKey)
        .query({ 'assigned-to': m1.user.id, start: '2024-03-01', end: '2024-03-31' })
        .expect(200);
      expect(m1Res.body.map((h: { id: string }) => h.id)).toEqual([ids.m1Only]);
      const m2Res = await request(t.http)
        .get(`${base(ws.workspace.id)}/in-period`)
        .set('X-Api-Key', ws.apiKey)
        .query({ 'assigned-to': m2.user.id, start: '2024-02-29', end: '2024-03-31' })
        .expect(200);
      expect(m2Res.body.map((h: { id: string }) => h.id)).toEqual([ids.leap, ids.groupOnly]);
      const later = await request(t.http)
        .get(`${base(ws.workspace.id)}/in-period`)
        .set('X-Api-Key', ws.apiKey)
        .query({ 'assigned-to': m1.user.id, start: '2025-03-01', end: '2025-03-31' })
        .expect(200);
      expect(later.body).toEqual([]);
    });
  });

  describe('PUT and DELETE /holidays/{id}', () => {
    let id: string;
    let foreign: string;
    beforeAll(async () => {
      id = (
        await request(t.http)
          .post(base(a.workspace.id))
          .set('X-Api-Key', a.apiKey)
          .send(body({ name: 'Editable' }))
          .expect(200)
      ).body.id;
      foreign = (
        await request(t.http)
          .post(base(b.workspace.id))
          .set('X-Api-Key', b.apiKey)
          .send(body({ name: 'Foreign' }))
          .expect(200)
      ).body.id;
    });

    it('PUT ladder: 401, 403, 400, 404', async () => {
      const update = body({ name: 'Renamed', occursAnnually: true });
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .send(update)
        .expect(401);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .send(update)
        .expect(403);
      await request(t.http)
        .put(`${base(a.workspace.id)}/nope`)
        .set('X-Api-Key', a.apiKey)
        .send(update)
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send(body())
        .expect(400);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${foreign}`)
        .set('X-Api-Key', a.apiKey)
        .send(update)
        .expect(404);
      await request(t.http)
        .put(`${base(a.workspace.id)}/${MISSING_ID}`)
        .set('X-Api-Key', a.apiKey)
        .send(update)
        .expect(404);
    });

    it('PUT replaces every field and records HOLIDAY_UPDATED', async () => {
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .send({
          name: 'Renamed',
          datePeriod: { startDate: '2024-12-24', endDate: '2024-12-26' },
          occursAnnually: true,
          users: { ids: [other.user.id] },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        name: 'Renamed',
        datePeriod: { startDate: '2024-12-24', endDate: '2024-12-26' },
        occursAnnually: true,
        everyoneIncludingNew: false,
        userIds: [other.user.id],
        userGroupIds: [],
        color: null,
      });
      expect(await timeOffEvents(t.app, id)).toEqual(['HOLIDAY_CREATED', 'HOLIDAY_UPDATED']);
    });

    it('DELETE ladder, then deletes with the HolidayDto shape and HOLIDAY_DELETED', async () => {
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/x1`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${foreign}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      const res = await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        name: 'Renamed',
        automaticTimeEntryCreation: { enabled: false, defaultEntities: { projectId: null, taskId: null } },
        users: [{ id: other.user.id, name: 'Other' }],
        userGroups: [],
      });
      expect(await timeOffEvents(t.app, id)).toEqual(['HOLIDAY_CREATED', 'HOLIDAY_UPDATED', 'HOLIDAY_DELETED']);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
    });
  });
});
