import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../../src/config/env.validation';
import { createMember, createOwner, Owner } from '../factories';
import { startTestApp } from '../utils/test-app';
import { AppProcess, killAll, spawnApp } from './app-process';
import { send } from './http-client';

/** Races across two running instances of the built server, and hostile bodies: one write each, never a 5xx. */
describe('Races and hostile input against two instances', () => {
  let setup: INestApplication;
  let o: Owner;
  let one: AppProcess;
  let two: AppProcess;
  const query = <T>(sql: string, params: unknown[]) => setup.get(DataSource).query<T>(sql, params);

  beforeAll(async () => {
    process.env.WEBHOOK_WORKER = 'false';
    resetEnvCache();
    setup = (await startTestApp()).app;
    o = await createOwner(setup, 'Races');
    [one, two] = await Promise.all([spawnApp({ WEBHOOK_WORKER: 'false' }), spawnApp({ WEBHOOK_WORKER: 'false' })]);
  });
  afterAll(async () => {
    await killAll([one, two]);
    await setup.close();
  });

  it('50 concurrent timer starts for one user over two instances: all 201, exactly one timer left running', async () => {
    const racer = await createMember(setup, o.workspace.id);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(i % 2 ? one.port : two.port, `/v1/workspaces/${o.workspace.id}/time-entries`, {
          method: 'POST',
          headers: { 'X-Api-Key': racer.apiKey },
          body: JSON.stringify({ start: new Date(Date.UTC(2024, 6, 1, 9, i)).toISOString(), description: `race ${i}` }),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const [{ running, total }] = await query<{ running: number; total: number }[]>(
      `SELECT count(*) FILTER (WHERE end_at IS NULL)::int AS running, count(*)::int AS total FROM time_entries WHERE workspace_id = $1 AND user_id = $2`,
      [o.workspace.id, racer.user.id],
    );
    expect({ running, total }).toEqual({ running: 1, total: 50 });
  });

  it('30 concurrent POSTs with one Idempotency-Key over two instances: one client, one event, identical answers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(i % 2 ? one.port : two.port, `/v1/workspaces/${o.workspace.id}/clients`, {
          method: 'POST',
          headers: { 'X-Api-Key': o.apiKey, 'Idempotency-Key': 'race-once' },
          body: JSON.stringify({ name: 'Raced client' }),
        }),
      ),
    );
    for (const a of answers) expect([201, 409]).toContain(a.status);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of created) expect(a.text).toBe(created[0].text);
    const [{ n }] = await query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM clients WHERE workspace_id = $1 AND name = 'Raced client'`,
      [o.workspace.id],
    );
    const [{ e }] = await query<{ e: number }[]>(
      `SELECT count(*)::int AS e FROM outbox WHERE workspace_id = $1 AND payload->>'name' = 'Raced client'`,
      [o.workspace.id],
    );
    expect({ n, e }).toEqual({ n: 1, e: 1 });
  });

  it('bodies nested 2,000 levels deep and NUL characters are 400 on the built server, and nothing is written', async () => {
    const path = `/v1/workspaces/${o.workspace.id}/clients`;
    const post = (body: string) => send(one.port, path, { method: 'POST', headers: { 'X-Api-Key': o.apiKey }, body });
    const deep = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    const answers = await Promise.all([
      post(deep),
      post(`{"name":"Hostile","x":${deep}}`),
      post('{"name":"Hostile\\u0000"}'),
      send(two.port, `${path}?name=%00`, { headers: { 'X-Api-Key': o.apiKey } }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    for (const a of answers)
      expect(JSON.parse(a.text)).toMatchObject({
        code: 400,
        errors: [expect.objectContaining({ field: expect.any(String) })],
      });
    const [{ n }] = await query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM clients WHERE workspace_id = $1 AND name LIKE 'Hostile%'`,
      [o.workspace.id],
    );
    expect(n).toBe(0);
    expect((await send(one.port, '/health')).status).toBe(200); // the process is fine
  });
});
