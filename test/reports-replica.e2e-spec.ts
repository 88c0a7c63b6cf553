import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { apExpense } from './factories/approvals';
import { createOwner, Owner } from './factories';
import { repEntry } from './factories/reports';
import { teProject } from './factories/time-entries';
import { startTestApp, TestApp } from './utils/test-app';

/**
 * Reports read DATABASE_READ_URL when it is set. The replica half needs a real
 * streaming standby of DATABASE_URL (`.ci/pooler-replica replica` starts one): it
 * pauses the standby's replay, writes on the primary and checks that every kind of
 * report (and export, and shared report) still shows the replica's older data while
 * ordinary reads show the write, then resumes replay and sees the report catch up.
 */
const RANGE = { dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd: '2024-01-31T23:59:59.999Z' };

interface Totals {
  totalTime: number;
  entriesCount?: number;
}

async function reports(t: TestApp, a: Owner, sharedId: string) {
  const post = (path: string, body: object) =>
    request(t.http)
      .post(`/v1/workspaces/${a.workspace.id}/reports/${path}`)
      .set('X-Api-Key', a.apiKey)
      .send({ ...RANGE, ...body });
  const detailed = await post('detailed', { detailedFilter: { page: 1, pageSize: 50 } }).expect(200);
  const summary = await post('summary', { summaryFilter: { groups: ['PROJECT'] } }).expect(200);
  const weekly = await post('weekly', {
    dateRangeStart: '2024-01-08T00:00:00Z',
    dateRangeEnd: '2024-01-14T23:59:59.999Z',
    weeklyFilter: { group: 'USER' },
  }).expect(200);
  const csv = await post('detailed', { detailedFilter: { page: 1, pageSize: 50 }, exportType: 'CSV' }).expect(200);
  const expenses = await post('expenses/detailed', { page: 1, pageSize: 50 }).expect(200);
  const shared = await request(t.http).get(`/v1/shared-reports/${sharedId}`).expect(200);
  return {
    headers: [detailed, summary, weekly, csv, expenses, shared].map(
      (r) => r.headers['x-data-freshness'] as string | undefined,
    ),
    detailed: (detailed.body as { totals: Totals[] }).totals[0].totalTime,
    summary: (summary.body as { totals: Totals[] }).totals[0].totalTime,
    weekly: JSON.stringify(weekly.body).includes('"totalTime":7200') ? 7200 : 3600,
    csvLines: csv.text.trim().split('\n').length,
    expenses: (expenses.body as { totals: { expensesCount: number } }).totals.expensesCount,
    shared: (shared.body as { totals: Totals[] }).totals[0].totalTime,
  };
}

describe('Reports without DATABASE_READ_URL', () => {
  if (process.env.DATABASE_READ_URL) return;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.app.close();
  });

  it('read the primary (see the write at once) and send no X-Data-Freshness', async () => {
    const a = await createOwner(t.app, 'Primary');
    await repEntry(t.app, a.workspace.id, {
      userId: a.user.id,
      start: '2024-01-10T09:00:00Z',
      end: '2024-01-10T10:00:00Z',
    });
    const res = await request(t.http)
      .post(`/v1/workspaces/${a.workspace.id}/reports/detailed`)
      .set('X-Api-Key', a.apiKey)
      .send({ ...RANGE, detailedFilter: { page: 1, pageSize: 50 } })
      .expect(200);
    expect((res.body as { totals: Totals[] }).totals[0].totalTime).toBe(3600);
    expect(res.headers['x-data-freshness']).toBeUndefined();
  });
});

const withReplica = process.env.DATABASE_READ_URL ? describe : describe.skip;

withReplica('Reports with DATABASE_READ_URL (a streaming standby)', () => {
  let t: TestApp;
  let replica: Client;
  let a: Owner;
  let sharedId: string;

  /** Waits until the standby has replayed everything the primary has written so far. */
  async function caughtUp(): Promise<void> {
    const [{ lsn }] = await t.app.get(DataSource).query<{ lsn: string }[]>('SELECT pg_current_wal_lsn()::text AS lsn');
    for (let i = 0; i < 200; i++) {
      const { rows } = await replica.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [
        lsn,
      ]);
      if (rows[0].done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the standby did not catch up in 10 s');
  }

  beforeAll(async () => {
    replica = new Client({ connectionString: process.env.DATABASE_READ_URL });
    await replica.connect();
    const { rows } = await replica.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    if (!rows[0].standby) throw new Error('DATABASE_READ_URL is not a standby (pg_is_in_recovery() is false)');
    t = await startTestApp();
    a = await createOwner(t.app, 'Replica');
    const project = await teProject(t.app, a.workspace.id, { name: 'Apollo' });
    await repEntry(t.app, a.workspace.id, {
      userId: a.user.id,
      projectId: project,
      start: '2024-01-10T09:00:00Z',
      end: '2024-01-10T10:00:00Z',
    });
    await apExpense(t.app, a.workspace.id, a.user.id, '2024-01-10', 1234);
    const shared = await request(t.http)
      .post(`/v1/workspaces/${a.workspace.id}/shared-reports`)
      .set('X-Api-Key', a.apiKey)
      .send({
        name: 'Public',
        type: 'DETAILED',
        isPublic: true,
        fixedDate: true,
        filter: { ...RANGE, detailedFilter: { page: 1, pageSize: 50 } },
      })
      .expect(200);
    sharedId = (shared.body as { id: string }).id;
    await caughtUp();
  });

  afterAll(async () => {
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await replica?.end();
    await t?.app.close();
  });

  it('show the replica (older data, X-Data-Freshness > 0) while its replay is paused; ordinary reads show the primary', async () => {
    const before = await reports(t, a, sharedId);
    expect(before).toMatchObject({
      detailed: 3600,
      summary: 3600,
      weekly: 3600,
      csvLines: 2,
      expenses: 1,
      shared: 3600,
    });
    for (const header of before.headers) expect(Number(header)).toBeGreaterThanOrEqual(0);

    await replica.query('SELECT pg_wal_replay_pause()');
    await new Promise((r) => setTimeout(r, 1100));
    const created = await request(t.http)
      .post(`/v1/workspaces/${a.workspace.id}/time-entries`)
      .set('X-Api-Key', a.apiKey)
      .send({ start: '2024-01-11T09:00:00Z', end: '2024-01-11T10:00:00Z', description: 'after the pause' })
      .expect(201);
    await apExpense(t.app, a.workspace.id, a.user.id, '2024-01-11', 5678);

    // The caller's own entry is there at once on the primary (the time entries API)...
    const own = await request(t.http)
      .get(`/v1/workspaces/${a.workspace.id}/time-entries/${(created.body as { id: string }).id}`)
      .set('X-Api-Key', a.apiKey)
      .expect(200);
    expect((own.body as { description: string }).description).toBe('after the pause');
    // ...but not yet in any report, export or shared report, which say how stale they are.
    const paused = await reports(t, a, sharedId);
    expect(paused).toMatchObject({
      detailed: 3600,
      summary: 3600,
      weekly: 3600,
      csvLines: 2,
      expenses: 1,
      shared: 3600,
    });
    for (const header of paused.headers) expect(Number(header)).toBeGreaterThanOrEqual(1);

    await replica.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    const after = await reports(t, a, sharedId);
    expect(after).toMatchObject({
      detailed: 7200,
      summary: 7200,
      weekly: 7200,
      csvLines: 3,
      expenses: 2,
      shared: 7200,
    });
    for (const header of after.headers) expect(Number(header)).toBeLessThan(1);
  });
});
