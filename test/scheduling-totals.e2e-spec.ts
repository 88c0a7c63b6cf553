import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, createMember, createOwner, grantRole, MISSING_ID, Owner } from './factories';
import { AssignmentBody, createAssignments, publishAll, schedulingProject } from './factories/scheduling';
import { createPolicy, setBalance } from './factories/time-off';
import { startTestApp, TestApp } from './utils/test-app';

const at = (day: string) => `${day}T00:00:00Z`;
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

interface DayTotals {
  date: string;
  totalHours: number;
  capacityHours: number;
  differenceHours: number;
}

function daysOf(start: string, end: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(at(start)); ms <= Date.parse(at(end)); ms += 86_400_000)
    days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

/**
 * The expected totals, computed here independently of the server's SQL: capacity is the
 * member's hours on working days, none on holidays, less approved time off (half a day: half);
 * scheduled hours count on working days, and on other days only for assignments that include them.
 */
function expected(
  range: [string, string],
  member: { workingDays: string[]; capacityHours: number },
  holidays: string[],
  timeOff: Record<string, number>,
  assignments: AssignmentBody[],
): DayTotals[] {
  return daysOf(...range).map((day) => {
    const working = member.workingDays.includes(WEEKDAYS[new Date(at(day)).getUTCDay()]);
    const capacity = working && !holidays.includes(day) ? member.capacityHours * (1 - (timeOff[day] ?? 0)) : 0;
    const scheduled = assignments
      .filter((x) => x.start.slice(0, 10) <= day && day <= x.end.slice(0, 10) && (working || x.includeNonWorkingDays))
      .reduce((sum, x) => sum + x.hoursPerDay, 0);
    return { date: at(day), totalHours: scheduled, capacityHours: capacity, differenceHours: capacity - scheduled };
  });
}

describe('Scheduling totals', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let manager: Account;
  let apollo: { projectId: string; taskId: string };
  let zeus: { projectId: string; taskId: string };
  let foreignProject: string;
  const ws = () => a.workspace.id;
  const base = (wsId = ws()) => `/v1/workspaces/${wsId}/scheduling/assignments`;
  const range: [string, string] = ['2024-04-06', '2024-04-21'];
  const memberSettings = { workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'SATURDAY'], capacityHours: 7 };
  const holidays = ['2024-04-10'];
  const timeOff = { '2024-04-12': 1, '2024-04-13': 1, '2024-04-16': 0.5 };
  let memberAssignments: AssignmentBody[];

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, ws(), { name: 'Mia Member' });
    other = await createMember(t.app, ws(), { name: 'Otto Other' });
    manager = await createMember(t.app, ws(), { name: 'Manny Manager' });
    await grantRole(t.app, ws(), manager.user.id, 'TEAM_MANAGER', member.user.id);
    const db = t.app.get(DataSource);
    await db.query(
      `UPDATE workspace_members SET working_days = $3, work_capacity = $4 WHERE workspace_id = $1 AND user_id = $2`,
      [ws(), member.user.id, memberSettings.workingDays, memberSettings.capacityHours * 3600],
    );
    apollo = await schedulingProject(t.app, ws(), 'Apollo', 'Acme');
    zeus = await schedulingProject(t.app, ws(), 'Zeus');
    foreignProject = (await schedulingProject(t.app, b.workspace.id, 'Foreign')).projectId;
    await db.query(`UPDATE projects SET time_estimate = $2, budget_estimate = $3 WHERE id = $1`, [
      apollo.projectId,
      { active: true, estimate: 36000, type: 'MANUAL', includeNonBillable: true, resetOption: null },
      { active: true, estimate: 500000, type: 'MANUAL', includeExpenses: false, resetOption: null },
    ]);

    // A holiday for everyone (Wednesday), an approved day off (Friday-Saturday), an approved half day, a pending one.
    await request(t.http)
      .post(`/v1/workspaces/${ws()}/holidays`)
      .set('X-Api-Key', a.apiKey)
      .send({
        name: 'Spring day',
        datePeriod: { startDate: holidays[0], endDate: holidays[0] },
        everyoneIncludingNew: true,
      })
      .expect(200);
    const policy = await createPolicy(t.http, ws(), a.apiKey, {
      name: 'Vacation',
      allowHalfDay: true,
      allowNegativeBalance: true,
      negativeAmount: 20,
    });
    await setBalance(t.http, ws(), a.apiKey, policy, [member.user.id], 10);
    const requests = `/v1/workspaces/${ws()}/time-off/policies/${policy}/requests`;
    const ask = async (start: string, end: string, extra: object = {}) =>
      (
        await request(t.http)
          .post(requests)
          .set('X-Api-Key', member.apiKey)
          .send({ timeOffPeriod: { period: { start, end }, ...extra } })
          .expect(200)
      ).body.id as string;
    const approve = (id: string) =>
      request(t.http).patch(`${requests}/${id}`).set('X-Api-Key', a.apiKey).send({ status: 'APPROVED' }).expect(200);
    await approve(await ask('2024-04-12', '2024-04-13'));
    await approve(await ask('2024-04-16', '2024-04-16', { isHalfDay: true, halfDayPeriod: 'FIRST_HALF' }));
    await ask('2024-04-18', '2024-04-18');

    memberAssignments = [
      {
        userId: member.user.id,
        projectId: apollo.projectId,
        start: at('2024-04-08'),
        end: at('2024-04-14'),
        hoursPerDay: 3,
      },
      {
        userId: member.user.id,
        projectId: zeus.projectId,
        start: at('2024-04-11'),
        end: at('2024-04-16'),
        hoursPerDay: 2.5,
        includeNonWorkingDays: true,
      },
      {
        userId: member.user.id,
        projectId: apollo.projectId,
        taskId: apollo.taskId,
        start: at('2024-04-05'),
        end: at('2024-04-07'),
        hoursPerDay: 1,
      },
    ];
    for (const body of memberAssignments) await createAssignments(t.http, ws(), a.apiKey, body);
    // Recurring: two weeks of Mondays and Tuesdays.
    const weekly = {
      userId: member.user.id,
      projectId: zeus.projectId,
      start: at('2024-04-15'),
      end: at('2024-04-16'),
      hoursPerDay: 1.25,
    };
    await createAssignments(t.http, ws(), a.apiKey, { ...weekly, recurringAssignment: { repeat: true, weeks: 2 } });
    memberAssignments.push(weekly, { ...weekly, start: at('2024-04-22'), end: at('2024-04-23') });
    await createAssignments(t.http, ws(), a.apiKey, {
      userId: other.user.id,
      projectId: apollo.projectId,
      start: at('2024-04-08'),
      end: at('2024-04-09'),
      hoursPerDay: 8,
    });
  });
  afterAll(() => t.app.close());

  describe('GET users/{userId}/totals', () => {
    const get = (userId: string, key: string, query = `start=${at(range[0])}&end=${at(range[1])}`, wsId = ws()) =>
      request(t.http)
        .get(`${base(wsId)}/users/${userId}/totals?${query}`)
        .set('X-Api-Key', key);

    it('401, 400, 403 for another member, 404 for a non-member', async () => {
      await request(t.http)
        .get(`${base()}/users/${member.user.id}/totals?start=${at(range[0])}&end=${at(range[1])}`)
        .expect(401);
      await get('nope', a.apiKey).expect(400);
      await get(member.user.id, a.apiKey, `start=${at(range[0])}`).expect(400);
      await get(member.user.id, a.apiKey, `start=${at(range[1])}&end=${at(range[0])}`).expect(400);
      await get(member.user.id, a.apiKey, `start=x&end=${at(range[1])}`).expect(400);
      await get(member.user.id, other.apiKey).expect(403);
      await get(MISSING_ID, a.apiKey).expect(404);
      await get(b.user.id, a.apiKey).expect(404);
    });

    it('per day: scheduled hours, capacity (holiday, approved time off) and difference, as computed independently', async () => {
      const res = await get(member.user.id, a.apiKey).expect(200);
      expect(res.body).toMatchObject({
        workspaceId: ws(),
        userId: member.user.id,
        userName: 'Mia Member',
        userStatus: 'ACTIVE',
        capacityPerDay: 25200,
        workingDays: memberSettings.workingDays,
      });
      const want = expected(range, memberSettings, holidays, timeOff, memberAssignments);
      expect(res.body.totalHoursPerDay).toEqual(want);
      // Spot checks of the rules themselves.
      const day = (d: string) => (res.body.totalHoursPerDay as DayTotals[]).find((x) => x.date === at(d));
      expect(day('2024-04-10')).toEqual({
        date: at('2024-04-10'),
        totalHours: 3,
        capacityHours: 0,
        differenceHours: -3,
      });
      expect(day('2024-04-12')).toEqual({
        date: at('2024-04-12'),
        totalHours: 2.5,
        capacityHours: 0,
        differenceHours: -2.5,
      });
      expect(day('2024-04-16')).toEqual({
        date: at('2024-04-16'),
        totalHours: 3.75,
        capacityHours: 3.5,
        differenceHours: -0.25,
      });
      expect(day('2024-04-18')).toEqual({
        date: at('2024-04-18'),
        totalHours: 0,
        capacityHours: 7,
        differenceHours: 7,
      });
      // The team manager sees the same; the assignee sees nothing scheduled until it is published.
      expect((await get(member.user.id, manager.apiKey).expect(200)).body.totalHoursPerDay).toEqual(want);
      const own = await get(member.user.id, member.apiKey).expect(200);
      expect((own.body.totalHoursPerDay as DayTotals[]).every((d) => d.totalHours === 0)).toBe(true);
    });
  });

  describe('POST user-filter/totals', () => {
    const post = (key: string, body: object, wsId = ws()) =>
      request(t.http)
        .post(`${base(wsId)}/user-filter/totals`)
        .set('X-Api-Key', key)
        .send(body);
    const period = { start: at(range[0]), end: at(range[1]) };

    it('401, 400 bad bodies', async () => {
      await request(t.http).post(`${base()}/user-filter/totals`).send(period).expect(401);
      for (const bad of [
        {},
        { start: period.start },
        { ...period, pageSize: 201 },
        { ...period, statusFilter: 'DRAFT' },
        { ...period, userFilter: { ids: ['x'] } },
        { ...period, x: 1 },
      ]) {
        await post(a.apiKey, bad).expect(400);
      }
      await post(b.apiKey, period).expect(403);
    });

    it('lists members with their totals; filters by ids, search and status', async () => {
      const all = await post(a.apiKey, period).expect(200);
      expect(all.body.map((u: { userName: string }) => u.userName)).toEqual([
        'Alice',
        'Manny Manager',
        'Mia Member',
        'Otto Other',
      ]);
      expect(all.headers['x-total-count']).toBe('4');
      const only = await post(a.apiKey, {
        ...period,
        userFilter: { contains: 'CONTAINS', ids: [member.user.id] },
      }).expect(200);
      expect(only.body).toHaveLength(1);
      expect(only.body[0].totalHoursPerDay).toEqual(
        expected(range, memberSettings, holidays, timeOff, memberAssignments),
      );
      const searched = await post(a.apiKey, { ...period, search: 'otto' }).expect(200);
      expect(searched.body.map((u: { userId: string }) => u.userId)).toEqual([other.user.id]);
      expect(searched.body[0].totalHoursPerDay.find((d: DayTotals) => d.date === at('2024-04-08'))).toEqual({
        date: at('2024-04-08'),
        totalHours: 8,
        capacityHours: 8,
        differenceHours: 0,
      });
      const published = await post(a.apiKey, {
        ...period,
        statusFilter: 'PUBLISHED',
        userFilter: { ids: [member.user.id] },
      }).expect(200);
      expect((published.body[0].totalHoursPerDay as DayTotals[]).every((d) => d.totalHours === 0)).toBe(true);
      const paged = await post(a.apiKey, { ...period, page: 2, pageSize: 3 }).expect(200);
      expect(paged.body.map((u: { userName: string }) => u.userName)).toEqual(['Otto Other']);
      // A plain member sees only themselves; a team manager themselves and their team.
      expect((await post(other.apiKey, period).expect(200)).body.map((u: { userId: string }) => u.userId)).toEqual([
        other.user.id,
      ]);
      expect((await post(manager.apiKey, period).expect(200)).body.map((u: { userId: string }) => u.userId)).toEqual([
        manager.user.id,
        member.user.id,
      ]);
    });
  });

  describe('project totals', () => {
    const period = { start: at(range[0]), end: at(range[1]) };
    // Apollo: member 3h Mon-Thu + Sat (not Fri 12th, not Sun 14th) in 8..14 = 5 days = 15h (the holiday does not remove hours);
    // 1h on Sat 6th (a working day; 7th is a Sunday); other: 8h on 8th and 9th.
    const apolloHours = 15 + 1 + 16;

    it('POST projects/totals: 401, 400, and the totals per project', async () => {
      await request(t.http).post(`${base()}/projects/totals`).send(period).expect(401);
      for (const bad of [{}, { ...period, pageSize: 500 }, { ...period, statusFilter: 'X' }]) {
        await request(t.http).post(`${base()}/projects/totals`).set('X-Api-Key', a.apiKey).send(bad).expect(400);
      }
      const res = await request(t.http)
        .post(`${base()}/projects/totals`)
        .set('X-Api-Key', a.apiKey)
        .send(period)
        .expect(200);
      expect(res.body.map((p: { projectName: string }) => p.projectName)).toEqual(['Apollo', 'Zeus']);
      const [ap, ze] = res.body;
      expect(ap).toMatchObject({
        workspaceId: ws(),
        projectId: apollo.projectId,
        clientName: 'Acme',
        projectColor: '#123456',
        projectArchived: false,
        projectBillable: true,
        totalHours: apolloHours,
        milestones: [],
        estimateHours: 10,
        remainingEstimateHours: 10 - apolloHours,
        budgetEstimate: 500000,
      });
      expect(ap.assignments).toHaveLength(16);
      expect(
        ap.assignments
          .filter((d: { hasAssignment: boolean }) => d.hasAssignment)
          .map((d: { date: string }) => d.date.slice(0, 10)),
      ).toEqual(['2024-04-06', '2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-13']);
      // Zeus: 2.5h on each of 11..16 (includes non-working days) + 1.25h on 15, 16 (the 22nd is outside the range).
      expect(ze).toMatchObject({
        projectName: 'Zeus',
        clientName: null,
        totalHours: 15 + 2.5,
        estimateHours: null,
        budgetEstimate: null,
      });
      const searched = await request(t.http)
        .post(`${base()}/projects/totals`)
        .set('X-Api-Key', a.apiKey)
        .send({ ...period, search: 'acm' })
        .expect(200);
      expect(searched.body.map((p: { projectId: string }) => p.projectId)).toEqual([apollo.projectId]);
      // The assignee sees nothing unpublished; after publishing, their own assignments.
      expect(
        (
          await request(t.http)
            .post(`${base()}/projects/totals`)
            .set('X-Api-Key', member.apiKey)
            .send(period)
            .expect(200)
        ).body,
      ).toEqual([]);
    });

    it('GET projects/totals/{projectId}: 401, 400, 404, the project', async () => {
      const get = (id: string, key: string, query = `start=${period.start}&end=${period.end}`) =>
        request(t.http).get(`${base()}/projects/totals/${id}?${query}`).set('X-Api-Key', key);
      await request(t.http)
        .get(`${base()}/projects/totals/${apollo.projectId}?start=${period.start}&end=${period.end}`)
        .expect(401);
      await get('nope', a.apiKey).expect(400);
      await get(apollo.projectId, a.apiKey, `start=${period.start}`).expect(400);
      await get(foreignProject, a.apiKey).expect(404);
      await get(MISSING_ID, a.apiKey).expect(404);
      const res = await get(apollo.projectId, a.apiKey).expect(200);
      expect(res.body).toMatchObject({ projectId: apollo.projectId, projectName: 'Apollo', totalHours: apolloHours });
      const week = await get(apollo.projectId, a.apiKey, `start=${at('2024-04-08')}&end=${at('2024-04-09')}`).expect(
        200,
      );
      expect(week.body.totalHours).toBe(22);
    });

    it('GET projects/totals (deprecated): 401, 400, search and paging', async () => {
      await request(t.http).get(`${base()}/projects/totals?start=${period.start}&end=${period.end}`).expect(401);
      await request(t.http)
        .get(`${base()}/projects/totals?start=${period.start}`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base()}/projects/totals?start=${period.start}&end=${period.end}&page-size=0`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
      const res = await request(t.http)
        .get(`${base()}/projects/totals?start=${period.start}&end=${period.end}&page-size=1&page=2`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(res.body.map((p: { projectName: string }) => p.projectName)).toEqual(['Zeus']);
      expect(res.headers['x-total-count']).toBe('2');
      const searched = await request(t.http)
        .get(`${base()}/projects/totals?start=${period.start}&end=${period.end}&search=zeu`)
        .set('X-Api-Key', a.apiKey)
        .expect(200);
      expect(searched.body.map((p: { projectName: string }) => p.projectName)).toEqual(['Zeus']);
    });

    it('after publishing, the assignee sees their own hours', async () => {
      await publishAll(t.http, ws(), a.apiKey, period.start, at('2024-04-30'));
      const own = await request(t.http)
        .get(`${base()}/users/${member.user.id}/totals?start=${period.start}&end=${period.end}`)
        .set('X-Api-Key', member.apiKey)
        .expect(200);
      expect(own.body.totalHoursPerDay).toEqual(expected(range, memberSettings, holidays, timeOff, memberAssignments));
      const projects = await request(t.http)
        .post(`${base()}/projects/totals`)
        .set('X-Api-Key', member.apiKey)
        .send(period)
        .expect(200);
      expect(projects.body.find((p: { projectName: string }) => p.projectName === 'Apollo').totalHours).toBe(16);
    });
  });
});
