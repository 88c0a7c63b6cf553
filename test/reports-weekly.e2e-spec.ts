import request from 'supertest';
import { createMember, createOwner, Owner } from './factories';
import { cents, repEntry, seconds } from './factories/reports';
import { teProject, teSetting } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

interface Entry {
  user: 'u1' | 'u2';
  project: 'p1' | 'p2' | null;
  start: string;
  end: string;
  billable: boolean;
  rate: number;
}
interface Day {
  date: string;
  duration: number;
  amount: number | null;
}
interface Group {
  _id: string;
  name: string;
  duration: number;
  amount: number | null;
  days: Day[];
}

/** The local calendar date of an instant in a zone, by Intl (independent of the server's SQL). */
const localDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
const weekDays = (first: string) =>
  Array.from({ length: 7 }, (_, i) =>
    new Date(Date.parse(`${first}T00:00:00Z`) + i * 86400_000).toISOString().slice(0, 10),
  );

describe('Weekly report', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  const ids: Record<string, string> = {};
  const url = (ws: string) => `/v1/workspaces/${ws}/reports/weekly`;

  // New York: DST starts Sunday 2024-03-10 02:00 (EST -5 -> EDT -4); the week is Sunday 03-10 .. Saturday 03-16.
  const ny: Entry[] = [
    {
      user: 'u1',
      project: 'p1',
      start: '2024-03-10T04:30:00Z',
      end: '2024-03-10T05:00:00Z',
      billable: true,
      rate: 6000,
    }, // Sat 23:30 EST: previous week
    {
      user: 'u1',
      project: 'p1',
      start: '2024-03-10T05:30:00Z',
      end: '2024-03-10T07:30:00Z',
      billable: true,
      rate: 6000,
    }, // Sun 00:30 EST
    {
      user: 'u1',
      project: 'p2',
      start: '2024-03-10T13:00:00Z',
      end: '2024-03-10T14:15:00Z',
      billable: false,
      rate: 6000,
    }, // Sun 09:00 EDT
    {
      user: 'u1',
      project: 'p1',
      start: '2024-03-11T04:30:00Z',
      end: '2024-03-11T05:10:00Z',
      billable: true,
      rate: 9000,
    }, // Mon 00:30 EDT (Sun 23:30 if EST)
    {
      user: 'u2',
      project: 'p2',
      start: '2024-03-13T15:00:00Z',
      end: '2024-03-13T17:20:00Z',
      billable: true,
      rate: 12000,
    }, // Wed
    {
      user: 'u2',
      project: null,
      start: '2024-03-16T12:00:00Z',
      end: '2024-03-16T12:45:00Z',
      billable: true,
      rate: 12000,
    }, // Sat
    {
      user: 'u2',
      project: 'p1',
      start: '2024-03-17T03:30:00Z',
      end: '2024-03-17T04:00:00Z',
      billable: true,
      rate: 12000,
    }, // Sat 23:30 EDT: in the week
    {
      user: 'u2',
      project: 'p1',
      start: '2024-03-17T04:30:00Z',
      end: '2024-03-17T05:00:00Z',
      billable: true,
      rate: 12000,
    }, // Sun 00:30 EDT: next week
  ];
  // Berlin: DST starts Sunday 2024-03-31 02:00 (CET +1 -> CEST +2); the week is Monday 03-25 .. Sunday 03-31.
  const berlin: Entry[] = [
    {
      user: 'u1',
      project: 'p1',
      start: '2024-03-24T22:30:00Z',
      end: '2024-03-24T23:30:00Z',
      billable: true,
      rate: 6000,
    }, // Sun 23:30 CET: previous week
    {
      user: 'u1',
      project: 'p1',
      start: '2024-03-24T23:30:00Z',
      end: '2024-03-25T01:00:00Z',
      billable: true,
      rate: 6000,
    }, // Mon 00:30 CET
    {
      user: 'u2',
      project: 'p2',
      start: '2024-03-31T21:30:00Z',
      end: '2024-03-31T21:50:00Z',
      billable: false,
      rate: 6000,
    }, // Sun 23:30 CEST
    {
      user: 'u2',
      project: 'p2',
      start: '2024-03-31T22:30:00Z',
      end: '2024-03-31T23:00:00Z',
      billable: true,
      rate: 6000,
    }, // Mon 00:30 CEST: next week
  ];

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    const u2 = await createMember(t.app, a.workspace.id, { name: 'Zed' });
    ids.u1 = a.user.id;
    ids.u2 = u2.user.id;
    ids.p1 = await teProject(t.app, a.workspace.id, { name: 'Apollo' });
    ids.p2 = await teProject(t.app, a.workspace.id, { name: 'Borealis' });
    ids.pb = await teProject(t.app, b.workspace.id, { name: 'B project' });
    for (const e of [...ny, ...berlin]) {
      await repEntry(t.app, a.workspace.id, {
        userId: ids[e.user],
        projectId: e.project ? ids[e.project] : null,
        start: e.start,
        end: e.end,
        billable: e.billable,
        hourlyRate: e.rate,
      });
    }
    await repEntry(t.app, b.workspace.id, {
      userId: b.user.id,
      projectId: ids.pb,
      start: '2024-03-12T10:00:00Z',
      end: '2024-03-12T11:00:00Z',
    });
  });
  afterAll(() => t.app.close());

  const post = (body: Record<string, unknown>, key = a.apiKey, ws = a.workspace.id) =>
    request(t.http).post(url(ws)).set('X-Api-Key', key).send(body);

  /** What the report must say, computed from the entries the test created. */
  function expected(entries: Entry[], tz: string, first: string, groupBy: 'user' | 'project') {
    const days = weekDays(first);
    const inWeek = entries.filter((e) => days.includes(localDate(e.start, tz)));
    const earned = (e: Entry) => (e.billable ? cents(seconds(e), e.rate) : 0);
    const byKey = new Map<string, Entry[]>();
    for (const e of inWeek) {
      const key = groupBy === 'user' ? ids[e.user] : e.project ? ids[e.project] : '';
      byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
    const dayTotals = (list: Entry[]) =>
      days.map((date) => {
        const on = list.filter((e) => localDate(e.start, tz) === date);
        return {
          date,
          duration: on.reduce((s, e) => s + seconds(e), 0),
          amount: on.reduce((s, e) => s + earned(e), 0),
        };
      });
    return {
      days,
      totalTime: inWeek.reduce((s, e) => s + seconds(e), 0),
      billable: inWeek.filter((e) => e.billable).reduce((s, e) => s + seconds(e), 0),
      earned: inWeek.reduce((s, e) => s + earned(e), 0),
      count: inWeek.length,
      byDay: dayTotals(inWeek),
      groups: new Map(
        [...byKey].map(([k, list]) => [
          k,
          { duration: list.reduce((s, e) => s + seconds(e), 0), days: dayTotals(list) },
        ]),
      ),
    };
  }

  it('401 without credentials, 403 for a non-member, 400 for bad bodies', async () => {
    const body = {
      dateRangeStart: '2024-03-10T00:00:00',
      dateRangeEnd: '2024-03-16T23:59:59',
      weeklyFilter: { group: 'USER' },
    };
    await request(t.http).post(url(a.workspace.id)).send(body).expect(401);
    await post(body, b.apiKey).expect(403);
    await post(body, a.apiKey, 'bad').expect(400);
    await post({ ...body, weeklyFilter: undefined }).expect(400);
    await post({ ...body, weeklyFilter: { group: 'TAG' } }).expect(400);
    await post({ ...body, timeZone: 'Mars/Olympus' }).expect(400);
    await post({ ...body, weekStart: 'FUNDAY' }).expect(400);
    await post({ ...body, dateRangeStart: 'soon' }).expect(400);
    await post({ ...body, unknown: 1 }).expect(400);
    await post({ ...body, tasks: { ids: ['zz'] } }).expect(400);
  });

  it("another workspace's project ids select nothing (never its data)", async () => {
    const res = await post({
      dateRangeStart: '2024-03-10T00:00:00',
      dateRangeEnd: '2024-03-16T23:59:59',
      timeZone: 'America/New_York',
      weekStart: 'SUNDAY',
      projects: { ids: [ids.pb], contains: 'CONTAINS' },
      weeklyFilter: { group: 'USER' },
    }).expect(200);
    expect(res.body.groupOne).toEqual([]);
    expect(res.body.totals[0]).toMatchObject({ totalTime: 0, entriesCount: 0 });
    expect(res.body.totalsByDay).toHaveLength(7);
  });

  it('America/New_York, DST week, by USER: 7 local days from weekStart, rows, totals and amounts', async () => {
    const exp = expected(ny, 'America/New_York', '2024-03-10', 'user');
    const res = await post({
      dateRangeStart: '2024-03-12T10:00:00',
      dateRangeEnd: '2024-03-16T23:59:59',
      timeZone: 'America/New_York',
      weekStart: 'SUNDAY',
      weeklyFilter: { group: 'USER', subgroup: 'TIME' },
    }).expect(200);
    expect(res.body.totalsByDay).toEqual(exp.byDay);
    expect(res.body.totals).toEqual([
      expect.objectContaining({
        totalTime: exp.totalTime,
        totalBillableTime: exp.billable,
        entriesCount: exp.count,
        totalAmount: exp.earned,
        amounts: [{ type: 'EARNED', value: exp.earned }],
      }),
    ]);
    expect(res.body.groupOne.map((g: Group) => g.name)).toEqual(['Alice', 'Zed']);
    for (const g of res.body.groupOne as Group[]) {
      const want = exp.groups.get(g._id);
      expect(g.duration).toBe(want?.duration);
      expect(g.days).toEqual(want?.days);
      expect(g.amount).toBe(g.days.reduce((s, d) => s + (d.amount ?? 0), 0));
    }
    expect(res.body).toMatchObject({
      decimalFormat: false,
      includeUsersWithoutTime: false,
      trackTimeDownToSeconds: true,
      usersWithoutTime: [],
    });
  });

  it('Europe/Berlin, DST week, by PROJECT, weeks starting on MONDAY', async () => {
    const exp = expected(berlin, 'Europe/Berlin', '2024-03-25', 'project');
    const res = await post({
      dateRangeStart: '2024-03-27T00:00:00',
      dateRangeEnd: '2024-03-31T23:59:59',
      timeZone: 'Europe/Berlin',
      weekStart: 'MONDAY',
      weeklyFilter: { group: 'PROJECT' },
    }).expect(200);
    expect(res.body.totalsByDay).toEqual(exp.byDay);
    expect(res.body.totals[0]).toMatchObject({ totalTime: exp.totalTime, entriesCount: exp.count });
    expect(res.body.groupOne.map((g: Group) => [g.name, g.duration])).toEqual([
      ['Apollo', exp.groups.get(ids.p1)?.duration],
      ['Borealis', exp.groups.get(ids.p2)?.duration],
    ]);
    expect(res.body.groupOne[0].days).toEqual(exp.groups.get(ids.p1)?.days);
  });

  it('the shared filter applies (billable only, one user) and rounding UP to 15 minutes rounds each entry', async () => {
    const exp = expected(
      ny.filter((e) => e.billable && e.user === 'u2'),
      'America/New_York',
      '2024-03-10',
      'user',
    );
    const res = await post({
      dateRangeStart: '2024-03-10T00:00:00',
      dateRangeEnd: '2024-03-16T23:59:59',
      timeZone: 'America/New_York',
      weekStart: 'SUNDAY',
      billable: true,
      users: { ids: [ids.u2], contains: 'CONTAINS' },
      weeklyFilter: { group: 'USER' },
    }).expect(200);
    expect(res.body.totals[0]).toMatchObject({
      totalTime: exp.totalTime,
      entriesCount: exp.count,
      totalAmount: exp.earned,
    });

    await teSetting(t.app, a.workspace.id, 'round', { round: 'Round up to', minutes: '15' });
    const inWeek = ny.filter((e) => weekDays('2024-03-10').includes(localDate(e.start, 'America/New_York')));
    const up = (s: number) => Math.ceil(s / 900) * 900;
    const rounded = await post({
      dateRangeStart: '2024-03-10T00:00:00',
      dateRangeEnd: '2024-03-16T23:59:59',
      timeZone: 'America/New_York',
      weekStart: 'SUNDAY',
      rounding: true,
      weeklyFilter: { group: 'USER' },
    }).expect(200);
    expect(rounded.body.totals[0]).toMatchObject({
      totalTime: inWeek.reduce((s, e) => s + up(seconds(e)), 0),
      totalAmount: inWeek.reduce((s, e) => s + (e.billable ? cents(up(seconds(e)), e.rate) : 0), 0),
    });
    await teSetting(t.app, a.workspace.id, 'round', null);
  });

  it('amountShown PROFIT: each cell, day and total is earned minus cost, and amounts lists every type asked for', async () => {
    const entry = (start: string, end: string, billable: boolean, costRate: number) =>
      repEntry(t.app, a.workspace.id, { userId: ids.u1, start, end, billable, hourlyRate: 6000, costRate });
    await entry('2024-04-08T09:00:00Z', '2024-04-08T10:00:00Z', true, 2000); // earned 6000, cost 2000
    await entry('2024-04-10T09:00:00Z', '2024-04-10T09:30:00Z', false, 4000); // earned 0, cost 2000
    const res = await post({
      dateRangeStart: '2024-04-08T00:00:00',
      dateRangeEnd: '2024-04-14T23:59:59',
      timeZone: 'UTC',
      weekStart: 'MONDAY',
      amountShown: 'PROFIT',
      amounts: ['EARNED', 'COST', 'PROFIT'],
      weeklyFilter: { group: 'USER' },
    }).expect(200);
    const days = weekDays('2024-04-08').map((date) => ({ date, duration: 0, amount: 0 }));
    days[0] = { date: '2024-04-08', duration: 3600, amount: 4000 };
    days[2] = { date: '2024-04-10', duration: 1800, amount: -2000 };
    expect(res.body.groupOne).toEqual([expect.objectContaining({ _id: ids.u1, duration: 5400, amount: 2000, days })]);
    expect(res.body.totalsByDay).toEqual(days);
    expect(res.body.totals).toEqual([
      {
        _id: '',
        id: '',
        totalTime: 5400,
        totalBillableTime: 3600,
        entriesCount: 2,
        totalAmount: 2000,
        amounts: [
          { type: 'EARNED', value: 6000 },
          { type: 'COST', value: 4000 },
          { type: 'PROFIT', value: 2000 },
        ],
      },
    ]);
  });

  it('a plain member sees no amounts (null) and, with onlyAdminsSeeAllTimeEntries, only their own time', async () => {
    const member = await createMember(t.app, a.workspace.id, { name: 'Plain' });
    await repEntry(t.app, a.workspace.id, {
      userId: member.user.id,
      start: '2024-03-12T14:00:00Z',
      end: '2024-03-12T15:00:00Z',
      hourlyRate: 5000,
      billable: true,
    });
    await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeAllTimeEntries', true);
    const res = await post(
      {
        dateRangeStart: '2024-03-10T00:00:00',
        dateRangeEnd: '2024-03-16T23:59:59',
        timeZone: 'America/New_York',
        weekStart: 'SUNDAY',
        weeklyFilter: { group: 'USER' },
      },
      member.apiKey,
    ).expect(200);
    expect(res.body.groupOne.map((g: Group) => [g.name, g.duration, g.amount])).toEqual([['Plain', 3600, null]]);
    expect(res.body.totals[0]).toMatchObject({ totalTime: 3600, totalAmount: null, amounts: [] });
    await post(
      {
        dateRangeStart: '2024-03-10T00:00:00',
        dateRangeEnd: '2024-03-16T23:59:59',
        users: { ids: [ids.u1] },
        weeklyFilter: { group: 'USER' },
      },
      member.apiKey,
    ).expect(403);
    await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeAllTimeEntries', false);
  });
});
