import type { INestApplication } from '@nestjs/common';
import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { resetEnvCache } from '../../src/config/env.validation';
import { createOwner, Owner } from '../factories';
import { startTestApp } from '../utils/test-app';
import { AppProcess, killAll, sleep, spawnApp, waitUntil } from './app-process';
import { send } from './http-client';

interface Delivery {
  path: string;
  id: string;
  name: string;
}

/** A webhook receiver that keeps what arrives and answers after `delayMs`, or never while `hang` is set (the response is held). */
class SlowReceiver {
  readonly deliveries: Delivery[] = [];
  delayMs = 0;
  hang = false;
  private readonly held: { path: string; id: string; res: ServerResponse }[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<SlowReceiver> {
    const holder: { r?: SlowReceiver } = {};
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => holder.r?.receive(req.url ?? '/', req.headers, body, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.r = new SlowReceiver(server);
    return holder.r;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  private receive(path: string, headers: IncomingHttpHeaders, body: string, res: ServerResponse): void {
    if (this.hang) {
      this.held.push({ path, id: String(headers['webhook-id']), res });
      return;
    }
    this.deliveries.push({
      path,
      id: String(headers['webhook-id']),
      name: (JSON.parse(body) as { name: string }).name,
    });
    setTimeout(() => res.writeHead(200).end('ok'), this.delayMs);
  }

  heldAt(path: string): number {
    return this.held.filter((h) => h.path === path).length;
  }

  /** How many sends of one delivery (its `webhook-id`) were held. */
  heldOf(id: string): number {
    return this.held.filter((h) => h.id === id).length;
  }

  at(path: string): Delivery[] {
    return this.deliveries.filter((d) => d.path === path);
  }

  async close(): Promise<void> {
    for (const { res } of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

/** At-least-once webhooks across kill -9, exactly once with two instances, nothing left leased by a clean stop. */
describe('Webhook delivery under operator abuse', () => {
  let setup: INestApplication;
  let o: Owner;
  let receiver: SlowReceiver;
  const apps: AppProcess[] = [];
  const headers = () => ({ 'X-Api-Key': o.apiKey });
  const hook = async (path: string) => {
    const body = JSON.stringify({
      name: path.slice(1, 30),
      url: receiver.url(path),
      webhookEvent: 'NEW_TAG',
      triggerSource: [],
      triggerSourceType: 'WORKSPACE_ID',
    });
    const a = await send(apps[0]?.port ?? 0, `/v1/workspaces/${o.workspace.id}/webhooks`, {
      method: 'POST',
      headers: headers(),
      body,
    });
    expect(a.status).toBe(201);
    return (JSON.parse(a.text) as { id: string }).id;
  };
  /** Tags created through an instance's API, ten at a time: the events to deliver. */
  const createTags = async (prefix: string, n: number, port: number) => {
    for (let i = 0; i < n; i += 10) {
      const batch = Array.from({ length: Math.min(10, n - i) }, (_, j) =>
        send(port, `/v1/workspaces/${o.workspace.id}/tags`, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify({ name: `${prefix} ${i + j}` }),
        }),
      );
      for (const a of await Promise.all(batch)) expect(a.status).toBe(201);
    }
  };
  const names = (path: string) => new Set(receiver.at(path).map((d) => d.name));
  const deliveryRows = (hookId: string) =>
    setup
      .get(DataSource)
      .query<{ id: string; status: string; attempts: number; due: boolean }[]>(
        `SELECT id, status, attempts, next_attempt_at <= now() AS due FROM webhook_deliveries WHERE webhook_id = $1`,
        [hookId],
      );

  beforeAll(async () => {
    process.env.WEBHOOK_WORKER = 'false';
    resetEnvCache();
    setup = (await startTestApp()).app;
    o = await createOwner(setup, 'Hooks');
    receiver = await SlowReceiver.start();
  });
  afterAll(async () => {
    await killAll(apps);
    await receiver.close();
    await setup.close();
  });

  it('kill -9 during delivery loses no event: another instance delivers every one (at least once, after the lease)', async () => {
    apps.push(await spawnApp());
    const doomed = apps[0];
    await hook('/killed');
    receiver.delayMs = 1000; // the first batch is in flight when the instance dies
    await createTags('killed', 30, doomed.port);
    await waitUntil(() => receiver.at('/killed').length >= 3, 20_000, 'the first deliveries');
    doomed.signal('SIGKILL');
    await doomed.exited;
    const beforeRestart = names('/killed').size;
    expect(beforeRestart).toBeLessThan(30);

    receiver.delayMs = 0;
    apps.unshift(await spawnApp()); // apps[0]: the live instance
    // the deliveries the dead instance had claimed come back when their 30 s lease runs out
    await waitUntil(() => names('/killed').size === 30, 60_000, 'every event delivered');
    expect([...names('/killed')].sort()).toEqual(Array.from({ length: 30 }, (_, i) => `killed ${i}`).sort());
  }, 240_000);

  it('two instances delivering: every event exactly once', async () => {
    apps.unshift(await spawnApp());
    const [one, two] = apps;
    await hook('/twins');
    await Promise.all([createTags('twin a', 20, one.port), createTags('twin b', 20, two.port)]);
    await waitUntil(() => receiver.at('/twins').length >= 40, 30_000, '40 deliveries');
    await sleep(1000); // a duplicate would arrive meanwhile
    const perId = new Map<string, number>();
    for (const d of receiver.at('/twins')) perId.set(d.id, (perId.get(d.id) ?? 0) + 1);
    expect(receiver.at('/twins')).toHaveLength(40);
    expect([...perId.values()].every((c) => c === 1)).toBe(true);
    expect(names('/twins').size).toBe(40);
  });

  it('a clean stop (SIGTERM) while sends hang: exits within SHUTDOWN_TIMEOUT_MS and releases what it held, due at once', async () => {
    await killAll(apps); // only the instance under test delivers
    apps.length = 0;
    const app = await spawnApp({ SHUTDOWN_TIMEOUT_MS: '1500' });
    apps.push(app);
    const hookId = await hook('/hang');
    receiver.hang = true;
    await createTags('held', 3, app.port);
    await waitUntil(() => receiver.heldAt('/hang') >= 3, 30_000, 'three sends hanging at the receiver');
    const signalled = app.signal('SIGTERM');
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(1500 + 3000);
    // released: due at once (a lease would keep them 30 s away), the interrupted attempt not counted
    const rows = await deliveryRows(hookId);
    expect(rows.map((r) => ({ status: r.status, due: r.due }))).toEqual(
      Array(3).fill({ status: 'PENDING', due: true }),
    );
    // (per delivery: on a slow machine one of them may have been sent more than once before the signal)
    expect(rows.map((r) => r.attempts)).toEqual(rows.map((r) => receiver.heldOf(r.id) - 1));

    receiver.hang = false;
    apps.push(await spawnApp());
    await waitUntil(() => names('/hang').size === 3, 10_000, 'the released deliveries, well before a lease would end');
  });
});
