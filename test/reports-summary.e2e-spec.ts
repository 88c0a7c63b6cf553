import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Account, createMember, createOwner, Owner } from './factories';
import { cents, repEntry, ReportEntry, repUserGroup, seconds } from './factories/reports';
import { teProject, teSetting, teTag, teTask } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

interface Group {
  _id: string;
  id: string | null;
  name: string;
  duration: number;
  amount: number | null;
  clientName?: string | null;
  children?: Group[];
}
interface Summary {
  totals: { totalTime: number; totalBillableTime: number; entriesCount: number; totalAmount: number | null }[];
  groupOne: Group[];
  chart: { id: string; totalTime: number }[];
}

/** The local date of an instant in a zone, computed by Intl (independently of the server). */
const localDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );

describe('Reports: POST /reports/summary', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let p1: string;
  let p2: string;
  let task: string;
  let tagA: string;
  let tagB: string;
  let group: string;
  const entries: ReportEntry[] = [];
  const RANGE = { dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd: '2024-01-31T23:59:59.999Z' };
  const url = (ws: string) => `/v1/workspaces/${ws}/reports/summary`;
  const post = (body: object, key = a.apiKey, ws = a.workspace.id) =>
    request(t.http)
      .post(url(ws))
      .set('X-Api-Key', key)
      .send({ ...RANGE, ...body });
  const ok = async (body: object, key?: string): Promise<Summary> => {
    const res = await post(body, key);
    expect(res.status).toBe(200);
    return res.body as Summary;
  };
  const sum = (list: ReportEntry[]) => list.reduce((s, e) => s + seconds(e), 0);
  const earned = (list: ReportEntry[]) =>
    list.filter((e) => e.billable).reduce((s, e) => s + cents(seconds(e), e.hourlyRate), 0);

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Mallory' });
    p1 = await teProject(t.app, a.workspace.id, { name: 'Apollo' });
    p2 = await teProject(t.app, a.workspace.id, { name: 'Zeus' });
    task = await teTask(t.app, a.workspace.id, p1, 'Design');
    tagA = await teTag(t.app, a.workspace.id, 'alpha');
    tagB = await teTag(t.app, a.workspace.id, 'beta');
    group = await repUserGroup(t.app, a.workspace.id, 'Crew', [member.user.id]);
    const o = a.user.id;
    const m = member.user.id;
    entries.push(
      {
        userId: o,
        start: '2024-01-10T09:00:00Z',
        end: '2024-01-10T10:30:00Z',
        projectId: p1,
        taskId: task,
        tagIds: [tagA],
        billable: true,
        hourlyRate: 10000,
        costRate: 4000,
      },
      {
        userId: o,
        start: '2024-01-10T11:00:00Z',
        end: '2024-01-10T11:20:33Z',
        projectId: p1,
        billable: true,
        hourlyRate: 10000,
      },
      {
        userId: m,
        start: '2024-01-11T09:00:00Z',
        end: '2024-01-11T10:07:07Z',
        projectId: p1,
        taskId: task,
        tagIds: [tagA, tagB],
        billable: true,
        hourlyRate: 7333,
      },
      {
        userId: m,
        start: '2024-01-12T23:00:00Z',
        end: '2024-01-13T01:00:00Z',
        projectId: p2,
        billable: false,
        hourlyRate: 5000,
      }, // crosses midnight (UTC)
      {
        userId: o,
        start: '2024-01-14T09:00:00Z',
        end: '2024-01-14T09:45:00Z',
        tagIds: [tagB],
        billable: true,
        hourlyRate: 12345,
      },
    );
    for (const e of entries) await repEntry(t.app, a.workspace.id, e);
    await repEntry(t.app, a.workspace.id, {
      userId: o,
      start: '2024-01-20T09:00:00Z',
      end: null,
      projectId: p1,
      billable: true,
      hourlyRate: 10000,
    });
    await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeAllTimeEntries', true);
  });

  afterAll(() => t.app.close());

  describe('ladder', () => {
    it('401 without credentials', () =>
      request(t.http)
        .post(url(a.workspace.id))
        .send({ ...RANGE, summaryFilter: {} })
        .expect(401));
    it('403 for a caller of another workspace', () => post({ summaryFilter: {} }, b.apiKey).expect(403));
    it("403 for a member asking for others' time", () =>
      post({ summaryFilter: {}, users: { ids: [a.user.id] } }, member.apiKey).expect(403));
    it.each([
      ['an unknown group', { summaryFilter: { groups: ['PLANET'] } }],
      ['four groups', { summaryFilter: { groups: ['PROJECT', 'USER', 'TASK', 'DATE'] } }],
      ['no summaryFilter', {}],
      ['end before start', { summaryFilter: {}, dateRangeEnd: '2023-12-01T00:00:00Z' }],
      ['a bad sort column', { summaryFilter: { sortColumn: 'COLOR' } }],
    ])('400 for %s', (_, body) => post(body).expect(400));
  });

  it('writes names with quotes, backslashes, control characters and non-ASCII as valid JSON strings', async () => {
    const name = 'Say "hi" \\ to Zoë\n\tand 日本';
    const project = await teProject(t.app, b.workspace.id, { name });
    await repEntry(t.app, b.workspace.id, {
      userId: b.user.id,
      start: '2024-01-05T09:00:00Z',
      end: '2024-01-05T10:00:00Z',
      projectId: project,
      billable: false,
    });
    const res = await post({ summaryFilter: { groups: ['PROJECT', 'USER'] } }, b.apiKey, b.workspace.id);
    expect(res.status).toBe(200);
    const summary = res.body as Summary;
    expect(summary.groupOne.map((g) => [g.name, g.duration])).toEqual([[name, 3600]]);
    expect(summary.groupOne[0].children?.map((g) => g.name)).toEqual(['Bob']);
  });

  it('groups PROJECT → USER → TASK with durations and amounts computed per entry', async () => {
    const s = await ok({ summaryFilter: { groups: ['PROJECT', 'USER', 'TASK'] } });
    expect(s.totals[0]).toMatchObject({
      totalTime: sum(entries),
      entriesCount: entries.length,
      totalAmount: earned(entries),
      totalBillableTime: sum(entries.filter((e) => e.billable)),
    });
    expect(s.groupOne.map((g) => g.name)).toEqual(['Apollo', 'Zeus', 'Without project']);
    const apollo = s.groupOne[0];
    const inApollo = entries.filter((e) => e.projectId === p1);
    expect(apollo).toMatchObject({ _id: p1, duration: sum(inApollo), amount: earned(inApollo) });
    const alice = apollo.children?.find((c) => c._id === a.user.id);
    const aliceApollo = inApollo.filter((e) => e.userId === a.user.id);
    expect(alice?.duration).toBe(sum(aliceApollo));
    expect(alice?.children?.map((c) => [c.name, c.duration])).toEqual([
      ['Design', seconds(aliceApollo[0])],
      ['Without task', seconds(aliceApollo[1])],
    ]);
  });

  it('counts an entry under each of its tags, while totals count it once', async () => {
    const s = await ok({ summaryFilter: { groups: ['TAG'] } });
    const byName = Object.fromEntries(s.groupOne.map((g) => [g.name, g.duration]));
    const withTag = (id: string) => entries.filter((e) => e.tagIds?.includes(id));
    expect(byName).toEqual({
      alpha: sum(withTag(tagA)),
      beta: sum(withTag(tagB)),
      'Without tag': sum(entries.filter((e) => !e.tagIds?.length)),
    });
    expect(s.totals[0].totalTime).toBe(sum(entries));
    const groups = await ok({ summaryFilter: { groups: ['USER_GROUP'] } });
    expect(groups.groupOne.map((g) => [g._id, g.duration])).toEqual([
      [group, sum(entries.filter((e) => e.userId === member.user.id))],
      ['', sum(entries.filter((e) => e.userId === a.user.id))],
    ]);
  });

  it('puts an entry crossing midnight on its start day, and sorts by duration', async () => {
    const s = await ok({
      summaryFilter: { groups: ['DATE'], sortColumn: 'DURATION' },
      sortOrder: 'DESCENDING',
      timeZone: 'UTC',
    });
    const days = new Map<string, number>();
    for (const e of entries)
      days.set(localDate(e.start, 'UTC'), (days.get(localDate(e.start, 'UTC')) ?? 0) + seconds(e));
    expect(s.groupOne.map((g) => [g._id, g.duration])).toEqual([...days].sort((x, y) => y[1] - x[1]));
    expect(s.chart.map((c) => [c.id, c.totalTime])).toEqual([...days].sort());
  });

  it.each([
    ['Round up to', (x: number) => Math.ceil(x / 600) * 600],
    ['Round down to', (x: number) => Math.floor(x / 600) * 600],
    ['Round to nearest', (x: number) => Math.floor((x + 300) / 600) * 600],
  ])('rounds: %s 10 minutes', async (mode, round) => {
    await teSetting(t.app, a.workspace.id, 'round', { round: mode, minutes: '10' });
    const s = await ok({ summaryFilter: { groups: ['PROJECT'] }, rounding: true });
    expect(s.totals[0].totalTime).toBe(entries.reduce((acc, e) => acc + round(seconds(e)), 0));
    expect(s.totals[0].totalAmount).toBe(
      entries.filter((e) => e.billable).reduce((acc, e) => acc + cents(round(seconds(e)), e.hourlyRate), 0),
    );
  });

  it('a member sees only their own time, without amounts', async () => {
    const s = await ok({ summaryFilter: { groups: ['USER'] } }, member.apiKey);
    expect(s.groupOne.map((g) => g._id)).toEqual([member.user.id]);
    expect(s.totals[0].totalTime).toBe(sum(entries.filter((e) => e.userId === member.user.id)));
    expect(s.totals[0].totalAmount).toBeNull();
    expect(s.groupOne[0].amount).toBeNull();
  });

  describe.each([
    // zone, week start, entries' instants (around the DST change)
    [
      'America/New_York',
      'SUNDAY',
      [
        '2024-03-10T04:30:00Z',
        '2024-03-10T06:30:00Z',
        '2024-03-10T07:30:00Z',
        '2024-03-11T03:30:00Z',
        '2024-03-11T04:30:00Z',
        '2024-03-16T12:00:00Z',
      ],
    ],
    [
      'Europe/Berlin',
      'MONDAY',
      [
        '2024-10-26T21:30:00Z',
        '2024-10-26T22:30:00Z',
        '2024-10-27T01:30:00Z',
        '2024-10-27T22:30:00Z',
        '2024-10-27T23:30:00Z',
        '2024-11-01T12:00:00Z',
      ],
    ],
  ])('a DST-change week in %s', (timeZone, weekStart, starts) => {
    let owner: Owner;
    beforeAll(async () => {
      owner = await createOwner(t.app, 'Dee');
      for (const start of starts) {
        await repEntry(t.app, owner.workspace.id, {
          userId: owner.user.id,
          start,
          end: new Date(Date.parse(start) + 20 * 60_000).toISOString(),
        });
      }
    });

    it('buckets days and weeks in the zone', async () => {
      const body = {
        dateRangeStart: '2024-03-01T00:00:00',
        dateRangeEnd: '2024-11-30T23:59:59',
        timeZone,
        weekStart,
        summaryFilter: { groups: ['DATE'] },
      };
      const res = await request(t.http)
        .post(url(owner.workspace.id))
        .set('X-Api-Key', owner.apiKey)
        .send(body)
        .expect(200);
      const days = new Map<string, number>();
      for (const s of starts) days.set(localDate(s, timeZone), (days.get(localDate(s, timeZone)) ?? 0) + 1200);
      expect((res.body as Summary).groupOne.map((g) => [g._id, g.duration])).toEqual([...days].sort());

      const weeks = await request(t.http)
        .post(url(owner.workspace.id))
        .set('X-Api-Key', owner.apiKey)
        .send({ ...body, summaryFilter: { groups: ['WEEK', 'DATE'] } })
        .expect(200);
      const weekOf = (day: string) => {
        const d = new Date(`${day}T00:00:00Z`);
        const first = weekStart === 'SUNDAY' ? 0 : 1;
        d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - first + 7) % 7));
        return d.toISOString().slice(0, 10);
      };
      const expected = new Map<string, number>();
      for (const [day, secs] of days) expected.set(weekOf(day), (expected.get(weekOf(day)) ?? 0) + secs);
      const got = (weeks.body as Summary).groupOne;
      expect(got.map((g) => [g._id, g.duration])).toEqual([...expected].sort());
      expect(got[0].children?.map((c) => c._id).every((d) => weekOf(d) === got[0]._id)).toBe(true);
    });
  });
  it('clients that leave before reading the answer leave no connection checked out of the pool', async () => {
    const server = t.http as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const payload = JSON.stringify({ ...RANGE, summaryFilter: { groups: ['PROJECT', 'USER', 'TASK'] } });
    const raw =
      `POST ${url(a.workspace.id)} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: ${a.apiKey}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`;
    const leave = () =>
      new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(raw, () => setTimeout(() => socket.destroy(), 5)));
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
    await Promise.all(Array.from({ length: 12 }, leave));
    const pool = (t.app.get(DataSource).driver as PostgresDriver).master as { totalCount: number; idleCount: number };
    for (let i = 0; i < 50 && pool.idleCount < pool.totalCount; i++) await new Promise((r) => setTimeout(r, 100));
    expect(pool.idleCount).toBe(pool.totalCount);
    expect((await ok({ summaryFilter: { groups: ['PROJECT'] } })).groupOne.length).toBeGreaterThan(0);
  });
  it('a client reading a large answer slowly holds no database connection, and gets every group', async () => {
    const owner = await createOwner(t.app, 'Slow reader');
    // 1,500 entries with 3 KB descriptions, one TIMEENTRY group each: about 5 MB of JSON, more than the socket buffers
    await t.app.get(DataSource).query(
      `INSERT INTO time_entries (id, workspace_id, user_id, description, start_at, end_at)
       SELECT substr(md5(random()::text || n), 1, 24), $1, $2, repeat('x', 3000) || n,
              '2024-01-02T00:00:00Z'::timestamptz + n * interval '1 minute', '2024-01-02T00:00:30Z'::timestamptz + n * interval '1 minute'
         FROM generate_series(1, 1500) AS n`,
      [owner.workspace.id, owner.user.id],
    );
    const server = t.http as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const payload = JSON.stringify({ ...RANGE, summaryFilter: { groups: ['TIMEENTRY'] } });
    const socket = connect(port, '127.0.0.1');
    socket.pause(); // read nothing yet
    socket.write(
      `POST ${url(owner.workspace.id)} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: ${owner.apiKey}\r\nConnection: close\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
    );
    const pool = (t.app.get(DataSource).driver as PostgresDriver).master as { totalCount: number; idleCount: number };
    await new Promise((r) => setTimeout(r, 300)); // the request is taken and its report begins
    for (let i = 0; i < 100 && pool.idleCount < pool.totalCount; i++) await new Promise((r) => setTimeout(r, 100));
    if (pool.idleCount < pool.totalCount) socket.destroy(); // (so that a failure does not hold the server open)
    expect(pool.idleCount).toBe(pool.totalCount); // the answer waits in the server's buffers, not in a cursor
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve) => socket.on('end', resolve).resume());
    const raw = Buffer.concat(chunks).toString('utf8');
    expect(raw.startsWith('HTTP/1.1 200')).toBe(true);
    const chunked = /transfer-encoding: chunked/i.test(raw);
    let text = raw.slice(raw.indexOf('\r\n\r\n') + 4);
    if (chunked) {
      let body = '';
      for (;;) {
        const eol = text.indexOf('\r\n');
        const size = parseInt(text.slice(0, eol), 16);
        if (!size) break;
        body += text.slice(eol + 2, eol + 2 + size);
        text = text.slice(eol + 2 + size + 2);
      }
      text = body;
    }
    const report = JSON.parse(text) as Summary;
    expect(report.groupOne).toHaveLength(1500);
    expect(report.totals[0].entriesCount).toBe(1500);
  });
});
