import request from 'supertest';
import { DataSource } from 'typeorm';
import { createMember, createOwner, MISSING_ID, Owner, Account } from './factories';
import { createClientRow } from './factories/catalog';
import { invCreate } from './factories/invoices';
import { teProject, teProjectMember, teTask } from './factories/time-entries';
import { RatesService } from '../src/modules/rates/rates.service';
import { startTestApp, TestApp } from './utils/test-app';

/**
 * Rate changes re-price time (issue 15): without `since` a rate applies to all time, with `since` to entries
 * starting then or later; precedence task > project member > project > member > workspace; invoiced entries keep
 * their rate; reports and invoice imports follow; the change feed carries TIME_ENTRY_RATE documents.
 */
describe('Rates re-price time entries', () => {
  let t: TestApp;
  let o: Owner;
  let other: Owner;
  let m: Account;
  let p: string;
  let task: string;
  const ids: Record<string, string> = {};
  const wsUrl = (path = '', ws = o.workspace.id) => `/v1/workspaces/${ws}${path}`;
  const put = (path: string, body: object, key = o.apiKey) =>
    request(t.http).put(wsUrl(path)).set('X-Api-Key', key).send(body);
  const rates = async (): Promise<Record<string, [number | null, number | null]>> => {
    const out: Record<string, [number | null, number | null]> = {};
    for (const [name, id] of Object.entries(ids)) {
      const res = await request(t.http)
        .get(wsUrl(`/time-entries/${id}`))
        .set('X-Api-Key', o.apiKey)
        .expect(200);
      out[name] = [res.body.hourlyRate?.amount ?? null, res.body.costRate?.amount ?? null];
    }
    return out;
  };
  const hourly = async () => Object.fromEntries(Object.entries(await rates()).map(([k, [h]]) => [k, h]));

  beforeAll(async () => {
    t = await startTestApp();
    o = await createOwner(t.app, 'Olga');
    other = await createOwner(t.app, 'Oscar');
    m = await createMember(t.app, o.workspace.id, { name: 'Max' });
    const client = await createClientRow(t.app, o.workspace.id, { name: 'Acme' });
    p = await teProject(t.app, o.workspace.id, { name: 'Apollo', billable: true });
    await t.app.get(DataSource).query('UPDATE projects SET client_id = $2 WHERE id = $1', [p, client]);
    task = await teTask(t.app, o.workspace.id, p, 'Design');
    await teProjectMember(t.app, o.workspace.id, p, m.user.id);
    await teProjectMember(t.app, o.workspace.id, p, o.user.id);
    const track = async (name: string, key: string, body: object) => {
      const res = await request(t.http)
        .post(wsUrl('/time-entries'))
        .set('X-Api-Key', key)
        .send({ billable: true, ...body })
        .expect(201);
      ids[name] = res.body.id;
    };
    // Tracked first, rates set afterwards (the usual order).
    await track('own', o.apiKey, { start: '2024-01-10T09:00:00Z', end: '2024-01-10T11:00:00Z' });
    await track('feb', m.apiKey, { start: '2024-02-10T09:00:00Z', end: '2024-02-10T10:00:00Z', projectId: p });
    await track('mar', m.apiKey, {
      start: '2024-03-10T09:00:00Z',
      end: '2024-03-10T10:00:00Z',
      projectId: p,
      taskId: task,
    });
    await track('apr', o.apiKey, { start: '2024-04-10T09:00:00Z', end: '2024-04-10T09:30:00Z', projectId: p });
    await track('billed', m.apiKey, { start: '2024-05-10T09:00:00Z', end: '2024-05-10T10:00:00Z' });
    await request(t.http)
      .patch(wsUrl('/time-entries/invoiced'))
      .set('X-Api-Key', o.apiKey)
      .send({ timeEntryIds: [ids.billed], invoiced: true })
      .expect(200);
  });

  afterAll(() => t.app.close());

  describe('ladder of every rate endpoint', () => {
    const endpoints = () => [
      { path: '/hourly-rate', body: { amount: 100, currency: 'USD' } },
      { path: '/cost-rate', body: { amount: 100 } },
      { path: `/users/${m.user.id}/hourly-rate`, body: { amount: 100 } },
      { path: `/users/${m.user.id}/cost-rate`, body: { amount: 100 } },
      { path: `/projects/${p}`, body: { hourlyRate: { amount: 100 } } },
      { path: `/projects/${p}/users/${m.user.id}/hourly-rate`, body: { amount: 100 } },
      { path: `/projects/${p}/users/${m.user.id}/cost-rate`, body: { amount: 100 } },
      { path: `/projects/${p}/tasks/${task}/hourly-rate`, body: { amount: 100 } },
      { path: `/projects/${p}/tasks/${task}/cost-rate`, body: { amount: 100 } },
    ];

    it('401 without credentials, 403 for a plain member, 400 for a bad body, 403/404 from another workspace', async () => {
      const before = await rates();
      for (const { path, body } of endpoints()) {
        await request(t.http).put(wsUrl(path)).send(body).expect(401);
        await put(path, body, m.apiKey).expect(403);
        const bad = path === `/projects/${p}` ? { hourlyRate: { amount: -1 } } : { ...body, amount: -1 };
        await put(path, bad).expect(400);
        await put(path, { ...body, since: 'yesterday' }).expect(400);
        // Another workspace's owner: not a member here (403); this workspace's ids under theirs: 404.
        await put(path, body, other.apiKey).expect(403);
        if (path !== '/hourly-rate' && path !== '/cost-rate') {
          const res = await request(t.http)
            .put(wsUrl(path, other.workspace.id))
            .set('X-Api-Key', other.apiKey)
            .send(body);
          expect([404]).toContain(res.status);
        }
      }
      await put(`/users/${MISSING_ID}/hourly-rate`, { amount: 1 }).expect(404);
      expect(await rates()).toEqual(before); // nothing refused changed anything
    });
  });

  describe('values', () => {
    it('without since, the workspace rate applies to all time (past entries included); invoiced entries keep theirs', async () => {
      expect(await hourly()).toEqual({ own: null, feb: null, mar: null, apr: null, billed: null });
      const res = await put('/hourly-rate', { amount: 1000, currency: 'USD' }).expect(200);
      expect(res.body.hourlyRate).toEqual({ amount: 1000, currency: 'USD' });
      expect(await hourly()).toEqual({ own: 1000, feb: 1000, mar: 1000, apr: 1000, billed: null });
      await put('/cost-rate', { amount: 400 }).expect(200);
      expect(Object.values(await rates()).map(([, c]) => c)).toEqual([400, 400, 400, 400, null]);
    });

    it('with since, a member rate re-prices only the entries starting then or later', async () => {
      await put(`/users/${m.user.id}/hourly-rate`, { amount: 2000, since: '2024-03-01T00:00:00Z' }).expect(200);
      expect(await hourly()).toEqual({ own: 1000, feb: 1000, mar: 2000, apr: 1000, billed: null });
    });

    it('precedence: project > member, project member > project, task > everything; a weaker change leaves stronger ones alone', async () => {
      await put(`/projects/${p}`, { hourlyRate: { amount: 3000 } }).expect(200);
      expect(await hourly()).toEqual({ own: 1000, feb: 3000, mar: 3000, apr: 3000, billed: null });
      await put(`/projects/${p}/users/${m.user.id}/hourly-rate`, {
        amount: 4000,
        since: '2024-03-01T00:00:00Z',
      }).expect(200);
      expect(await hourly()).toEqual({ own: 1000, feb: 3000, mar: 4000, apr: 3000, billed: null });
      await put(`/projects/${p}/tasks/${task}/hourly-rate`, { amount: 5000 }).expect(200);
      expect(await hourly()).toEqual({ own: 1000, feb: 3000, mar: 5000, apr: 3000, billed: null });
      await put('/hourly-rate', { amount: 1100, currency: 'USD' }).expect(200);
      await put(`/users/${m.user.id}/hourly-rate`, { amount: 2100 }).expect(200);
      expect(await hourly()).toEqual({ own: 1100, feb: 3000, mar: 5000, apr: 3000, billed: null });
      await put(`/projects/${p}/tasks/${task}/cost-rate`, { amount: 900, since: '2024-03-10T09:00:00Z' }).expect(200);
      expect(await rates()).toMatchObject({ own: [1100, 400], feb: [3000, 400], mar: [5000, 900], apr: [3000, 400] });
    });

    it('a later since keeps earlier entries at the rate history gives them', async () => {
      await put(`/projects/${p}`, { hourlyRate: { amount: 3500, since: '2024-04-01T00:00:00Z' } }).expect(200);
      expect(await hourly()).toMatchObject({ feb: 3000, apr: 3500 });
      // an entry moved to before `since` is re-priced from the history (3000 then), and back again
      await request(t.http)
        .put(wsUrl(`/time-entries/${ids.apr}`))
        .set('X-Api-Key', o.apiKey)
        .send({ start: '2024-03-20T09:00:00Z', end: '2024-03-20T09:30:00Z', projectId: p, billable: true })
        .expect(200);
      expect(await hourly()).toMatchObject({ apr: 3000 });
      await request(t.http)
        .put(wsUrl(`/time-entries/${ids.apr}`))
        .set('X-Api-Key', o.apiKey)
        .send({ start: '2024-04-10T09:00:00Z', end: '2024-04-10T09:30:00Z', projectId: p, billable: true })
        .expect(200);
      expect(await hourly()).toMatchObject({ apr: 3500 });
    });

    it('new entries, and entries whose project, task, user or start change, get the rate precedence resolves', async () => {
      const created = await request(t.http)
        .post(wsUrl('/time-entries'))
        .set('X-Api-Key', m.apiKey)
        .send({ start: '2024-06-01T09:00:00Z', end: '2024-06-01T10:00:00Z', projectId: p, taskId: task })
        .expect(201);
      expect(created.body.hourlyRate).toBeNull(); // members do not see rates here
      const read = await request(t.http)
        .get(wsUrl(`/time-entries/${created.body.id}`))
        .set('X-Api-Key', o.apiKey)
        .expect(200);
      expect(read.body.hourlyRate).toEqual({ amount: 5000, currency: 'USD' });
      // bulk update: the own entry moves onto the project, then off it
      await request(t.http)
        .put(wsUrl(`/user/${o.user.id}/time-entries`))
        .set('X-Api-Key', o.apiKey)
        .send([{ id: ids.own, projectId: p }])
        .expect(200);
      expect(await hourly()).toMatchObject({ own: 3000 });
      await request(t.http)
        .put(wsUrl(`/user/${o.user.id}/time-entries`))
        .set('X-Api-Key', o.apiKey)
        .send([{ id: ids.own, projectId: null, billable: true }])
        .expect(200);
      expect(await hourly()).toMatchObject({ own: 1100 });
      await request(t.http)
        .delete(wsUrl(`/time-entries/${created.body.id}`))
        .set('X-Api-Key', o.apiKey)
        .expect(204);
    });

    it('reports and invoice imports use the re-priced rates; the invoiced entry is never re-priced', async () => {
      const r = await hourly();
      const hours = { own: 2, feb: 1, mar: 1, apr: 0.5 };
      const expected = Object.entries(hours).reduce((s, [k, h]) => s + Math.round(h * (r[k] as number)), 0);
      const range = { dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd: '2024-04-30T23:59:59.999Z' };
      const detailed = await request(t.http)
        .post(wsUrl('/reports/detailed'))
        .set('X-Api-Key', o.apiKey)
        .send({ ...range, detailedFilter: { page: 1, pageSize: 50 } })
        .expect(200);
      expect(detailed.body.totals[0].totalAmount).toBe(expected);
      const rows = detailed.body.timeentries as { id: string; earnedRate: number }[];
      expect(Object.fromEntries(rows.map((row) => [row.id, row.earnedRate]))).toEqual(
        Object.fromEntries(Object.keys(hours).map((k) => [ids[k], r[k]])),
      );
      const summary = await request(t.http)
        .post(wsUrl('/reports/summary'))
        .set('X-Api-Key', o.apiKey)
        .send({ ...range, summaryFilter: { groups: ['PROJECT'] } })
        .expect(200);
      expect(summary.body.totals[0].totalAmount).toBe(expected);

      const client = (await t.app.get(DataSource).query('SELECT client_id FROM projects WHERE id = $1', [p]))[0]
        .client_id as string;
      const invoice = await invCreate(t.http, o.workspace.id, o.apiKey, client);
      const imported = await request(t.http)
        .post(wsUrl(`/invoices/${invoice}/items/import`))
        .set('X-Api-Key', o.apiKey)
        .send({
          from: '2024-02-01T00:00:00Z',
          to: '2024-03-31T00:00:00Z',
          importExpenses: false,
          projectFilter: {},
          timeEntryGroupType: 'DETAILED',
        })
        .expect(200);
      const prices = (imported.body.items as { unitPrice: number; amount: number }[])
        .map((i) => [i.unitPrice, i.amount])
        .sort();
      expect(prices).toEqual(
        [
          [3000, 3000],
          [5000, 5000],
        ].sort(),
      );
      // Invoiced now: a workspace-wide change leaves them (and the flagged entry) as billed.
      await put(`/projects/${p}`, { hourlyRate: { amount: 9999 } }).expect(200);
      expect(await hourly()).toEqual({ own: 1100, feb: 3000, mar: 5000, apr: 9999, billed: null });
    });
  });

  describe('while a rate change runs', () => {
    it('lists answer at once; a create in the workspace waits for the change and gets the new rate', async () => {
      const runner = t.app.get(DataSource).createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        // The rate change of a PUT, left open: its lock and its re-pricing UPDATE are held.
        await t.app
          .get(RatesService)
          .set(runner.manager, { workspaceId: o.workspace.id }, 'HOURLY', { amount: 1234, currency: 'USD' });
        // Answered before the commit: the change holds no lock a read waits for (it would hang here otherwise).
        await request(t.http)
          .get(wsUrl(`/user/${o.user.id}/time-entries`))
          .set('X-Api-Key', o.apiKey)
          .expect(200);
        await request(t.http)
          .get(wsUrl(`/time-entries/${ids.own}`))
          .set('X-Api-Key', o.apiKey)
          .expect(200);
        let settled = false;
        const create = request(t.http)
          .post(wsUrl('/time-entries'))
          .set('X-Api-Key', o.apiKey)
          .send({ start: '2024-08-01T09:00:00Z', end: '2024-08-01T10:00:00Z', billable: true })
          .then((res) => ((settled = true), res));
        await new Promise((resolve) => setTimeout(resolve, 700));
        expect(settled).toBe(false);
        await runner.commitTransaction();
        const res = await create;
        expect(res.status).toBe(201);
        expect(res.body.hourlyRate).toEqual({ amount: 1234, currency: 'USD' });
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      expect(await hourly()).toMatchObject({ own: 1234 });
      await request(t.http)
        .put(wsUrl(`/time-entries/${ids.own}`))
        .set('X-Api-Key', o.apiKey)
        .send({ start: '2024-01-10T09:00:00Z', end: '2024-01-10T11:00:00Z', billable: true })
        .expect(200);
    });
  });

  describe('change feed', () => {
    it('a re-pricing shows as TIME_ENTRY_RATE documents of the touched entries, paged by the cursor without skipping', async () => {
      const feed = (query: string) =>
        request(t.http)
          .get(wsUrl(`/entities/updated?type=TIME_ENTRY_RATE&${query}`))
          .set('X-Api-Key', o.apiKey)
          .expect(200);
      const first = await feed('limit=1000');
      let cursor = first.headers['x-next-cursor'] as string;
      expect(cursor).toBeTruthy();
      // Three more entries of the member, then a member-wide change without since: own entries not on the project.
      for (const day of ['11', '12', '13']) {
        await request(t.http)
          .post(wsUrl('/time-entries'))
          .set('X-Api-Key', m.apiKey)
          .send({ start: `2024-07-${day}T09:00:00Z`, end: `2024-07-${day}T10:00:00Z` })
          .expect(201);
      }
      const afterCreates = await feed(`cursor=${cursor}&limit=1000`);
      expect(afterCreates.body).toHaveLength(0); // creations are not updates
      cursor = afterCreates.headers['x-next-cursor'] as string;
      await put(`/users/${m.user.id}/hourly-rate`, { amount: 2222 }).expect(200);
      const touched = (
        await t.app
          .get(DataSource)
          .query(
            `SELECT id FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND project_id IS NULL AND NOT invoiced ORDER BY id`,
            [o.workspace.id, m.user.id],
          )
      ).map((row: { id: string }) => row.id) as string[];
      expect(touched).toHaveLength(3);
      const seen: {
        id: string;
        hourlyRate: { amount: number } | null;
        documentType: string;
        auditMetadata: { changeSequence: string };
      }[] = [];
      for (let i = 0; i < 10; i++) {
        const page = await feed(`cursor=${cursor}&limit=2`);
        seen.push(...page.body);
        cursor = page.headers['x-next-cursor'] as string;
        if (!page.body.length) break;
      }
      expect(seen.map((d) => d.id)).toEqual(touched);
      expect(seen.every((d) => d.documentType === 'TIME_ENTRY_RATE' && d.hourlyRate?.amount === 2222)).toBe(true);
      expect(new Set(seen.map((d) => d.auditMetadata.changeSequence)).size).toBe(1);
      // and nothing more afterwards
      expect((await feed(`cursor=${cursor}&limit=50`)).body).toEqual([]);
    });
  });
});
