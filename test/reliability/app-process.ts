import { ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded/free-port';

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/** The built server (`node dist/src/main.js`) as a child process on a free port, on the suite's database. */
export interface AppProcess {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  exited: Promise<Exit>;
  output(): string;
  /** Sends the signal and returns when it was sent. */
  signal(signal: NodeJS.Signals): number;
}

export function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

export async function spawnApp(env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    // (the suite's own in-process app runs with WEBHOOK_WORKER=false: the spawned servers deliver unless told otherwise)
    env: {
      ...process.env,
      PORT: String(port),
      WEBHOOK_WORKER: 'true',
      WEBHOOK_POLL_MS: '50',
      WEBHOOK_RETRY_BASE_MS: '100',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const until = Date.now() + 120_000; // a start takes ~2 s, far more on a loaded CI machine
  while ((await healthStatus(port)) !== 200) {
    if (gone || Date.now() > until) {
      child.kill('SIGKILL'); // never left running behind a failed test
      throw new Error(`the app did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => output,
    signal: (signal) => {
      child.kill(signal);
      return Date.now();
    },
  };
}

/** Kills what is still running (afterAll), never waiting long. */
export async function killAll(apps: AppProcess[]): Promise<void> {
  await Promise.all(
    apps.map(async (a) => {
      if (a.child.exitCode !== null || a.child.signalCode !== null) return;
      a.child.kill('SIGKILL');
      await a.exited;
    }),
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}
