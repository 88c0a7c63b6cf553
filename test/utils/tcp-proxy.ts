import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can make sick: `pause` stops
 * forwarding in both directions (a frozen server: sockets stay open, nothing
 * answers), `terminate` cuts every open connection, `refuse` also stops
 * listening (connection refused). `heal` goes back to forwarding.
 */
export class TcpProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private paused = false;
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = createServer((client) => this.accept(client));
  }

  /** A proxy to the host and port of `databaseUrl`; `url` is the same URL through the proxy. */
  static async start(databaseUrl: string): Promise<TcpProxy & { url: string }> {
    const target = new URL(databaseUrl);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.listen();
    const through = new URL(databaseUrl);
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    return Object.assign(proxy, { url: through.toString() });
  }

  private listen(port = 0): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private accept(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => this.sockets.delete(s));
    }
    const forward = (from: Socket, to: Socket) => from.on('data', (chunk) => !this.paused && to.write(chunk));
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** Nothing is forwarded any more (bytes are dropped); new connections are accepted and left silent. */
  pause(): void {
    this.paused = true;
  }

  terminate(): void {
    for (const s of this.sockets) s.destroy();
  }

  /** Cuts every connection and stops listening. */
  async refuse(): Promise<void> {
    this.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Forwards again (listening again on the same port after `refuse`); connections that lost bytes while paused are cut. */
  async heal(): Promise<void> {
    if (this.paused) this.terminate();
    this.paused = false;
    if (!this.server.listening) await this.listen(this.port);
  }

  async stop(): Promise<void> {
    this.terminate();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
