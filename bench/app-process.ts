import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../src/database/embedded/free-port';
import { join } from 'node:path';

export interface RunningApp {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts the built server (dist/) on DATABASE_URL (or BENCH_APP_DATABASE_URL, e.g. a pooler in front of it) and waits for /health. */
export async function startBuiltApp(databaseUrl: string): Promise<RunningApp> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'main.js')], {
    // The limiter stays on (its upsert is part of every request's cost) but must not cap a load run.
    env: {
      RATE_LIMIT_PER_SECOND: '1000000',
      ...process.env,
      DATABASE_URL: process.env.BENCH_APP_DATABASE_URL || databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} during start-up`);
    const ok = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error('the app did not answer /health within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs `work` against the bare node:http baseline (baseline-server.ts) on DATABASE_URL, then stops it. */
export async function withBaseline<T>(work: (baseUrl: string) => Promise<T>): Promise<T> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'baseline-server.ts')],
    {
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the baseline server exited with ${code}`)));
  });
  try {
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  try {
    const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string;
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}
