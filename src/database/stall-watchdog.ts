import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { Client, type ClientConfig } from 'pg';

/** The parts of pg's (untyped) protocol connection the watchdog hooks into. */
interface ProtocolConnection extends EventEmitter {
  stream: Socket;
  _send(buffer: Buffer): boolean;
  flush(): void;
}

export interface StallSettings {
  /** Silence from the server, while it owes an answer, after which its liveness is checked (0: never). */
  stallMs: number;
  /** How long the liveness check (a new connection and `SELECT 1`) may take before the server is taken as gone. */
  probeTimeoutMs: number;
}

/** Whether PostgreSQL takes a new connection and answers `SELECT 1` within `timeoutMs`. */
export async function serverAnswers(config: ClientConfig, timeoutMs: number): Promise<boolean> {
  const probe = new Client({ ...config, connectionTimeoutMillis: timeoutMs });
  probe.on('error', () => undefined); // a late error of a probe given up on
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([
      probe
        .connect()
        .then(() => probe.query('SELECT 1'))
        .then(
          () => true,
          () => false,
        ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
    const socket = (probe as unknown as { connection: ProtocolConnection }).connection.stream;
    void probe.end().catch(() => undefined);
    socket.destroy();
  }
}

/**
 * pg's client with a watchdog: a connection to a PostgreSQL that is paused or whose host froze stays open and
 * its query waits for ever (the kernel still acknowledges the bytes). When the server owes an answer and has
 * sent nothing for `stallMs`, the watchdog checks, on a new connection, whether the server still answers; if
 * it does (a slow query) it keeps waiting, otherwise it cuts the connection: the query fails as "Connection
 * terminated", which the exception filter answers 503, and the pool drops the client.
 */
export function watchedClient(settings: StallSettings): typeof Client {
  // One check in flight for the whole pool: when the server freezes, every busy connection stalls at once.
  let probe: Promise<boolean> | undefined;
  const alive = (config: ClientConfig) =>
    (probe ??= serverAnswers(config, settings.probeTimeoutMs).finally(() => (probe = undefined)));
  return class WatchedClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      if (settings.stallMs > 0)
        watch(
          (this as unknown as { connection: ProtocolConnection }).connection,
          typeof config === 'string' ? { connectionString: config } : (config ?? {}),
          settings.stallMs,
          alive,
        );
    }
  };
}

function watch(
  connection: ProtocolConnection,
  config: ClientConfig,
  stallMs: number,
  alive: (config: ClientConfig) => Promise<boolean>,
): void {
  let timer: NodeJS.Timeout | undefined;
  const disarm = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    disarm();
    timer = setTimeout(() => void check(), stallMs);
    timer.unref();
  };
  const check = async () => {
    if (await alive(config)) {
      if (timer) arm(); // still owed (nothing came meanwhile): wait another round
      return;
    }
    if (timer) connection.stream.destroy(new Error('Connection terminated: PostgreSQL stopped answering'));
  };
  // Anything sent makes an answer owed; any byte received restarts the clock; the end of an exchange (ready for
  // the next query, or a cursor's batch done) stops it. Prepended, so that it runs before pg sends the next query.
  const send = connection._send.bind(connection);
  connection._send = (buffer) => {
    if (!timer) arm();
    return send(buffer);
  };
  const flush = connection.flush.bind(connection);
  connection.flush = () => {
    if (!timer) arm();
    flush();
  };
  connection.stream.on('data', () => timer && arm());
  connection.prependListener('readyForQuery', disarm);
  connection.prependListener('portalSuspended', disarm);
  connection.stream.once('close', disarm);
}
