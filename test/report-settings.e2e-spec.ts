import { DataSource } from 'typeorm';
import { resetEnvCache } from '../src/config/env.validation';
import { connectionsCarryReportSettings } from '../src/database/session-settings';
import { inReportSession, inReportTransaction } from '../src/modules/reports/filter';
import { startTestApp, TestApp } from './utils/test-app';

const settingsOf = async (q: { query: DataSource['query'] }) => {
  const [{ work_mem: workMem }] = await q.query(`SHOW work_mem`);
  const [{ jit }] = await q.query(`SHOW jit`);
  return { workMem, jit };
};
const REPORT = { workMem: '64MB', jit: 'off' };

/** Report statements run with work_mem 64MB and no JIT: set once per connection, or per transaction behind a transaction pooler. */
// Behind a pooler in transaction mode (CI's PgBouncer run sets DB_POOLER=transaction) only that setting is valid: with
// `none` the session settings would reach the pooler's shared server connections, which is what the setting is for.
const POOLERS = process.env.DB_POOLER === 'transaction' ? ['transaction'] : ['none', 'transaction'];

describe.each(POOLERS)('Report settings with DB_POOLER=%s', (pooler) => {
  let t: TestApp;
  const saved = process.env.DB_POOLER;

  beforeAll(async () => {
    process.env.DB_POOLER = pooler;
    resetEnvCache();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.app.close();
    if (saved === undefined) delete process.env.DB_POOLER;
    else process.env.DB_POOLER = saved;
    resetEnvCache();
  });

  it('a report transaction and a report session read with them; other statements only where connections carry them', async () => {
    const ds = t.app.get(DataSource);
    expect(connectionsCarryReportSettings()).toBe(pooler === 'none');
    expect(await inReportTransaction(ds, settingsOf)).toEqual(REPORT);
    expect(await inReportSession(ds, settingsOf)).toEqual(REPORT);
    const [{ isolation }] = await inReportTransaction(ds, (m) =>
      m.query(`SELECT current_setting('transaction_isolation') AS isolation`),
    );
    expect(isolation).toBe('repeatable read');
    const plain = await settingsOf(ds);
    if (pooler === 'none') expect(plain).toEqual(REPORT);
    else expect(plain).not.toEqual(REPORT); // SET LOCAL ended with its transaction
  });

  it('a failing report rolls back and leaves no transaction open on the connection', async () => {
    const ds = t.app.get(DataSource);
    await expect(inReportTransaction(ds, (m) => m.query(`SELECT 1/0`))).rejects.toThrow(/division by zero/);
    // every pooled connection (more queries at once than the pool has connections) is outside any transaction
    const levels = await Promise.all(
      Array.from({ length: 12 }, () =>
        ds.query(`SELECT current_setting('transaction_isolation') AS level, pg_sleep(0.05)`),
      ),
    );
    expect(levels.map(([{ level }]) => level)).toEqual(Array(12).fill('read committed'));
  });
});
