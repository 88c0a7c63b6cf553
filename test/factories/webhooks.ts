import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 (port 0) for webhook deliveries. Each path
 * answers the statuses planned for it in turn (then 200); every request is kept.
 */
export class Receiver {
  readonly hits: Hit[] = [];
  private readonly plans = new Map<string, number[]>();
  private readonly heldPaths = new Set<string>();
  private readonly held: ServerResponse[] = [];
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<Receiver> {
    const holder: { receiver?: Receiver } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        holder.receiver?.hits.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (holder.receiver?.heldPaths.has(path)) return void holder.receiver.held.push(res);
        const status = holder.receiver?.plans.get(path)?.shift() ?? 200;
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ received: true, status }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.receiver = new Receiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.receiver;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /** The next responses of `path`, e.g. [500, 500] then 200s. */
  plan(path: string, statuses: number[]): void {
    this.plans.set(path, [...statuses]);
  }

  /** Requests on `path` get no answer until `answerHeld` (a receiver that hangs). */
  hold(path: string): void {
    this.heldPaths.add(path);
  }

  /** Answers 200 to every held request and stops holding. */
  answerHeld(): void {
    this.heldPaths.clear();
    for (const res of this.held.splice(0)) res.writeHead(200).end('{}');
  }

  at(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  /** Waits until `path` has received at least `count` requests. */
  async waitFor(path: string, count = 1, timeoutMs = 15000): Promise<Hit[]> {
    await waitUntil(() => this.at(path).length >= count, timeoutMs, `${count} request(s) on ${path}`);
    return this.at(path);
  }

  close(): Promise<void> {
    for (const res of this.held.splice(0)) res.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
