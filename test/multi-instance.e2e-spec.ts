import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../src/database/embedded/free-port';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createOwner, type Owner } from './factories';
import { Receiver, sleep, waitUntil } from './factories/webhooks';
import { startTestApp, type TestApp } from './utils/test-app';

/**
 * Two instances of the built server (`dist/`, child processes, as deployed) on
 * the suite's database, behind a round-robin node:http proxy that says which one
 * answered (`X-Upstream`). The timer, Idempotency-Key and webhook flows cross
 * both: nothing one instance needs lives in the other's memory.
 */
const root = join(__dirname, '..');

interface Instance {
  port: number;
  child: ChildProcess;
  log: string[];
}

async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      WEBHOOK_WORKER: 'true',
      WEBHOOK_POLL_MS: '100',
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      RATE_LIMIT_PER_SECOND: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (c: Buffer) => log.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => log.push(c.toString()));
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}: ${log.join('')}`);
      return fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    120_000,
    `an instance on port ${port}`,
  );
  return { port, child, log };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000).then(() => instance.child.kill('SIGKILL'))]);
}

/** Round-robin over the ports, one request each in turn; `X-Upstream` names the instance (0, 1) that answered. */
async function startProxy(ports: number[]): Promise<{ server: Server; url: string }> {
  let next = 0;
  const server = createServer((req, res) => {
    const upstream = next++ % ports.length;
    const forward = httpRequest(
      { host: '127.0.0.1', port: ports[upstream], method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': String(upstream) });
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('Two instances behind a load balancer', () => {
  let t: TestApp; // in-process, for the factories and for reading the database
  const instances: Instance[] = [];
  let proxy: { server: Server; url: string };
  let receiver: Receiver;
  let o: Owner;

  const base = () => `/v1/workspaces/${o.workspace.id}`;
  const via = () => request(proxy.url);

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'ensure-build.js')], { cwd: root, stdio: 'inherit' });
    const url = process.env.DATABASE_URL as string;
    t = await startTestApp(); // applies the migrations once, before the instances start
    instances.push(...(await Promise.all([startInstance(url), startInstance(url)])));
    proxy = await startProxy(instances.map((i) => i.port));
    receiver = await Receiver.start();
    o = await createOwner(t.app, 'Balanced');
  }, 600_000);

  afterAll(async () => {
    await Promise.all(instances.map(stopInstance));
    proxy?.server.closeAllConnections();
    await new Promise((resolve) => proxy?.server.close(resolve));
    await receiver?.close();
    await t?.app.close();
  });

  it('the proxy alternates between the two instances', async () => {
    const answers = await Promise.all(
      [0, 1, 2, 3].map(() => via().get('/v1/user').set('X-Api-Key', o.apiKey).expect(200)),
    );
    expect(new Set(answers.map((a) => a.headers['x-upstream']))).toEqual(new Set(['0', '1']));
  });

  it('a timer started on one instance is seen running and stopped on the other', async () => {
    const start = await via()
      .post(`${base()}/time-entries`)
      .set('X-Api-Key', o.apiKey)
      .send({ start: '2024-05-01T09:00:00Z', description: 'timer' })
      .expect(201);
    const running = await via().get(`${base()}/time-entries/status/in-progress`).set('X-Api-Key', o.apiKey).expect(200);
    expect(running.headers['x-upstream']).not.toBe(start.headers['x-upstream']);
    expect((running.body as { id: string }[]).map((e) => e.id)).toEqual([(start.body as { id: string }).id]);

    await via().get('/v1/user').set('X-Api-Key', o.apiKey).expect(200); // so that the stop lands on the other instance
    const stop = await via()
      .patch(`${base()}/user/${o.user.id}/time-entries`)
      .set('X-Api-Key', o.apiKey)
      .send({ end: '2024-05-01T10:00:00Z' })
      .expect(200);
    expect(stop.headers['x-upstream']).not.toBe(start.headers['x-upstream']);
    expect(stop.body as { id: string; timeInterval: { duration: string } }).toMatchObject({
      id: (start.body as { id: string }).id,
      timeInterval: { duration: 'PT1H' },
    });
    const after = await via().get(`${base()}/time-entries/status/in-progress`).set('X-Api-Key', o.apiKey).expect(200);
    expect(after.headers['x-upstream']).toBe(start.headers['x-upstream']);
    expect(after.body).toEqual([]);
  });

  it('timers started at once on both instances leave one running', async () => {
    const starts = await Promise.all(
      ['2024-05-02T09:00:00Z', '2024-05-02T09:00:01Z'].map((s) =>
        via().post(`${base()}/time-entries`).set('X-Api-Key', o.apiKey).send({ start: s, description: 'race' }),
      ),
    );
    expect(new Set(starts.map((s) => s.headers['x-upstream']))).toEqual(new Set(['0', '1']));
    for (const s of starts) expect([201, 409]).toContain(s.status);
    const running = await via().get(`${base()}/time-entries/status/in-progress`).set('X-Api-Key', o.apiKey).expect(200);
    expect(running.body).toHaveLength(1);
    await via()
      .patch(`${base()}/user/${o.user.id}/time-entries`)
      .set('X-Api-Key', o.apiKey)
      .send({ end: '2024-05-02T10:00:00Z' })
      .expect(200);
  });

  it('an Idempotency-Key used on one instance replays on the other, and racing twins create one entry', async () => {
    const body = { start: '2024-05-03T09:00:00Z', end: '2024-05-03T10:00:00Z', description: `idem-${Date.now()}` };
    const first = await via()
      .post(`${base()}/time-entries`)
      .set('X-Api-Key', o.apiKey)
      .set('Idempotency-Key', `k1-${body.description}`)
      .send(body)
      .expect(201);
    const again = await via()
      .post(`${base()}/time-entries`)
      .set('X-Api-Key', o.apiKey)
      .set('Idempotency-Key', `k1-${body.description}`)
      .send(body)
      .expect(201);
    expect(again.headers['x-upstream']).not.toBe(first.headers['x-upstream']);
    expect((again.body as { id: string }).id).toBe((first.body as { id: string }).id);

    const twin = { ...body, description: `${body.description}-twin` };
    const racing = await Promise.all(
      [0, 1].map(() =>
        via()
          .post(`${base()}/time-entries`)
          .set('X-Api-Key', o.apiKey)
          .set('Idempotency-Key', `k2-${body.description}`)
          .send(twin),
      ),
    );
    expect(new Set(racing.map((r) => r.headers['x-upstream']))).toEqual(new Set(['0', '1']));
    const created = racing.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of racing) expect([201, 409]).toContain(r.status);
    expect(new Set(created.map((r) => (r.body as { id: string }).id)).size).toBe(1);

    const counts: { description: string; n: number }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT description, count(*)::int AS n FROM time_entries WHERE workspace_id = $1 AND description LIKE $2 GROUP BY description ORDER BY description`,
        [o.workspace.id, `${body.description}%`],
      );
    expect(counts).toEqual([
      { description: body.description, n: 1 },
      { description: twin.description, n: 1 },
    ]);
  });

  it('webhooks: with the delivery loop on in both instances, every event arrives exactly once', async () => {
    await via()
      .post(`${base()}/webhooks`)
      .set('X-Api-Key', o.apiKey)
      .send({
        name: 'balanced',
        url: receiver.url('/balanced'),
        webhookEvent: 'NEW_TIME_ENTRY',
        triggerSource: [],
        triggerSourceType: 'WORKSPACE_ID',
      })
      .expect(201);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await via()
        .post(`${base()}/time-entries`)
        .set('X-Api-Key', o.apiKey)
        .send({
          start: `2024-05-10T${String(8 + (i % 10)).padStart(2, '0')}:${String(i).padStart(2, '0')}:00Z`,
          end: '2024-05-10T19:00:00Z',
          description: `hook ${i}`,
        })
        .expect(201);
      ids.push((res.body as { id: string }).id);
    }
    await receiver.waitFor('/balanced', ids.length, 30_000);
    await sleep(1500); // a double delivery would arrive within a few polls
    const delivered = receiver.at('/balanced').map((h) => (JSON.parse(h.body) as { id: string }).id);
    expect(delivered.sort()).toEqual([...ids].sort());
  });
});
