import request from 'supertest';
import { Account, createMember, createOwner, Owner } from './factories';
import { repCapacity, repEntry, repEntryOfType } from './factories/reports';
import { startTestApp, TestApp } from './utils/test-app';

interface Row {
  userId: string;
  userName: string;
  date: string;
  startTime: string;
  endTime: string;
  totalDuration: number;
  break: number;
  capacity: number;
  overtime: number;
  remainingCapacity: number;
  timeOff: number;
  hasRunningEntry: boolean;
}

const H = 3600;
const span = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / 1000;

describe('Attendance report', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let u2: Account;
  const url = (ws: string) => `/v1/workspaces/${ws}/reports/attendance`;
  const range = { dateRangeStart: '2024-03-04T00:00:00Z', dateRangeEnd: '2024-03-10T23:59:59Z', timeZone: 'UTC' };
  const post = (body: Record<string, unknown>, key = a.apiKey, ws = a.workspace.id) =>
    request(t.http).post(url(ws)).set('X-Api-Key', key).send(body);
  const day = (d: string, hm: string) => `2024-03-${d}T${hm}:00Z`;

  // Alice (default capacity 8 h, Monday to Friday)
  const mon = [
    [day('04', '09:00'), day('04', '12:00')],
    [day('04', '12:30'), day('04', '17:30')],
  ];
  const monBreak = [day('04', '12:00'), day('04', '12:30')];
  const tue = [
    [day('05', '09:00'), day('05', '11:00')],
    [day('05', '11:45'), day('05', '13:00')],
    [day('05', '14:00'), day('05', '15:00')],
  ];
  const sat = [[day('09', '10:00'), day('09', '12:00')]];

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    u2 = await createMember(t.app, a.workspace.id, { name: 'Zed' });
    for (const [start, end] of [...mon, ...tue, ...sat])
      await repEntry(t.app, a.workspace.id, { userId: a.user.id, start, end });
    await repEntryOfType(t.app, a.workspace.id, { userId: a.user.id, start: monBreak[0], end: monBreak[1] }, 'BREAK');
    // Zed: 6 h on Mondays only; 7 h on Monday, 1 h on Tuesday, 4 h time off on Wednesday
    await repCapacity(t.app, a.workspace.id, u2.user.id, 6 * H, ['MONDAY']);
    await repEntry(t.app, a.workspace.id, { userId: u2.user.id, start: day('04', '08:00'), end: day('04', '15:00') });
    await repEntry(t.app, a.workspace.id, { userId: u2.user.id, start: day('05', '08:00'), end: day('05', '09:00') });
    await repEntryOfType(
      t.app,
      a.workspace.id,
      { userId: u2.user.id, start: day('06', '08:00'), end: day('06', '12:00') },
      'TIME_OFF',
    );
    await repEntry(t.app, b.workspace.id, { userId: b.user.id, start: day('04', '08:00'), end: day('04', '09:00') });
  });
  afterAll(() => t.app.close());

  it('401 without credentials, 403 for a non-member, 400 for bad bodies', async () => {
    const body = { ...range, attendanceFilter: {} };
    await request(t.http).post(url(a.workspace.id)).send(body).expect(401);
    await post(body, b.apiKey).expect(403);
    await post(body, a.apiKey, 'nope').expect(400);
    await post(range).expect(400);
    await post({ ...range, attendanceFilter: { sortColumn: 'NAME' } }).expect(400);
    await post({ ...range, attendanceFilter: { startFilters: [{ filtrationType: 'ABOUT', value: '09:00' }] } }).expect(
      400,
    );
    await post({ ...range, attendanceFilter: { startFilters: [{ filtrationType: 'EXACTLY', value: '9 am' }] } }).expect(
      400,
    );
    await post({ ...range, attendanceFilter: { workFilters: [{ filtrationType: 'EXACTLY', value: 'lots' }] } }).expect(
      400,
    );
    await post({ ...range, attendanceFilter: { page: 0 } }).expect(400);
    await post({ ...range, attendanceFilter: {}, extra: true }).expect(400);
  });

  it('per user per day: first start, last end, work, break (BREAK entries, else gaps), capacity, overtime, remaining', async () => {
    const res = await post({ ...range, attendanceFilter: { sortColumn: 'USER' } }).expect(200);
    const rows = res.body.entities as Row[];
    const alice = rows.filter((r) => r.userId === a.user.id);
    const monWork = mon.reduce((s, [x, y]) => s + span(x, y), 0);
    const tueWork = tue.reduce((s, [x, y]) => s + span(x, y), 0);
    expect(alice).toEqual([
      {
        userId: a.user.id,
        userName: 'Alice',
        imageUrl: '',
        date: '2024-03-04',
        startTime: mon[0][0],
        endTime: mon[1][1],
        totalDuration: monWork,
        break: span(monBreak[0], monBreak[1]),
        capacity: 8 * H,
        overtime: Math.max(0, monWork - 8 * H),
        remainingCapacity: Math.max(0, 8 * H - monWork),
        timeOff: 0,
        hasRunningEntry: false,
      },
      {
        userId: a.user.id,
        userName: 'Alice',
        imageUrl: '',
        date: '2024-03-05',
        startTime: tue[0][0],
        endTime: tue[2][1],
        totalDuration: tueWork,
        break: span(tue[0][1], tue[1][0]) + span(tue[1][1], tue[2][0]),
        capacity: 8 * H,
        overtime: 0,
        remainingCapacity: 8 * H - tueWork,
        timeOff: 0,
        hasRunningEntry: false,
      },
      expect.objectContaining({
        date: '2024-03-09',
        totalDuration: 2 * H,
        capacity: 0,
        overtime: 2 * H,
        remainingCapacity: 0,
        break: 0,
      }),
    ]);
    const zed = rows
      .filter((r) => r.userId === u2.user.id)
      .map((r) => [r.date, r.totalDuration, r.capacity, r.overtime, r.remainingCapacity, r.timeOff]);
    expect(zed).toEqual([
      ['2024-03-04', 7 * H, 6 * H, H, 0, 0],
      ['2024-03-05', H, 0, H, 0, 0],
    ]);
    expect(rows.map((r) => r.userName)).toEqual(['Alice', 'Alice', 'Alice', 'Zed', 'Zed']);
  });

  it('hasTimeOff adds TIME_OFF days and counts time off against capacity', async () => {
    const res = await post({
      ...range,
      users: { ids: [u2.user.id] },
      attendanceFilter: { hasTimeOff: true, sortColumn: 'DATE' },
    }).expect(200);
    expect((res.body.entities as Row[]).map((r) => [r.date, r.totalDuration, r.timeOff])).toEqual([
      ['2024-03-04', 7 * H, 0],
      ['2024-03-05', H, 0],
      ['2024-03-06', 0, 4 * H],
    ]);
  });

  it('comparison filters (hours x 100, times of day), sorting and paging', async () => {
    const dates = async (attendanceFilter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      ((await post({ ...range, ...extra, attendanceFilter }).expect(200)).body.entities as Row[]).map(
        (r) => `${r.userName} ${r.date}`,
      );
    expect(await dates({ workFilters: [{ filtrationType: 'LARGER_THAN', value: '700' }] })).toEqual([
      'Alice 2024-03-04',
    ]);
    expect(await dates({ workFilters: [{ filtrationType: 'EXACTLY', value: '700' }] })).toEqual(['Zed 2024-03-04']);
    expect(
      await dates(
        { overtimeFilters: [{ filtrationType: 'LARGER_THAN', value: '0' }], sortColumn: 'OVERTIME' },
        { sortOrder: 'DESCENDING' },
      ),
    ).toEqual(['Alice 2024-03-09', 'Zed 2024-03-05', 'Zed 2024-03-04']);
    expect(await dates({ startFilters: [{ filtrationType: 'SMALLER_THAN', value: '09:00' }] })).toEqual([
      'Zed 2024-03-04',
      'Zed 2024-03-05',
    ]);
    expect(await dates({ endFilters: [{ filtrationType: 'EXACTLY', value: '17:30' }] })).toEqual(['Alice 2024-03-04']);
    expect(await dates({ breakFilters: [{ filtrationType: 'LARGER_THAN', value: '50' }] })).toEqual([
      'Alice 2024-03-05',
    ]);
    expect(
      await dates({ capacityFilters: [{ filtrationType: 'SMALLER_THAN', value: '700' }], sortColumn: 'DATE' }),
    ).toEqual(['Zed 2024-03-04', 'Zed 2024-03-05', 'Alice 2024-03-09']);
    expect(await dates({ sortColumn: 'WORK', page: 2, pageSize: 2 }, { sortOrder: 'DESCENDING' })).toEqual([
      'Alice 2024-03-05',
      'Alice 2024-03-09',
    ]);
  });

  it('a running entry counts up to now and sets hasRunningEntry; days are local to the time zone', async () => {
    const ws = await createOwner(t.app, 'Runner');
    const started = new Date(Date.now() - H * 1000);
    await repEntry(t.app, ws.workspace.id, { userId: ws.user.id, start: started.toISOString(), end: null });
    const res = await post(
      {
        dateRangeStart: new Date(Date.now() - 2 * H * 1000).toISOString(),
        dateRangeEnd: new Date(Date.now() + 60_000).toISOString(),
        attendanceFilter: {},
      },
      ws.apiKey,
      ws.workspace.id,
    ).expect(200);
    const [row] = res.body.entities as Row[];
    expect(row.hasRunningEntry).toBe(true);
    expect(row.totalDuration).toBeGreaterThanOrEqual(H - 5);
    expect(row.totalDuration).toBeLessThanOrEqual(H + 30);

    // 23:30 UTC on Tuesday is Wednesday 00:30 in Berlin
    await repEntry(t.app, ws.workspace.id, {
      userId: ws.user.id,
      start: '2024-03-05T23:30:00Z',
      end: '2024-03-06T00:30:00Z',
    });
    const berlin = await post(
      {
        dateRangeStart: '2024-03-04T00:00:00',
        dateRangeEnd: '2024-03-10T23:59:59',
        timeZone: 'Europe/Berlin',
        attendanceFilter: {},
      },
      ws.apiKey,
      ws.workspace.id,
    ).expect(200);
    expect((berlin.body.entities as Row[]).map((r) => [r.date, r.totalDuration])).toEqual([['2024-03-06', H]]);
  });
});
