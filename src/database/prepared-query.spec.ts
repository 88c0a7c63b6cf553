import { DataSource } from 'typeorm';
import { resetEnvCache } from '../config/env.validation';
import { preparedQuery } from './prepared-query';

/** The statement sent for a hot query: named (prepared once per connection) unless DB_POOLER=transaction. */
async function sentWith(pooler: string | undefined): Promise<{ name?: string; text: string; values: unknown[] }> {
  if (pooler === undefined) delete process.env.DB_POOLER;
  else process.env.DB_POOLER = pooler;
  resetEnvCache();
  const dataSource = new DataSource({ type: 'postgres' });
  const query = jest.fn().mockResolvedValue({ rows: [{ one: 1 }] });
  Object.assign(dataSource.driver, { master: { query } });
  await expect(preparedQuery(dataSource, 'SELECT $1::int AS one', [1])).resolves.toEqual([{ one: 1 }]);
  return query.mock.calls[0][0] as { name?: string; text: string; values: unknown[] };
}

describe('preparedQuery', () => {
  const saved = process.env.DB_POOLER;
  afterAll(() => {
    if (saved === undefined) delete process.env.DB_POOLER;
    else process.env.DB_POOLER = saved;
    resetEnvCache();
  });

  it('names the statement by its text by default', async () => {
    const sent = await sentWith(undefined);
    expect(sent).toEqual({
      name: expect.stringMatching(/^s[0-9a-f]{20}$/),
      text: 'SELECT $1::int AS one',
      values: [1],
    });
    expect((await sentWith('none')).name).toBe(sent.name);
  });

  it('sends an unnamed statement behind a transaction pooler (DB_POOLER=transaction)', async () => {
    const sent = await sentWith('transaction');
    expect(sent).toEqual({ text: 'SELECT $1::int AS one', values: [1] });
    expect(sent).not.toHaveProperty('name');
  });
});
