import { BENCH } from './seed';
import { rssMb, withBaseline } from './app-process';
import { load, Row, sequential } from './measure';
import { benchProjectIds, REPORT_BODIES } from './report-explain';

export interface Context {
  baseUrl: string;
  appPid: number;
}

const w = BENCH.workspaceId;
const key = (n: number) => BENCH.apiKey(1 + (n % BENCH.users));
const userOf = (n: number) => BENCH.userId(1 + (n % BENCH.users));
const projectId = (n: number) => hexLabel(`bench-project-${1 + (n % BENCH.projects)}`);
const tagId = (n: number) => hexLabel(`bench-tag-${1 + (n % BENCH.tags)}`);

function hexLabel(label: string): string {
  return require('node:crypto').createHash('md5').update(label).digest('hex').slice(0, 24) as string;
}

async function call(ctx: Context, method: string, path: string, apiKey: string, body?: unknown): Promise<Response> {
  return fetch(`${ctx.baseUrl}${path}`, {
    method,
    headers: { 'X-Api-Key': apiKey, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** POST time-entries with one tag, 50 connections, 10 s. */
function createLoad(name: string, url: string): Promise<Row> {
  return load({
    name,
    url,
    method: 'POST',
    request: (n) => {
      const start = new Date(Date.UTC(2025, 1, 1) + n * 60_000);
      return {
        path: `/v1/workspaces/${w}/time-entries`,
        headers: { 'X-Api-Key': key(n), 'Content-Type': 'application/json' },
        body: JSON.stringify({
          start: start.toISOString(),
          end: new Date(start.getTime() + 30 * 60_000).toISOString(),
          projectId: projectId(n),
          tagIds: [tagId(n)],
          description: 'bench',
        }),
      };
    },
  });
}

/** One user's hydrated page of 50 in one month, with the total headers, 50 connections, 10 s. */
function listLoad(name: string, url: string): Promise<Row> {
  return load({
    name,
    url,
    request: (n) => ({
      path: `/v1/workspaces/${w}/user/${userOf(n)}/time-entries?start=2024-03-01T00:00:00Z&end=2024-04-01T00:00:00Z&hydrated=true&page-size=50`,
      headers: { 'X-Api-Key': key(n) },
    }),
  });
}

/** Each scenario measures one thing through HTTP; names are those of the conventions. */
export const SCENARIOS: Record<string, (ctx: Context) => Promise<Row>> = {
  'create-time-entry': (ctx) => createLoad('create-time-entry', ctx.baseUrl),
  'list-user-entries': (ctx) => listLoad('list-user-entries', ctx.baseUrl),
  // The same loads on a bare node:http server with hand-written SQL: what this machine allows.
  'baseline-create': () => withBaseline((url) => createLoad('baseline-create', url)),
  'baseline-list': () => withBaseline((url) => listLoad('baseline-list', url)),

  'timer-start-stop': async (ctx) => {
    // Users 11..50 have no running timer in the seed; each pair starts then stops one.
    let pair = 0;
    const seconds = 10;
    const until = Date.now() + seconds * 1000;
    const workers = Array.from({ length: 10 }, async (_, worker) => {
      const n = 10 + worker; // bench user 11+worker (0-based n -> user n+1)
      const samples: number[] = [];
      while (Date.now() < until) {
        const started = process.hrtime.bigint();
        const start = await call(ctx, 'POST', `/v1/workspaces/${w}/time-entries`, key(n), { start: new Date().toISOString(), projectId: projectId(n) });
        const stop = await call(ctx, 'PATCH', `/v1/workspaces/${w}/user/${userOf(n)}/time-entries`, key(n), { end: new Date(Date.now() + 1000).toISOString() });
        if (start.status !== 201 || stop.status !== 200) throw new Error(`timer pair answered ${start.status}/${stop.status}`);
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
        pair++;
      }
      return samples;
    });
    const samples = (await Promise.all(workers)).flat().sort((a, b) => a - b);
    const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] * 100) / 100;
    return { name: 'timer-start-stop', median: at(0.5), p99: at(0.99), requestsPerSecond: Math.round(pair / seconds), note: 'pairs per second (start + stop), 10 users' };
  },

  'workspace-get': (ctx) => sequential('workspace-get', 200, async () => {
    const res = await call(ctx, 'GET', `/v1/workspaces/${w}`, key(0));
    if (!res.ok) throw new Error(`GET workspace answered ${res.status}`);
    await res.arrayBuffer();
  }),
  // Reports: weekly and the streamed CSV export (reports issue, weekly/export part).
  weekly: (ctx) =>
    sequential('weekly', 100, async () => {
      const res = await call(ctx, 'POST', `/v1/workspaces/${w}/reports/weekly`, BENCH.apiKey(1), {
        dateRangeStart: '2024-03-10T00:00:00', dateRangeEnd: '2024-03-16T23:59:59', timeZone: 'America/New_York', weekStart: 'SUNDAY',
        weeklyFilter: { group: 'USER' },
      });
      if (res.status !== 200) throw new Error(`weekly answered ${res.status}`);
      await res.arrayBuffer();
    }),

  'csv-100k': async (ctx) => {
    // 1M entries over 730 days: 73 days hold about 100,000 entries.
    const body = {
      dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd: '2024-03-13T23:59:59Z', timeZone: 'UTC', sortOrder: 'ASCENDING',
      exportType: 'CSV', detailedFilter: { page: 1, pageSize: 50 },
    };
    const runs: { ms: number; growth: number; rows: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const before = rssMb(ctx.appPid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(ctx.appPid))), 20);
      const started = process.hrtime.bigint();
      const res = await call(ctx, 'POST', `/v1/workspaces/${w}/reports/detailed`, BENCH.apiKey(1), body);
      if (res.status !== 200 || !res.body) throw new Error(`CSV export answered ${res.status}`);
      let rows = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        for (const byte of chunk) if (byte === 10) rows++;
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      clearInterval(sampler);
      peak = Math.max(peak, rssMb(ctx.appPid));
      runs.push({ ms, growth: peak - before, rows: rows - 1 });
    }
    runs.sort((x, y) => x.ms - y.ms);
    const median = runs[1];
    return {
      name: 'csv-100k',
      median: Math.round(median.ms),
      p99: Math.round(runs[2].ms),
      rssGrowthMb: Math.round(Math.max(...runs.map((r) => r.growth)) * 10) / 10,
      note: `${median.rows} rows, 3 runs`,
    };
  },
  // Reports (reports issue): owner's key, through HTTP, bodies shared with `--explain`.
  'summary-year': (ctx) => sequential('summary-year', 10, () => report(ctx, 'summary', REPORT_BODIES.summaryYear)),
  'summary-month': (ctx) => sequential('summary-month', 30, () => report(ctx, 'summary', REPORT_BODIES.summaryMonth)),
  'detailed-page': (ctx) => sequential('detailed-page', 200, () => report(ctx, 'detailed', REPORT_BODIES.detailedPage(benchProjectIds(hexLabel)))),
};

async function report(ctx: Context, kind: string, body: unknown): Promise<void> {
  const res = await call(ctx, 'POST', `/v1/workspaces/${w}/reports/${kind}`, BENCH.apiKey(1), body);
  if (res.status !== 200) throw new Error(`POST reports/${kind} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}


// Exported documents (documents issue): the 100,000-row XLSX and the 10,000-row detailed PDF (the PDF's cap), with the
// app's RSS growth while they stream, as csv-100k measures it.
SCENARIOS['xlsx-100k'] = (ctx) => documentExport(ctx, 'xlsx-100k', 'XLSX', '2024-03-13T23:59:59Z');
SCENARIOS['pdf-10k'] = (ctx) => documentExport(ctx, 'pdf-10k', 'PDF', '2024-01-09T23:59:59Z');

async function documentExport(ctx: Context, name: string, exportType: 'XLSX' | 'PDF', dateRangeEnd: string): Promise<Row> {
  const body = { dateRangeStart: '2024-01-01T00:00:00Z', dateRangeEnd, timeZone: 'UTC', sortOrder: 'ASCENDING', exportType, detailedFilter: { page: 1, pageSize: 50 } };
  const runs: { ms: number; growth: number; bytes: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const before = rssMb(ctx.appPid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(ctx.appPid))), 20);
    const started = process.hrtime.bigint();
    const res = await call(ctx, 'POST', `/v1/workspaces/${w}/reports/detailed`, BENCH.apiKey(1), body);
    if (res.status !== 200 || !res.body) throw new Error(`${exportType} export answered ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(ctx.appPid));
    runs.push({ ms, growth: peak - before, bytes });
  }
  runs.sort((x, y) => x.ms - y.ms);
  return {
    name,
    median: Math.round(runs[1].ms),
    p99: Math.round(runs[2].ms),
    rssGrowthMb: Math.round(Math.max(...runs.map((r) => r.growth)) * 10) / 10,
    note: `${(runs[1].bytes / 1e6).toFixed(1)} MB, 3 runs`,
  };
}
