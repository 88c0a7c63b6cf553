import type { INestApplication } from '@nestjs/common';
import { Agent, request } from 'node:http';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../../src/config/env.validation';
import { createOwner, Owner } from '../factories';
import { startTestApp } from '../utils/test-app';
import { AppProcess, killAll, sleep, spawnApp, waitUntil } from './app-process';
import { send } from './http-client';

/** SIGTERM drains: every request already received is answered, keep-alive clients are told to close, the process exits within SHUTDOWN_TIMEOUT_MS. */
describe('Shutdown on SIGTERM', () => {
  let setup: INestApplication;
  let o: Owner;
  const apps: AppProcess[] = [];
  const clientBody = (name: string) => JSON.stringify({ name });

  beforeAll(async () => {
    process.env.WEBHOOK_WORKER = 'false';
    resetEnvCache();
    setup = (await startTestApp()).app;
    o = await createOwner(setup, 'Drain');
  });
  afterAll(async () => {
    await killAll(apps);
    await setup.close();
  });

  it('requests in flight at SIGTERM all get their answer (none reset), new connections are refused, exit 0 within the bound', async () => {
    // (a pool connection may take long on a loaded CI machine: that wait is not what this test is about)
    const app = await spawnApp({ SHUTDOWN_TIMEOUT_MS: '6000', DB_CONNECT_TIMEOUT_MS: '30000' });
    apps.push(app);
    const path = `/v1/workspaces/${o.workspace.id}/clients`;
    const headers = { 'X-Api-Key': o.apiKey };

    // 40 requests, one connection each, all written before the signal
    let written = 0;
    const quick = Array.from({ length: 40 }, (_, i) =>
      send(app.port, path, { method: 'POST', headers, body: clientBody(`drain ${i}`), onSent: () => written++ }).then(
        (a) => a.status,
        (e: Error) => `error ${e.message}`,
      ),
    );
    // 3 requests whose body is still arriving when the signal comes
    const slow = [0, 1, 2].map(
      (i) =>
        new Promise<number | string>((resolve) => {
          const body = clientBody(`slow ${i}`);
          const req = request(
            {
              host: '127.0.0.1',
              port: app.port,
              path,
              method: 'POST',
              agent: false,
              headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', (e) => resolve(`error ${e.message}`));
          req.write(body.slice(0, 5));
          setTimeout(() => req.end(body.slice(5)), 800);
        }),
    );
    while (written < 40) await sleep(5);
    await sleep(100); // the slow ones' headers have arrived too
    const signalled = app.signal('SIGTERM');
    await waitUntil(() => app.output().includes('SIGTERM: draining'), 5000, 'the drain to start');
    // the listener is closed once the connections the kernel had queued are accepted (Node takes one per event-loop
    // iteration: on a loaded machine that takes seconds; at most half the drain time): a new connection is then refused
    await waitUntil(() => app.output().includes('Stopped accepting connections'), 6000, 'the listener to close');
    await expect(send(app.port, '/health')).rejects.toThrow(/ECONNREFUSED/);

    const answers = await Promise.all(quick);
    if (answers.some((a) => a !== 201)) console.log(`the server said:\n${app.output()}`); // when the drain timing was off
    expect(answers).toEqual(Array(40).fill(201));
    expect(await Promise.all(slow)).toEqual([201, 201, 201]);
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(6000 + 3000);
    const [{ n }] = await setup
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM clients WHERE workspace_id = $1 AND (name LIKE 'drain %' OR name LIKE 'slow %')`,
        [o.workspace.id],
      );
    expect(n).toBe(43);
  });

  it('a keep-alive client keeping the server busy is told Connection: close and the process exits at once, not when the client stops', async () => {
    const app = await spawnApp({ SHUTDOWN_TIMEOUT_MS: '10000' });
    apps.push(app);
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    let signalled = 0;
    let closeSeenAt = 0;
    const errors: string[] = [];
    let answered = 0;
    // two loops, each sending the next request as soon as the previous is answered, until told to close
    const loop = async () => {
      while (!closeSeenAt) {
        try {
          const a = await send(app.port, '/health', { agent });
          answered++;
          if (signalled && a.headers.connection === 'close') closeSeenAt ||= Date.now();
        } catch (e) {
          errors.push((e as Error).message);
          break;
        }
      }
    };
    const loops = [loop(), loop()];
    await waitUntil(() => answered >= 10, 10_000, 'the keep-alive clients to be busy');
    signalled = app.signal('SIGTERM');
    await Promise.all(loops);
    agent.destroy();
    const exit = await app.exited;
    expect(errors).toEqual([]);
    expect(closeSeenAt - signalled).toBeLessThan(2000);
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(5000); // the bound is 10 s; before the fix it exited only when the client stopped
  });

  it('a request still unfinished at SHUTDOWN_TIMEOUT_MS is cut and the process exits on time', async () => {
    const app = await spawnApp({ SHUTDOWN_TIMEOUT_MS: '1500' });
    apps.push(app);
    const path = `/v1/workspaces/${o.workspace.id}/clients`;
    const cut = new Promise<string>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: app.port,
          path,
          method: 'POST',
          agent: false,
          headers: { 'X-Api-Key': o.apiKey, 'Content-Type': 'application/json', 'Content-Length': '1000' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(`answered ${res.statusCode}`));
        },
      );
      req.on('error', (e) => resolve(e.message));
      req.write('{"name":"never finished'); // the rest never comes
    });
    await sleep(300);
    const signalled = app.signal('SIGTERM');
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeGreaterThanOrEqual(1400);
    expect(exit.at - signalled).toBeLessThan(1500 + 3000);
    expect(await cut).toMatch(/socket hang up|ECONNRESET/);
  });
});
