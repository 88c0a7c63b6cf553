import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import {
  AssignmentBodyDto,
  createAssignments,
  publishAll,
  schedulingEvents,
  schedulingProject,
} from './factories/scheduling';
import { startTestApp, TestApp } from './utils/test-app';

const at = (day: string) => `${day}T00:00:00Z`;
const periodOf = (a: AssignmentBodyDto) => [a.period.start.slice(0, 10), a.period.end.slice(0, 10)];

describe('Scheduling assignments', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let manager: Account;
  let project: { projectId: string; taskId: string; clientId: string | null };
  let otherTask: string;
  let foreign: AssignmentBodyDto;
  const ws = () => a.workspace.id;
  const base = (wsId = ws()) => `/v1/workspaces/${wsId}/scheduling/assignments`;
  const body = (extra: Record<string, unknown> = {}) => ({
    userId: member.user.id,
    projectId: project.projectId,
    start: at('2024-03-04'),
    end: at('2024-03-08'),
    hoursPerDay: 6,
    ...extra,
  });
  const list = (key: string, start = '2024-03-01', end = '2024-04-30', extra = '') =>
    request(t.http)
      .get(`${base()}/all?start=${at(start)}&end=${at(end)}${extra}`)
      .set('X-Api-Key', key);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, ws(), { name: 'Mia Member' });
    other = await createMember(t.app, ws(), { name: 'Otto Other' });
    manager = await createMember(t.app, ws(), { name: 'Manny Manager' });
    await grantRole(t.app, ws(), manager.user.id, 'TEAM_MANAGER', member.user.id);
    project = await schedulingProject(t.app, ws(), 'Apollo', 'Acme');
    otherTask = (await schedulingProject(t.app, ws(), 'Zeus')).taskId;
    const bProject = await schedulingProject(t.app, b.workspace.id, 'Foreign');
    [foreign] = await createAssignments(t.http, b.workspace.id, b.apiKey, {
      userId: b.user.id,
      projectId: bProject.projectId,
      start: at('2024-03-04'),
      end: at('2024-03-05'),
      hoursPerDay: 2,
    });
  });
  afterAll(() => t.app.close());

  describe('POST recurring', () => {
    const post = (key: string, payload: object) =>
      request(t.http).post(`${base()}/recurring`).set('X-Api-Key', key).send(payload);

    it('401, 403 for a plain member and out-of-scope managers, 400 bad bodies, 404 foreign references', async () => {
      await request(t.http).post(`${base()}/recurring`).send(body()).expect(401);
      await post(member.apiKey, body()).expect(403);
      await post(manager.apiKey, body({ userId: other.user.id })).expect(403);
      const bad = [
        {},
        body({ userId: 'nope' }),
        body({ hoursPerDay: 0 }),
        body({ hoursPerDay: 25 }),
        body({ note: 'x'.repeat(101) }),
        body({ start: at('2024-03-08'), end: at('2024-03-04') }),
        body({ extra: true }),
        body({ start: 'monday' }),
        body({ recurringAssignment: { weeks: 100 } }),
        body({ recurringAssignment: { repeat: true } }),
        body({ end: at('2024-03-12'), recurringAssignment: { repeat: true, weeks: 2 } }),
        body({ startTime: '25:00:00' }),
      ];
      for (const payload of bad) await post(a.apiKey, payload).expect(400);
      await post(a.apiKey, body({ projectId: foreign.projectId })).expect(404);
      await post(a.apiKey, body({ userId: MISSING_ID })).expect(404);
      await post(a.apiKey, body({ userId: b.user.id })).expect(404);
      await post(a.apiKey, body({ taskId: otherTask })).expect(404);
    });

    it('a project manager schedules anyone on their project only', async () => {
      const pm = await createMember(t.app, ws(), { name: 'Pam PM' });
      await grantRole(t.app, ws(), pm.user.id, 'PROJECT_MANAGER', project.projectId);
      const res = await post(pm.apiKey, body({ userId: other.user.id })).expect(201);
      expect(res.body[0]).toMatchObject({ userId: other.user.id, projectId: project.projectId });
      const zeus = (await t.app.get(DataSource).query(`SELECT project_id FROM tasks WHERE id = $1`, [otherTask]))[0]
        .project_id as string;
      await post(pm.apiKey, body({ userId: other.user.id, projectId: zeus })).expect(403);
      expect(
        (await list(pm.apiKey, '2024-03-04', '2024-03-08').expect(200)).body.map((x: { id: string }) => x.id),
      ).toEqual([res.body[0].id]);
      await request(t.http).delete(`${base()}/recurring/${res.body[0].id}`).set('X-Api-Key', pm.apiKey).expect(200);
    });

    it('creates a single unpublished assignment with its excluded days (team manager of the user)', async () => {
      const res = await post(
        manager.apiKey,
        body({
          start: at('2024-03-08'),
          end: at('2024-03-11'),
          taskId: project.taskId,
          note: 'Single',
          billable: false,
        }),
      ).expect(201);
      expect(res.body).toHaveLength(1);
      expect(res.body[0]).toMatchObject({
        workspaceId: ws(),
        userId: member.user.id,
        projectId: project.projectId,
        taskId: project.taskId,
        hoursPerDay: 6,
        includeNonWorkingDays: false,
        note: 'Single',
        billable: false,
        published: false,
        startTime: null,
        period: { start: '2024-03-08T00:00:00Z', end: '2024-03-11T00:00:00Z' },
        recurring: { repeat: false, seriesId: null, weeks: null },
        excludeDays: [
          { date: '2024-03-09T00:00:00Z', type: 'WEEKEND' },
          { date: '2024-03-10T00:00:00Z', type: 'WEEKEND' },
        ],
      });
      expect(await schedulingEvents(t.app, res.body[0].id)).toEqual(['ASSIGNMENT_CREATED']);
      await request(t.http).delete(`${base()}/recurring/${res.body[0].id}`).set('X-Api-Key', a.apiKey).expect(200);
    });
  });

  describe('a 4-week series: edit this and following from week 3, delete week 2', () => {
    let series: AssignmentBodyDto[];

    it('POST creates one occurrence per week in one series', async () => {
      series = await createAssignments(t.http, ws(), a.apiKey, {
        ...body(),
        note: 'Weekly',
        recurringAssignment: { repeat: true, weeks: 4 },
      });
      expect(series.map(periodOf)).toEqual([
        ['2024-03-04', '2024-03-08'],
        ['2024-03-11', '2024-03-15'],
        ['2024-03-18', '2024-03-22'],
        ['2024-03-25', '2024-03-29'],
      ]);
      const seriesIds = new Set(series.map((s) => s.recurring.seriesId));
      expect(seriesIds.size).toBe(1);
      expect(
        series.every(
          (s) => s.recurring.repeat && s.recurring.weeks === 4 && !s.published && s.excludeDays.length === 0,
        ),
      ).toBe(true);
      for (const s of series) expect(await schedulingEvents(t.app, s.id)).toEqual(['ASSIGNMENT_CREATED']);
    });

    it('PATCH: 401, 403, 400, 404', async () => {
      const patch = (id: string, key: string, payload: object, wsId = ws()) =>
        request(t.http)
          .patch(`${base(wsId)}/recurring/${id}`)
          .set('X-Api-Key', key)
          .send(payload);
      const ok = { start: at('2024-03-04'), end: at('2024-03-08') };
      await request(t.http).patch(`${base()}/recurring/${series[0].id}`).send(ok).expect(401);
      await patch(series[0].id, member.apiKey, ok).expect(403);
      await patch(series[0].id, other.apiKey, ok).expect(403);
      await patch('nope', a.apiKey, ok).expect(400);
      // userId is a read-only field of the assignment (accepted and ignored, see read-only-fields.e2e-spec); a typo is 400.
      for (const bad of [
        {},
        { ...ok, seriesUpdateOption: 'SOME' },
        { ...ok, hoursPerDay: -1 },
        { ...ok, usreId: other.user.id },
      ]) {
        await patch(series[0].id, a.apiKey, bad).expect(400);
      }
      await patch(foreign.id, a.apiKey, ok).expect(404);
      await patch(MISSING_ID, a.apiKey, ok).expect(404);
    });

    it('PATCH THIS_AND_FOLLOWING from week 3 splits the series', async () => {
      const res = await request(t.http)
        .patch(`${base()}/recurring/${series[2].id}`)
        .set('X-Api-Key', a.apiKey)
        .send({
          start: at('2024-03-19'),
          end: at('2024-03-22'),
          hoursPerDay: 4,
          note: 'Later',
          seriesUpdateOption: 'THIS_AND_FOLLOWING',
        })
        .expect(200);
      expect(res.body.map(periodOf)).toEqual([
        ['2024-03-19', '2024-03-22'],
        ['2024-03-26', '2024-03-29'],
      ]);
      expect(res.body.map((x: AssignmentBodyDto) => x.id)).toEqual([series[2].id, series[3].id]);
      const newSeries = res.body[0].recurring.seriesId;
      expect(newSeries).not.toBe(series[0].recurring.seriesId);
      for (const x of res.body as AssignmentBodyDto[]) {
        expect(x).toMatchObject({
          hoursPerDay: 4,
          note: 'Later',
          recurring: { repeat: true, seriesId: newSeries, weeks: 2 },
        });
      }
      expect(await schedulingEvents(t.app, series[3].id)).toEqual(['ASSIGNMENT_CREATED', 'ASSIGNMENT_UPDATED']);
    });

    it('PATCH THIS_ONE changes only that occurrence', async () => {
      const res = await request(t.http)
        .patch(`${base()}/recurring/${series[0].id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ start: at('2024-03-04'), end: at('2024-03-07'), note: 'Short', seriesUpdateOption: 'THIS_ONE' })
        .expect(200);
      expect(res.body).toHaveLength(1);
      expect(res.body[0]).toMatchObject({
        note: 'Short',
        hoursPerDay: 6,
        recurring: { seriesId: series[0].recurring.seriesId, weeks: 2 },
      });
      expect(periodOf(res.body[0])).toEqual(['2024-03-04', '2024-03-07']);
    });

    it('DELETE: 401, 403, 400, 404', async () => {
      await request(t.http).delete(`${base()}/recurring/${series[1].id}`).expect(401);
      await request(t.http).delete(`${base()}/recurring/${series[1].id}`).set('X-Api-Key', member.apiKey).expect(403);
      await request(t.http).delete(`${base()}/recurring/nope`).set('X-Api-Key', a.apiKey).expect(400);
      await request(t.http)
        .delete(`${base()}/recurring/${series[1].id}?seriesUpdateOption=SOME`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http).delete(`${base()}/recurring/${foreign.id}`).set('X-Api-Key', a.apiKey).expect(404);
      await request(t.http)
        .delete(`${base(b.workspace.id)}/recurring/${series[1].id}`)
        .set('X-Api-Key', b.apiKey)
        .expect(404);
    });

    it('DELETE week 2 (THIS_ONE) leaves weeks 1, 3 and 4', async () => {
      const res = await request(t.http)
        .delete(`${base()}/recurring/${series[1].id}?seriesUpdateOption=THIS_ONE`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(res.body.map((x: AssignmentBodyDto) => x.id)).toEqual([series[1].id]);
      expect(await schedulingEvents(t.app, series[1].id)).toEqual(['ASSIGNMENT_CREATED', 'ASSIGNMENT_DELETED']);
      const all = await list(a.apiKey).expect(200);
      expect(all.body.map((x: { id: string }) => x.id)).toEqual([series[0].id, series[2].id, series[3].id]);
      expect(all.body.map((x: { period: { start: string } }) => x.period.start.slice(0, 10))).toEqual([
        '2024-03-04',
        '2024-03-19',
        '2024-03-26',
      ]);
      expect(all.body.map((x: { hoursPerDay: number }) => x.hoursPerDay)).toEqual([6, 4, 4]);
    });

    it('PATCH ALL moves every occurrence of the (new) series, each in its week', async () => {
      const res = await request(t.http)
        .patch(`${base()}/recurring/${series[3].id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ start: at('2024-03-25'), end: at('2024-03-26'), hoursPerDay: 3, seriesUpdateOption: 'ALL' })
        .expect(200);
      expect(res.body.map(periodOf)).toEqual([
        ['2024-03-18', '2024-03-19'],
        ['2024-03-25', '2024-03-26'],
      ]);
      expect(res.body.every((x: AssignmentBodyDto) => x.hoursPerDay === 3 && x.note === 'Later')).toBe(true);
    });

    it('DELETE THIS_AND_FOLLOWING and ALL', async () => {
      const res = await request(t.http)
        .delete(`${base()}/recurring/${series[2].id}?seriesUpdateOption=ALL`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(res.body.map((x: AssignmentBodyDto) => x.id)).toEqual([series[2].id, series[3].id]);
      const more = await createAssignments(t.http, ws(), a.apiKey, {
        ...body({ start: at('2024-04-01'), end: at('2024-04-02') }),
        recurringAssignment: { weeks: 3 },
      });
      const tail = await request(t.http)
        .delete(`${base()}/recurring/${more[1].id}?seriesUpdateOption=THIS_AND_FOLLOWING`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(tail.body.map((x: AssignmentBodyDto) => x.id)).toEqual([more[1].id, more[2].id]);
      const left = await list(a.apiKey, '2024-04-01', '2024-04-30').expect(200);
      expect(left.body.map((x: { id: string }) => x.id)).toEqual([more[0].id]);
      await request(t.http).delete(`${base()}/recurring/${more[0].id}`).set('X-Api-Key', a.apiKey).expect(200);
    });
  });

  describe('PUT series/{assignmentId}', () => {
    const put = (id: string, key: string, payload: object, wsId = ws()) =>
      request(t.http)
        .put(`${base(wsId)}/series/${id}`)
        .set('X-Api-Key', key)
        .send(payload);

    it('401, 403, 400, 404', async () => {
      const [single] = await createAssignments(
        t.http,
        ws(),
        a.apiKey,
        body({ start: at('2024-05-06'), end: at('2024-05-07') }),
      );
      await request(t.http).put(`${base()}/series/${single.id}`).send({ weeks: 2 }).expect(401);
      await put(single.id, member.apiKey, { weeks: 2 }).expect(403);
      await put('nope', a.apiKey, { weeks: 2 }).expect(400);
      for (const bad of [{}, { weeks: 0 }, { weeks: 100 }, { weeks: 2, repeat: 'yes' }])
        await put(single.id, a.apiKey, bad).expect(400);
      await put(foreign.id, a.apiKey, { weeks: 2 }).expect(404);
      await request(t.http).delete(`${base()}/recurring/${single.id}`).set('X-Api-Key', a.apiKey).expect(200);
    });

    it('makes a single assignment recurring, shortens the series, and stops it', async () => {
      const [single] = await createAssignments(
        t.http,
        ws(),
        a.apiKey,
        body({ start: at('2024-05-06'), end: at('2024-05-07') }),
      );
      const three = await put(single.id, a.apiKey, { repeat: true, weeks: 3 }).expect(200);
      expect(three.body.map(periodOf)).toEqual([
        ['2024-05-06', '2024-05-07'],
        ['2024-05-13', '2024-05-14'],
        ['2024-05-20', '2024-05-21'],
      ]);
      expect(three.body[0].id).toBe(single.id);
      expect(
        three.body.every(
          (x: AssignmentBodyDto) =>
            x.recurring.weeks === 3 && x.recurring.seriesId === three.body[0].recurring.seriesId,
        ),
      ).toBe(true);
      const two = await put(single.id, a.apiKey, { weeks: 2 }).expect(200);
      expect(two.body.map((x: AssignmentBodyDto) => x.id)).toEqual([three.body[0].id, three.body[1].id]);
      expect(await schedulingEvents(t.app, three.body[2].id)).toEqual(['ASSIGNMENT_CREATED', 'ASSIGNMENT_DELETED']);
      const grown = await put(single.id, a.apiKey, { weeks: 4 }).expect(200);
      expect(grown.body.map(periodOf).map((p: string[]) => p[0])).toEqual([
        '2024-05-06',
        '2024-05-13',
        '2024-05-20',
        '2024-05-27',
      ]);
      const stop = await put(single.id, a.apiKey, { repeat: false, weeks: 1 }).expect(200);
      expect(stop.body).toHaveLength(1);
      expect(stop.body[0]).toMatchObject({ id: single.id, recurring: { repeat: false, seriesId: null } });
      const left = await list(a.apiKey, '2024-05-01', '2024-05-31').expect(200);
      expect(left.body.map((x: { id: string }) => x.id)).toEqual([single.id]);
      await request(t.http).delete(`${base()}/recurring/${single.id}`).set('X-Api-Key', a.apiKey).expect(200);
    });
  });

  describe('POST {assignmentId}/copy', () => {
    const copy = (id: string, key: string, payload: object, wsId = ws()) =>
      request(t.http)
        .post(`${base(wsId)}/${id}/copy`)
        .set('X-Api-Key', key)
        .send(payload);
    let weekly: AssignmentBodyDto[];

    beforeAll(async () => {
      weekly = await createAssignments(t.http, ws(), a.apiKey, {
        ...body({ start: at('2024-06-03'), end: at('2024-06-04'), note: 'Copy me' }),
        recurringAssignment: { weeks: 3 },
      });
    });

    it('401, 403, 400, 404', async () => {
      await request(t.http).post(`${base()}/${weekly[0].id}/copy`).send({ userId: other.user.id }).expect(401);
      await copy(weekly[0].id, member.apiKey, { userId: other.user.id }).expect(403);
      await copy(weekly[0].id, manager.apiKey, { userId: other.user.id }).expect(403);
      await copy('nope', a.apiKey, { userId: other.user.id }).expect(400);
      for (const bad of [{}, { userId: 'x' }, { userId: other.user.id, seriesUpdateOption: 'NONE' }])
        await copy(weekly[0].id, a.apiKey, bad).expect(400);
      await copy(foreign.id, a.apiKey, { userId: other.user.id }).expect(404);
      await copy(weekly[0].id, a.apiKey, { userId: MISSING_ID }).expect(404);
    });

    it('copies one occurrence, or the series from this week on, to another user', async () => {
      const one = await copy(weekly[1].id, a.apiKey, { userId: other.user.id }).expect(200);
      expect(one.body).toHaveLength(1);
      expect(one.body[0]).toMatchObject({
        userId: other.user.id,
        note: 'Copy me',
        published: false,
        recurring: { repeat: false, seriesId: null },
      });
      expect(periodOf(one.body[0])).toEqual(['2024-06-10', '2024-06-11']);
      expect(await schedulingEvents(t.app, one.body[0].id)).toEqual(['ASSIGNMENT_CREATED']);
      const following = await copy(weekly[1].id, a.apiKey, {
        userId: other.user.id,
        seriesUpdateOption: 'THIS_AND_FOLLOWING',
      }).expect(200);
      expect(following.body.map(periodOf)).toEqual([
        ['2024-06-10', '2024-06-11'],
        ['2024-06-17', '2024-06-18'],
      ]);
      expect(following.body[0].recurring).toMatchObject({ repeat: true, weeks: 2 });
      expect(following.body[0].recurring.seriesId).not.toBe(weekly[0].recurring.seriesId);
      const all = await copy(weekly[2].id, a.apiKey, { userId: other.user.id, seriesUpdateOption: 'ALL' }).expect(200);
      expect(all.body).toHaveLength(3);
      expect(all.body.every((x: AssignmentBodyDto) => x.userId === other.user.id)).toBe(true);
    });
  });

  describe('GET all and PUT publish', () => {
    let mine: AssignmentBodyDto[];
    let others: AssignmentBodyDto[];
    const window = ['2024-07-01', '2024-07-31'] as const;

    beforeAll(async () => {
      mine = await createAssignments(
        t.http,
        ws(),
        a.apiKey,
        body({ start: at('2024-07-01'), end: at('2024-07-03'), taskId: project.taskId, note: 'Mine' }),
      );
      others = await createAssignments(
        t.http,
        ws(),
        a.apiKey,
        body({ userId: other.user.id, start: at('2024-07-02'), end: at('2024-07-02') }),
      );
    });

    it('GET all: 401, 400, hydrated fields, filters, sorting and paging', async () => {
      await request(t.http)
        .get(`${base()}/all?start=${at(window[0])}&end=${at(window[1])}`)
        .expect(401);
      await request(t.http)
        .get(`${base()}/all?end=${at(window[1])}`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await list(a.apiKey, ...window, '&sort-column=NAME').expect(400);
      await list(a.apiKey, ...window, '&page-size=0').expect(400);
      const res = await list(a.apiKey, ...window).expect(200);
      expect(res.headers['x-total-count']).toBe('2');
      expect(res.body[0]).toEqual({
        id: mine[0].id,
        workspaceId: ws(),
        userId: member.user.id,
        userName: 'Mia Member',
        projectId: project.projectId,
        projectName: 'Apollo',
        projectColor: '#123456',
        projectArchived: false,
        projectBillable: true,
        clientId: project.clientId,
        clientName: 'Acme',
        taskId: project.taskId,
        taskName: 'Bugfixing',
        period: { start: '2024-07-01T00:00:00Z', end: '2024-07-03T00:00:00Z' },
        hoursPerDay: 6,
        note: 'Mine',
        billable: true,
        startTime: null,
      });
      const named = await list(a.apiKey, ...window, '&name=otto').expect(200);
      expect(named.body.map((x: { id: string }) => x.id)).toEqual([others[0].id]);
      const sorted = await list(a.apiKey, ...window, '&sort-column=USER&sort-order=DESCENDING').expect(200);
      expect(sorted.body.map((x: { userName: string }) => x.userName)).toEqual(['Otto Other', 'Mia Member']);
      const paged = await list(a.apiKey, ...window, '&page=2&page-size=1').expect(200);
      expect(paged.body).toHaveLength(1);
      expect(paged.headers['last-page']).toBe('true');
      expect((await list(a.apiKey, ...window, '').set('X-Api-Key', b.apiKey)).status).toBe(403);
    });

    it('PUT publish: 401, 403 for a plain member, 400 bad bodies', async () => {
      const put = (key: string, payload: object) =>
        request(t.http).put(`${base()}/publish`).set('X-Api-Key', key).send(payload);
      await request(t.http)
        .put(`${base()}/publish`)
        .send({ start: at(window[0]), end: at(window[1]) })
        .expect(401);
      await put(member.apiKey, { start: at(window[0]), end: at(window[1]) }).expect(403);
      for (const bad of [
        {},
        { start: at(window[0]) },
        { start: at(window[0]), end: at(window[1]), viewType: 'X' },
        { start: at(window[0]), end: at(window[1]), x: 1 },
        { start: at(window[0]), end: at(window[1]), userFilter: { ids: ['bad'] } },
      ]) {
        await put(a.apiKey, bad).expect(400);
      }
    });

    it('unpublished assignments are invisible to the assignee, visible to the team manager; publishing shows them', async () => {
      expect((await list(member.apiKey, ...window).expect(200)).body).toEqual([]);
      expect((await list(other.apiKey, ...window).expect(200)).body).toEqual([]);
      const managed = await list(manager.apiKey, ...window).expect(200);
      expect(managed.body.map((x: { id: string }) => x.id)).toEqual([mine[0].id]);
      // The team manager publishes: only the assignments of the members they manage.
      await request(t.http)
        .put(`${base()}/publish`)
        .set('X-Api-Key', manager.apiKey)
        .send({ start: at(window[0]), end: at(window[1]), notifyUsers: true })
        .expect(200);
      expect((await list(member.apiKey, ...window).expect(200)).body.map((x: { id: string }) => x.id)).toEqual([
        mine[0].id,
      ]);
      expect((await list(other.apiKey, ...window).expect(200)).body).toEqual([]);
      expect(await schedulingEvents(t.app, mine[0].id)).toEqual(['ASSIGNMENT_CREATED', 'ASSIGNMENT_PUBLISHED']);
      expect(await schedulingEvents(t.app, others[0].id)).toEqual(['ASSIGNMENT_CREATED']);
      await request(t.http)
        .put(`${base()}/publish`)
        .set('X-Api-Key', a.apiKey)
        .send({
          start: at(window[0]),
          end: at(window[1]),
          search: 'otto',
          viewType: 'TEAM',
          userFilter: { contains: 'CONTAINS', ids: [other.user.id] },
        })
        .expect(200);
      const seen = await list(other.apiKey, ...window).expect(200);
      expect(seen.body.map((x: { id: string }) => x.id)).toEqual([others[0].id]);
      // Only their own: the member does not see the other member's published assignment.
      expect((await list(member.apiKey, ...window).expect(200)).body.map((x: { id: string }) => x.id)).toEqual([
        mine[0].id,
      ]);
      await publishAll(t.http, ws(), a.apiKey, at(window[0]), at(window[1]));
      expect(await schedulingEvents(t.app, others[0].id)).toEqual(['ASSIGNMENT_CREATED', 'ASSIGNMENT_PUBLISHED']);
    });
  });
});
