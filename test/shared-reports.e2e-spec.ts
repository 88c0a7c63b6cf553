import request from 'supertest';
import { Account, createMember, createOwner, MISSING_ID, Owner } from './factories';
import { outboxEvents } from './factories/outbox';
import { cents, repEntry, repUserGroup, seconds } from './factories/reports';
import { teProject } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

interface SharedReportBody {
  id: string;
  workspaceId: string;
  userId: string;
  name: string;
  type: string;
  filter: Record<string, unknown>;
  isPublic: boolean;
  fixedDate: boolean;
  visibleToUsers: string[];
  visibleToUserGroups: string[];
}

describe('Shared reports', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let other: Account;
  let grouped: Account;
  let projectId: string;
  const base = (ws: string) => `/v1/workspaces/${ws}/shared-reports`;
  const entries = [
    { start: '2024-03-04T09:00:00Z', end: '2024-03-04T11:30:00Z', rate: 10000, billable: true },
    { start: '2024-03-05T13:00:00Z', end: '2024-03-05T13:45:00Z', rate: 10000, billable: true },
    { start: '2024-03-07T08:00:00Z', end: '2024-03-07T09:00:00Z', rate: 10000, billable: false },
  ];
  const summaryFilter = {
    dateRangeStart: '2024-03-01T00:00:00Z',
    dateRangeEnd: '2024-03-31T23:59:59.999Z',
    timeZone: 'UTC',
    summaryFilter: { groups: ['PROJECT'] },
  };
  const events = (id: string) => outboxEvents(t.app, id);
  const create = async (key: string, body: Record<string, unknown>, ws = a.workspace.id) => {
    const res = await request(t.http).post(base(ws)).set('X-Api-Key', key).send(body);
    if (res.status !== 200) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as SharedReportBody;
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Mia' });
    other = await createMember(t.app, a.workspace.id, { name: 'Oscar' });
    grouped = await createMember(t.app, a.workspace.id, { name: 'Gina' });
    projectId = await teProject(t.app, a.workspace.id, { name: 'Apollo' });
    for (const e of entries) {
      await repEntry(t.app, a.workspace.id, {
        userId: a.user.id,
        start: e.start,
        end: e.end,
        projectId,
        billable: e.billable,
        hourlyRate: e.rate,
      });
    }
  });
  afterAll(() => t.app.close());

  describe('POST /shared-reports', () => {
    it('401 without credentials, 403 for a non-member, 400 for bad bodies', async () => {
      const body = { name: 'R', type: 'SUMMARY', filter: summaryFilter };
      await request(t.http).post(base(a.workspace.id)).send(body).expect(401);
      await request(t.http).post(base(a.workspace.id)).set('X-Api-Key', b.apiKey).send(body).expect(403);
      await request(t.http).post(base('not-an-id')).set('X-Api-Key', a.apiKey).send(body).expect(400);
      const bad = async (payload: Record<string, unknown>) =>
        request(t.http).post(base(a.workspace.id)).set('X-Api-Key', a.apiKey).send(payload).expect(400);
      await bad({ type: 'SUMMARY', filter: summaryFilter });
      await bad({ name: 'R', type: 'NOPE', filter: summaryFilter });
      await bad({ name: 'R', type: 'SUMMARY' });
      await bad({ name: 'R', type: 'SUMMARY', filter: summaryFilter, extra: 1 });
      await bad({ name: 'R', type: 'SUMMARY', filter: summaryFilter, visibleToUsers: ['x'] });
      // the filter is validated as the body of its report type
      const res = await bad({ name: 'R', type: 'SUMMARY', filter: { ...summaryFilter, bogus: true } });
      expect(res.body.errors[0].field).toBe('filter.bogus');
      await bad({
        name: 'R',
        type: 'SUMMARY',
        filter: { dateRangeStart: '2024-03-01T00:00:00Z', dateRangeEnd: '2024-03-31T00:00:00Z' },
      });
      await bad({
        name: 'R',
        type: 'WEEKLY',
        filter: { ...summaryFilter, summaryFilter: undefined, weeklyFilter: { group: 'TAG' } },
      });
      await bad({ name: 'R', type: 'INVOICES', filter: summaryFilter });
    });

    it('404 when visibleToUsers names a user of another workspace', async () => {
      await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'R', type: 'SUMMARY', filter: summaryFilter, visibleToUsers: [b.user.id] })
        .expect(404);
    });

    it('any member saves a report (200, as the reference) with its filter and lists; NEW_SHARED_REPORT is recorded', async () => {
      const group = await repUserGroup(t.app, a.workspace.id, 'Team G', [grouped.user.id]);
      const res = await request(t.http)
        .post(base(a.workspace.id))
        .set('X-Api-Key', member.apiKey)
        .send({
          name: 'Member report',
          type: 'SUMMARY',
          filter: summaryFilter,
          isPublic: false,
          fixedDate: true,
          visibleToUsers: [other.user.id],
          visibleToUserGroups: [group],
        })
        .expect(200);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        workspaceId: a.workspace.id,
        userId: member.user.id,
        name: 'Member report',
        type: 'SUMMARY',
        filter: summaryFilter,
        isPublic: false,
        fixedDate: true,
        visibleToUsers: [other.user.id],
        visibleToUserGroups: [group],
      });
      expect(await events(res.body.id)).toEqual(['NEW_SHARED_REPORT']);
    });
  });

  describe('GET /shared-reports', () => {
    let ws: Owner;
    let author: Account;
    let viewer: Account;
    let mine: SharedReportBody;
    let sharedDirect: SharedReportBody;
    let sharedByGroup: SharedReportBody;

    beforeAll(async () => {
      ws = await createOwner(t.app, 'Lister');
      author = await createMember(t.app, ws.workspace.id, { name: 'Author' });
      viewer = await createMember(t.app, ws.workspace.id, { name: 'Viewer' });
      const group = await repUserGroup(t.app, ws.workspace.id, 'Viewers', [viewer.user.id]);
      mine = await create(viewer.apiKey, { name: 'b mine', type: 'SUMMARY', filter: summaryFilter }, ws.workspace.id);
      sharedDirect = await create(
        author.apiKey,
        { name: 'a direct', type: 'SUMMARY', filter: summaryFilter, visibleToUsers: [viewer.user.id] },
        ws.workspace.id,
      );
      sharedByGroup = await create(
        author.apiKey,
        { name: 'c group', type: 'SUMMARY', filter: summaryFilter, visibleToUserGroups: [group] },
        ws.workspace.id,
      );
      await create(author.apiKey, { name: 'd not shared', type: 'SUMMARY', filter: summaryFilter }, ws.workspace.id);
    });

    it('401 without credentials, 403 for a non-member, 400 for bad paging', async () => {
      await request(t.http).get(base(ws.workspace.id)).expect(401);
      await request(t.http).get(base(ws.workspace.id)).set('X-Api-Key', b.apiKey).expect(403);
      await request(t.http)
        .get(`${base(ws.workspace.id)}?page=0`)
        .set('X-Api-Key', viewer.apiKey)
        .expect(400);
      await request(t.http)
        .get(`${base(ws.workspace.id)}?sharedReportsFilter=MINE`)
        .set('X-Api-Key', viewer.apiKey)
        .expect(400);
    });

    it('ALL, CREATED_BY_ME and SHARED_WITH_ME, with count and names; pages', async () => {
      const list = async (q: string) =>
        (
          await request(t.http)
            .get(`${base(ws.workspace.id)}${q}`)
            .set('X-Api-Key', viewer.apiKey)
            .expect(200)
        ).body;
      const all = await list('');
      expect(all.count).toBe(3);
      expect(all.reports.map((r: { id: string }) => r.id)).toEqual([sharedDirect.id, mine.id, sharedByGroup.id]);
      expect(all.reports[0]).toEqual({
        id: sharedDirect.id,
        name: 'a direct',
        type: 'SUMMARY',
        isPublic: false,
        fixedDate: false,
        link: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/v1/shared-reports/${sharedDirect.id}$`)),
        reportAuthor: author.user.id,
        visibleToUsers: [{ id: viewer.user.id, name: 'Viewer' }],
        visibleToUserGroups: [],
      });
      expect(all.reports[2].visibleToUserGroups).toEqual([{ id: expect.any(String), name: 'Viewers' }]);
      expect((await list('?sharedReportsFilter=CREATED_BY_ME')).reports.map((r: { id: string }) => r.id)).toEqual([
        mine.id,
      ]);
      expect((await list('?sharedReportsFilter=SHARED_WITH_ME')).reports.map((r: { id: string }) => r.id)).toEqual([
        sharedDirect.id,
        sharedByGroup.id,
      ]);
      const page2 = await list('?page=2&pageSize=2');
      expect(page2).toEqual({ count: 3, reports: [expect.objectContaining({ id: sharedByGroup.id })] });
      expect(await list('?page=5&pageSize=2')).toEqual({ count: 3, reports: [] });
    });
  });

  describe('PUT and DELETE /shared-reports/{id}', () => {
    let report: SharedReportBody;
    beforeAll(async () => {
      report = await create(member.apiKey, {
        name: 'To change',
        type: 'SUMMARY',
        filter: summaryFilter,
        visibleToUsers: [other.user.id],
      });
    });

    it('the ladder: 401, 403 non-member, 403 for a member who is not the author, 404 other workspace, 400 bad id/body', async () => {
      const put = (id: string, key?: string, body: Record<string, unknown> = { name: 'x' }, ws = a.workspace.id) => {
        const r = request(t.http).put(`${base(ws)}/${id}`);
        return key ? r.set('X-Api-Key', key).send(body) : r.send(body);
      };
      await put(report.id).expect(401);
      await put(report.id, b.apiKey).expect(403);
      await put(report.id, other.apiKey).expect(403);
      const inB = await create(b.apiKey, { name: 'B', type: 'SUMMARY', filter: summaryFilter }, b.workspace.id);
      await put(inB.id, a.apiKey).expect(404);
      await put(MISSING_ID, a.apiKey).expect(404);
      await put('nope', a.apiKey).expect(400);
      await put(report.id, member.apiKey, {}).expect(400);
      await put(report.id, member.apiKey, { name: 'x', filter: {} }).expect(400);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${report.id}`)
        .expect(401);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${report.id}`)
        .set('X-Api-Key', other.apiKey)
        .expect(403);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${inB.id}`)
        .set('X-Api-Key', a.apiKey)
        .expect(404);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/bad`)
        .set('X-Api-Key', a.apiKey)
        .expect(400);
    });

    it('the author updates name, visibility and fixedDate (lists replaced only when sent); the owner (admin) too', async () => {
      const res = await request(t.http)
        .put(`${base(a.workspace.id)}/${report.id}`)
        .set('X-Api-Key', member.apiKey)
        .send({ name: ' Renamed ', isPublic: true, fixedDate: true })
        .expect(200);
      expect(res.body).toMatchObject({
        id: report.id,
        name: 'Renamed',
        isPublic: true,
        fixedDate: true,
        visibleToUsers: [other.user.id],
        filter: summaryFilter,
      });
      const res2 = await request(t.http)
        .put(`${base(a.workspace.id)}/${report.id}`)
        .set('X-Api-Key', a.apiKey)
        .send({ name: 'By owner', visibleToUsers: [] })
        .expect(200);
      expect(res2.body).toMatchObject({ name: 'By owner', isPublic: true, visibleToUsers: [] });
      expect(await events(report.id)).toEqual(['NEW_SHARED_REPORT', 'SHARED_REPORT_UPDATED', 'SHARED_REPORT_UPDATED']);
    });

    it('the author deletes it: 204, then 404; SHARED_REPORT_DELETED is recorded', async () => {
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${report.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(204);
      await request(t.http)
        .delete(`${base(a.workspace.id)}/${report.id}`)
        .set('X-Api-Key', member.apiKey)
        .expect(404);
      await request(t.http).get(`/v1/shared-reports/${report.id}`).expect(404);
      expect((await events(report.id)).at(-1)).toBe('SHARED_REPORT_DELETED');
    });
  });

  describe('GET /v1/shared-reports/{id}', () => {
    const total = entries.reduce((s, e) => s + seconds(e), 0);
    const billable = entries.filter((e) => e.billable).reduce((s, e) => s + seconds(e), 0);
    const earned = entries.filter((e) => e.billable).reduce((s, e) => s + cents(seconds(e), e.rate), 0);

    it('a public report is read without credentials: the saved summary with totals computed from the entries', async () => {
      const report = await create(a.apiKey, {
        name: 'Public',
        type: 'SUMMARY',
        filter: summaryFilter,
        isPublic: true,
        fixedDate: true,
      });
      const res = await request(t.http).get(`/v1/shared-reports/${report.id}`).expect(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.totals[0]).toMatchObject({ totalTime: total, totalBillableTime: billable, entriesCount: 3 });
      expect(res.body.groupOne).toEqual([expect.objectContaining({ name: 'Apollo', duration: total, amount: earned })]);
      // query overrides of the range
      const narrowed = await request(t.http)
        .get(`/v1/shared-reports/${report.id}?dateRangeStart=2024-03-04T00:00:00Z&dateRangeEnd=2024-03-04T23:59:59Z`)
        .expect(200);
      expect(narrowed.body.totals[0]).toMatchObject({ totalTime: seconds(entries[0]), entriesCount: 1 });
      await request(t.http).get(`/v1/shared-reports/${report.id}?exportType=DOC`).expect(400);
      await request(t.http).get(`/v1/shared-reports/${report.id}?dateRangeStart=yesterday`).expect(400);
    });

    it('a private report: 401 without credentials, 403 for a non-member and for a member it is not shared with; 200 for the listed user, the group, admins', async () => {
      const group = await repUserGroup(t.app, a.workspace.id, 'Readers', [grouped.user.id]);
      const stranger = await createMember(t.app, a.workspace.id, { name: 'Stranger' });
      const report = await create(member.apiKey, {
        name: 'Private',
        type: 'DETAILED',
        isPublic: false,
        fixedDate: true,
        visibleToUsers: [other.user.id],
        visibleToUserGroups: [group],
        filter: { ...summaryFilter, summaryFilter: undefined, detailedFilter: { page: 1, pageSize: 50 } },
      });
      const get = (key?: string) => {
        const r = request(t.http).get(`/v1/shared-reports/${report.id}`);
        return key ? r.set('X-Api-Key', key) : r;
      };
      await get().expect(401);
      await get('not-a-key').expect(401);
      await get(b.apiKey).expect(403);
      await get(stranger.apiKey).expect(403);
      await request(t.http).get('/v1/shared-reports/bad-id').expect(400);
      await request(t.http).get(`/v1/shared-reports/${MISSING_ID}`).expect(404);
      for (const key of [other.apiKey, grouped.apiKey, a.apiKey, member.apiKey]) {
        const res = await get(key).expect(200);
        // runs as its author, a plain member: the public project's entries, amounts hidden (members may not see rates)
        expect(res.body.totals).toEqual([
          expect.objectContaining({ totalTime: total, entriesCount: 3, totalAmount: null, amounts: [] }),
        ]);
        expect(res.body.timeentries).toHaveLength(3);
      }
    });

    it("runs as the author: the owner's detailed report shows every entry, paged by the query", async () => {
      const report = await create(a.apiKey, {
        name: 'Owner detailed',
        type: 'DETAILED',
        isPublic: true,
        fixedDate: true,
        filter: {
          ...summaryFilter,
          summaryFilter: undefined,
          detailedFilter: { page: 1, pageSize: 50 },
          sortOrder: 'ASCENDING',
        },
      });
      const res = await request(t.http).get(`/v1/shared-reports/${report.id}?pageSize=2&page=2`).expect(200);
      expect(res.body.timeentries.map((e: { timeInterval: { start: string } }) => e.timeInterval.start)).toEqual([
        entries[2].start,
      ]);
      expect(res.body.totals[0]).toMatchObject({ totalTime: total, entriesCount: 3, totalAmount: earned });
      const desc = await request(t.http)
        .get(`/v1/shared-reports/${report.id}?sortOrder=DESCENDING&pageSize=1`)
        .expect(200);
      expect(desc.body.timeentries[0].timeInterval.start).toBe(entries[2].start);
    });

    it('a rolling range (fixedDate false, dateRangeType THIS_YEAR) follows today; a fixed one keeps the saved dates', async () => {
      const now = new Date();
      const thisYear = `${now.getUTCFullYear()}-01-01T00:00:00Z`;
      const start = new Date(now.getTime() - 3 * 3600_000);
      const recent = { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() };
      const ws = await createOwner(t.app, 'Roller');
      await repEntry(t.app, ws.workspace.id, { userId: ws.user.id, ...recent });
      await repEntry(t.app, ws.workspace.id, {
        userId: ws.user.id,
        start: '2020-06-01T10:00:00Z',
        end: '2020-06-01T12:00:00Z',
      });
      const filter = {
        ...summaryFilter,
        dateRangeStart: '2020-01-01T00:00:00Z',
        dateRangeEnd: '2020-12-31T23:59:59Z',
        dateRangeType: 'THIS_YEAR',
      };
      const rolling = await create(
        ws.apiKey,
        { name: 'Rolling', type: 'SUMMARY', filter, isPublic: true, fixedDate: false },
        ws.workspace.id,
      );
      const fixed = await create(
        ws.apiKey,
        { name: 'Fixed', type: 'SUMMARY', filter, isPublic: true, fixedDate: true },
        ws.workspace.id,
      );
      expect(thisYear <= recent.start).toBe(true);
      const r1 = await request(t.http).get(`/v1/shared-reports/${rolling.id}`).expect(200);
      expect(r1.body.totals[0]).toMatchObject({ totalTime: 3600, entriesCount: 1 });
      const r2 = await request(t.http).get(`/v1/shared-reports/${fixed.id}`).expect(200);
      expect(r2.body.totals[0]).toMatchObject({ totalTime: 7200, entriesCount: 1 });
    });

    it('a WEEKLY and an ATTENDANCE report run with their saved filters', async () => {
      const weekly = await create(a.apiKey, {
        name: 'Weekly',
        type: 'WEEKLY',
        isPublic: true,
        fixedDate: true,
        filter: {
          dateRangeStart: '2024-03-04T00:00:00Z',
          dateRangeEnd: '2024-03-10T23:59:59Z',
          timeZone: 'UTC',
          weekStart: 'MONDAY',
          weeklyFilter: { group: 'USER' },
        },
      });
      const w = await request(t.http).get(`/v1/shared-reports/${weekly.id}`).expect(200);
      expect(w.body.totals[0]).toMatchObject({ totalTime: total, entriesCount: 3 });
      expect(w.body.totalsByDay.map((d: { duration: number }) => d.duration)).toEqual([9000, 2700, 0, 3600, 0, 0, 0]);
      const attendance = await create(a.apiKey, {
        name: 'Attendance',
        type: 'ATTENDANCE',
        isPublic: true,
        fixedDate: true,
        filter: {
          dateRangeStart: '2024-03-04T00:00:00Z',
          dateRangeEnd: '2024-03-10T23:59:59Z',
          timeZone: 'UTC',
          attendanceFilter: { sortColumn: 'DATE' },
        },
      });
      const at = await request(t.http).get(`/v1/shared-reports/${attendance.id}`).expect(200);
      expect(at.body.entities.map((e: { date: string; totalDuration: number }) => [e.date, e.totalDuration])).toEqual([
        ['2024-03-04', 9000],
        ['2024-03-05', 2700],
        ['2024-03-07', 3600],
      ]);
    });
  });
});
