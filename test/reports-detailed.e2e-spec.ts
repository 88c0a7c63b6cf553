import request from 'supertest';
import { Account, createMember, createOwner, grantRole, Owner } from './factories';
import { cents, repClient, repEntry, ReportEntry, repProjectClient, seconds } from './factories/reports';
import { teProject, teSetting, teTag, teTask } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

interface Totals {
  totalTime: number;
  totalBillableTime: number;
  entriesCount: number;
  totalAmount: number | null;
  amounts: { type: string; value: number }[];
}
interface Row {
  id: string;
  description: string;
  userId: string;
  projectName: string | null;
  clientName: string | null;
  taskName: string | null;
  tags: { id: string; name: string }[];
  timeInterval: { start: string; end: string; duration: number };
  amount: number | null;
  rate: number | null;
  costAmount: number | null;
  billable: boolean;
}
interface Detailed {
  timeentries: Row[];
  totals: Totals[];
}

describe('Reports: POST /reports/detailed', () => {
  let t: TestApp;
  let a: Owner;
  let b: Owner;
  let member: Account;
  let manager: Account;
  let p1: string;
  let p2: string;
  let client: string;
  let tagA: string;
  let tagB: string;
  const e: Record<string, ReportEntry & { id?: string }> = {};
  const RANGE = { dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd: '2024-01-31T23:59:59.999Z' };
  const url = (ws: string) => `/v1/workspaces/${ws}/reports/detailed`;
  const post = (body: object, key = a.apiKey, ws = a.workspace.id) =>
    request(t.http)
      .post(url(ws))
      .set('X-Api-Key', key)
      .send({ ...RANGE, detailedFilter: { page: 1, pageSize: 50 }, ...body });
  const ok = async (body: object, key?: string): Promise<Detailed> => {
    const res = await post(body, key);
    expect(res.status).toBe(200);
    return res.body as Detailed;
  };
  const idsOf = (d: Detailed) => d.timeentries.map((r) => r.id).sort();
  const idsFor = (...names: string[]) => names.map((n) => e[n].id as string).sort();
  const expectTotals = (d: Detailed, names: string[]) => {
    const list = names.map((n) => e[n]);
    expect(d.totals[0].totalTime).toBe(list.reduce((s, x) => s + seconds(x), 0));
    expect(d.totals[0].totalBillableTime).toBe(list.filter((x) => x.billable).reduce((s, x) => s + seconds(x), 0));
    expect(d.totals[0].entriesCount).toBe(list.length);
    expect(d.totals[0].totalAmount).toBe(
      list.filter((x) => x.billable).reduce((s, x) => s + cents(seconds(x), x.hourlyRate), 0),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwner(t.app, 'Alice');
    b = await createOwner(t.app, 'Bob');
    member = await createMember(t.app, a.workspace.id, { name: 'Mallory' });
    manager = await createMember(t.app, a.workspace.id, { name: 'Manny' });
    await grantRole(t.app, a.workspace.id, manager.user.id, 'TEAM_MANAGER', member.user.id);
    p1 = await teProject(t.app, a.workspace.id, { name: 'Apollo' });
    p2 = await teProject(t.app, a.workspace.id, { name: 'Zeus' });
    client = await repClient(t.app, a.workspace.id, 'Acme');
    await repProjectClient(t.app, p2, client);
    const task = await teTask(t.app, a.workspace.id, p1, 'Design');
    tagA = await teTag(t.app, a.workspace.id, 'alpha');
    tagB = await teTag(t.app, a.workspace.id, 'beta');
    const owner = a.user.id;
    Object.assign(e, {
      e1: {
        userId: owner,
        start: '2024-01-10T09:00:00Z',
        end: '2024-01-10T10:30:00Z',
        projectId: p1,
        taskId: task,
        tagIds: [tagA],
        billable: true,
        hourlyRate: 10000,
        costRate: 4000,
        description: 'Design review',
      },
      e2: {
        userId: owner,
        start: '2024-01-11T09:00:00Z',
        end: '2024-01-11T10:07:07Z',
        projectId: p2,
        tagIds: [tagA, tagB],
        billable: true,
        hourlyRate: 7333,
        costRate: 2000,
        description: 'Coding',
      },
      e3: {
        userId: member.user.id,
        start: '2024-01-12T09:00:00Z',
        end: '2024-01-12T09:45:00Z',
        projectId: p1,
        billable: false,
        hourlyRate: 5000,
        costRate: 3000,
        invoiced: true,
      },
      e4: {
        userId: member.user.id,
        start: '2024-01-13T09:00:00Z',
        end: '2024-01-13T11:00:01Z',
        billable: true,
        hourlyRate: 12345,
        tagIds: [tagB],
        description: 'Support call',
        approvalStatus: 'APPROVED',
      },
      run: {
        userId: owner,
        start: '2024-01-14T09:00:00Z',
        end: null,
        projectId: p1,
        billable: true,
        hourlyRate: 10000,
      },
      feb: {
        userId: owner,
        start: '2024-02-01T09:00:00Z',
        end: '2024-02-01T10:00:00Z',
        projectId: p1,
        billable: true,
        hourlyRate: 10000,
      },
    });
    for (const key of Object.keys(e)) e[key].id = await repEntry(t.app, a.workspace.id, e[key]);
    await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeAllTimeEntries', true);
  });

  afterAll(() => t.app.close());

  describe('ladder', () => {
    it('401 without credentials', () =>
      request(t.http)
        .post(url(a.workspace.id))
        .send({ ...RANGE, detailedFilter: {} })
        .expect(401));
    it('403 for a caller of another workspace', () => post({}, b.apiKey).expect(403));
    it('400 for a malformed workspace id', () =>
      request(t.http)
        .post(url('nope'))
        .set('X-Api-Key', a.apiKey)
        .send({ ...RANGE, detailedFilter: {} })
        .expect(400));
    it("another workspace's ids match nothing here", async () => {
      const other = await teProject(t.app, b.workspace.id, { name: 'Elsewhere' });
      expect((await ok({ projects: { ids: [other] } })).timeentries).toEqual([]);
    });
    it.each([
      ['end before start', { dateRangeStart: '2024-02-01T00:00:00Z', dateRangeEnd: '2024-01-01T00:00:00Z' }],
      ['a malformed date', { dateRangeStart: 'yesterday' }],
      ['pageSize too large', { detailedFilter: { page: 1, pageSize: 1001 } }],
      ['page 0', { detailedFilter: { page: 0, pageSize: 10 } }],
      ['no detailedFilter', { detailedFilter: undefined }],
      ['an unknown field', { colour: 'red' }],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
      ['a bad contains', { tags: { ids: [], contains: 'MAYBE' } }],
      ['a bad sort column', { detailedFilter: { sortColumn: 'COLOR' } }],
    ])('400 for %s', (_, body) => post(body).expect(400));
  });

  it("lists the range's stopped entries with names and amounts, and totals computed per entry", async () => {
    const d = await ok({});
    expect(d.timeentries.map((r) => r.id)).toEqual(['e4', 'e3', 'e2', 'e1'].map((n) => e[n].id)); // start, newest first
    expectTotals(d, ['e1', 'e2', 'e3', 'e4']);
    const row = d.timeentries[3];
    expect(row).toMatchObject({
      description: 'Design review',
      userId: a.user.id,
      projectName: 'Apollo',
      taskName: 'Design',
      clientName: null,
      billable: true,
      tags: [{ id: tagA, name: 'alpha' }],
      timeInterval: { start: '2024-01-10T09:00:00Z', end: '2024-01-10T10:30:00Z', duration: 5400 },
      rate: 10000,
      amount: 15000,
      costAmount: 6000,
    });
    expect(d.timeentries[1].clientName).toBeNull();
    expect(d.timeentries.find((r) => r.id === e.e2.id)?.clientName).toBe('Acme');
    expect(d.timeentries.find((r) => r.id === e.e3.id)?.amount).toBe(0); // not billable: nothing earned
  });

  it('pages and sorts', async () => {
    const page2 = await ok({ detailedFilter: { page: 2, pageSize: 3 }, sortOrder: 'ASCENDING' });
    expect(page2.timeentries.map((r) => r.id)).toEqual([e.e4.id]);
    expectTotals(page2, ['e1', 'e2', 'e3', 'e4']);
    const byDuration = await ok({ detailedFilter: { sortColumn: 'DURATION' }, sortOrder: 'DESCENDING' });
    expect(byDuration.timeentries.map((r) => r.id)).toEqual(['e4', 'e1', 'e2', 'e3'].map((n) => e[n].id));
    expect((await ok({ detailedFilter: { options: { totals: 'EXCLUDE' } } })).totals).toEqual([]);
  });

  it.each([
    ['tags CONTAINS', { tags: { ids: ['A'], contains: 'CONTAINS' } }, ['e1', 'e2']],
    ['tags DOES_NOT_CONTAIN', { tags: { ids: ['A'], contains: 'DOES_NOT_CONTAIN' } }, ['e3', 'e4']],
    ['tags CONTAINS_ONLY', { tags: { ids: ['A'], contains: 'CONTAINS_ONLY' } }, ['e1']],
    ['tags CONTAINS_ONLY both', { tags: { ids: ['A', 'B'], contains: 'CONTAINS_ONLY' } }, ['e1', 'e2', 'e4']],
    ['billable', { billable: true }, ['e1', 'e2', 'e4']],
    ['non-billable', { billable: false }, ['e3']],
    ['description', { description: 'CODI' }, ['e2']],
    ['withoutDescription', { withoutDescription: true }, ['e3']],
    ['INVOICED', { invoicingState: 'INVOICED' }, ['e3']],
    ['UNINVOICED', { invoicingState: 'UNINVOICED' }, ['e1', 'e2', 'e4']],
    ['APPROVED', { approvalState: 'APPROVED' }, ['e4']],
    ['UNAPPROVED', { approvalState: 'UNAPPROVED' }, ['e1', 'e2', 'e3']],
    ['projects DOES_NOT_CONTAIN', { projects: { ids: ['P1'], contains: 'DOES_NOT_CONTAIN' } }, ['e2', 'e4']],
    ['clients CONTAINS', { clients: { ids: ['C'], contains: 'CONTAINS' } }, ['e2']],
    ['users CONTAINS', { users: { ids: ['M'], contains: 'CONTAINS' } }, ['e3', 'e4']],
    ['audit withoutProject', { detailedFilter: { auditFilter: { withoutProject: true } } }, ['e4']],
  ])('filters: %s', async (_, raw, expected) => {
    const swap = (v: string) => ({ A: tagA, B: tagB, P1: p1, C: client, M: member.user.id })[v] ?? v;
    const body = JSON.parse(JSON.stringify(raw), (k, v: unknown) =>
      k === 'ids' && Array.isArray(v) ? v.map((x) => swap(String(x))) : v,
    ) as object;
    const d = await ok(body);
    expect(idsOf(d)).toEqual(idsFor(...expected));
    expectTotals(d, expected);
  });

  it('shows COST, PROFIT and several amount types', async () => {
    const all = ['e1', 'e2', 'e3', 'e4'].map((n) => e[n]);
    const earned = all.filter((x) => x.billable).reduce((s, x) => s + cents(seconds(x), x.hourlyRate), 0);
    const cost = all.reduce((s, x) => s + cents(seconds(x), x.costRate), 0);
    expect((await ok({ amountShown: 'COST' })).totals[0].totalAmount).toBe(cost);
    const d = await ok({ amountShown: 'PROFIT', amounts: ['EARNED', 'COST', 'PROFIT'] });
    expect(d.totals[0].totalAmount).toBe(earned - cost);
    expect(d.totals[0].amounts).toEqual([
      { type: 'EARNED', value: earned },
      { type: 'COST', value: cost },
      { type: 'PROFIT', value: earned - cost },
    ]);
    const hidden = await ok({ amountShown: 'HIDE_AMOUNT' });
    expect(hidden.totals[0].totalAmount).toBeNull();
    expect(hidden.timeentries[0].amount).toBeNull();
  });

  it.each([
    ['Round to nearest', (s: number) => Math.floor((s + 450) / 900) * 900],
    ['Round up to', (s: number) => Math.ceil(s / 900) * 900],
    ['Round down to', (s: number) => Math.floor(s / 900) * 900],
  ])('rounds durations and amounts: %s 15 minutes', async (mode, round) => {
    await teSetting(t.app, a.workspace.id, 'round', { round: mode, minutes: '15' });
    const d = await ok({ rounding: true });
    const all = ['e1', 'e2', 'e3', 'e4'].map((n) => e[n]);
    expect(d.totals[0].totalTime).toBe(all.reduce((s, x) => s + round(seconds(x)), 0));
    expect(d.totals[0].totalAmount).toBe(
      all.filter((x) => x.billable).reduce((s, x) => s + cents(round(seconds(x)), x.hourlyRate), 0),
    );
    expect(d.timeentries.find((r) => r.id === e.e2.id)?.timeInterval.duration).toBe(round(seconds(e.e2)));
    expect((await ok({ rounding: false })).totals[0].totalTime).toBe(all.reduce((s, x) => s + seconds(x), 0));
  });

  describe('visibility', () => {
    it('a member sees only their own time, without amounts, and may not ask for others', async () => {
      const d = await ok({}, member.apiKey);
      expect(idsOf(d)).toEqual(idsFor('e3', 'e4'));
      expect(d.totals[0].totalAmount).toBeNull();
      expect(d.timeentries[0].amount).toBeNull();
      await post({ users: { ids: [a.user.id], contains: 'CONTAINS' } }, member.apiKey).expect(403);
    });

    it('a team manager sees their team', async () => {
      const d = await ok({ users: { ids: [member.user.id] } }, manager.apiKey);
      expect(idsOf(d)).toEqual(idsFor('e3', 'e4'));
    });

    it("when members may see all time: others' entries on public projects", async () => {
      await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeAllTimeEntries', false);
      const d = await ok({}, member.apiKey);
      expect(idsOf(d)).toEqual(idsFor('e1', 'e2', 'e3', 'e4'));
      await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeBillableRates', false);
      expectTotals(await ok({}, member.apiKey), ['e1', 'e2', 'e3', 'e4']);
      await teSetting(t.app, a.workspace.id, 'onlyAdminsSeeAllTimeEntries', true);
    });
  });
});
