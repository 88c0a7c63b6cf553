import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { BENCH } from './seed';
import { Row, round } from './measure';

/**
 * `reprice-workspace` (rates issue): PUT the workspace hourly rate without `since` on the 1M-entry seed, which
 * re-prices every entry in the request's transaction. Three runs alternating two amounts (each run really changes
 * every entry); the row's median is the request's median. Meanwhile 10 clients page `list-user-entries` (the
 * scenario's request) in a loop: its p99 during the re-pricing is printed beside the p99 of the same loop just
 * before (the floor on this machine at this moment), so a lock held on the table would show as a ratio.
 * Between runs (not measured) `VACUUM time_entries` clears the previous run's old row versions, as autovacuum
 * would on a server where rate changes are minutes apart: a HOT update needs that room on the page.
 */
export async function repriceWorkspace(baseUrl: string, databaseUrl: string): Promise<Row> {
  const w = BENCH.workspaceId;
  const owner = BENCH.apiKey(1);
  const current = await fetch(`${baseUrl}/v1/workspaces/${w}`, { headers: { 'X-Api-Key': owner } }).then(
    (r) => r.json() as Promise<{ hourlyRate?: { amount: number } }>,
  );
  const amounts = current.hourlyRate?.amount === 5100 ? [5200, 5100] : [5100, 5200];

  const idle = await listWhile(baseUrl, new Promise((resolve) => setTimeout(resolve, 5000)));
  const runs: number[] = [];
  const during: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await vacuumEntries(databaseUrl);
    const started = process.hrtime.bigint();
    const put = longRequest(baseUrl, 'PUT', `/v1/workspaces/${w}/hourly-rate`, owner, {
      amount: amounts[i % 2],
      currency: 'USD',
    });
    during.push(...(await listWhile(baseUrl, put)));
    const status = await put;
    if (status !== 200) throw new Error(`PUT hourly-rate answered ${status}`);
    runs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const listDuring = percentiles(during);
  const listIdle = percentiles(idle);
  return {
    name: 'reprice-workspace',
    median: Math.round(sorted[1]),
    p99: Math.round(sorted[2]),
    note:
      `1M entries, VACUUM between runs, runs ${runs.map((ms) => (ms / 1000).toFixed(1)).join('/')} s; list-user-entries during it: p99 ${listDuring.p99} ms,` +
      ` median ${listDuring.median} ms, ${during.length} requests (just before: p99 ${listIdle.p99} ms, median ${listIdle.median} ms)`,
  };
}

async function vacuumEntries(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('VACUUM time_entries');
    await db.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await db.end();
  }
}

/** 10 clients listing entries (as `list-user-entries`) until `until` settles; answers the latencies in ms. */
async function listWhile(baseUrl: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true)).catch(() => undefined);
  const samples: number[] = [];
  const workers = Array.from({ length: 10 }, async (_, worker) => {
    for (let n = worker; !done; n += 10) {
      const user = 1 + (n % BENCH.users);
      const started = process.hrtime.bigint();
      const res = await fetch(
        `${baseUrl}/v1/workspaces/${BENCH.workspaceId}/user/${BENCH.userId(user)}/time-entries?start=2024-03-01T00:00:00Z&end=2024-04-01T00:00:00Z&hydrated=true&page-size=50`,
        { headers: { 'X-Api-Key': BENCH.apiKey(user) } },
      );
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`list answered ${res.status}`);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  });
  await Promise.all(workers);
  return samples;
}

/** A request without client-side timeouts (fetch gives up on headers after 300 s; a re-pricing may take longer on a busy machine). */
function longRequest(baseUrl: string, method: string, path: string, apiKey: string, body: unknown): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${baseUrl}${path}`,
      {
        method,
        headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function percentiles(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { median: at(0.5), p99: at(0.99) };
}
