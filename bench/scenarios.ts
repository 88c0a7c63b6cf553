import { BENCH, type BenchSet } from './seed';
import { rssMb, withBaseline } from './app-process';
import { firstDifference, openFloor } from './baseline-reports';
import { load, Row, sequential, withRssGrowth } from './measure';
import { benchProjectIds, REPORT_BODIES } from './report-explain';
import { repriceWorkspace } from './reprice';

export interface Context {
  baseUrl: string;
  appPid: number;
  /** The bench database (the floor rows read it in the bench process). */
  databaseUrl: string;
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
function listLoad(name: string, url: string, set: BenchSet = BENCH): Promise<Row> {
  return load({
    name,
    url,
    request: (n) => ({
      path: `/v1/workspaces/${set.workspaceId}/user/${set.userId(1 + (n % set.users))}/time-entries?start=2024-03-01T00:00:00Z&end=2024-04-01T00:00:00Z&hydrated=true&page-size=50`,
      headers: { 'X-Api-Key': set.apiKey(1 + (n % set.users)) },
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
        const start = await call(ctx, 'POST', `/v1/workspaces/${w}/time-entries`, key(n), {
          start: new Date().toISOString(),
          projectId: projectId(n),
        });
        const stop = await call(ctx, 'PATCH', `/v1/workspaces/${w}/user/${userOf(n)}/time-entries`, key(n), {
          end: new Date(Date.now() + 1000).toISOString(),
        });
        if (start.status !== 201 || stop.status !== 200)
          throw new Error(`timer pair answered ${start.status}/${stop.status}`);
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
        pair++;
      }
      return samples;
    });
    const samples = (await Promise.all(workers)).flat().sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] * 100) / 100;
    return {
      name: 'timer-start-stop',
      median: at(0.5),
      p99: at(0.99),
      requestsPerSecond: Math.round(pair / seconds),
      note: 'pairs per second (start + stop), 10 users',
    };
  },

  'workspace-get': (ctx) =>
    sequential('workspace-get', 200, async () => {
      const res = await call(ctx, 'GET', `/v1/workspaces/${w}`, key(0));
      if (!res.ok) throw new Error(`GET workspace answered ${res.status}`);
      await res.arrayBuffer();
    }),
  // Reports: weekly and the streamed CSV export (reports issue, weekly/export part).
  weekly: (ctx) => sequential('weekly', 100, () => report(ctx, 'weekly', REPORT_BODIES.weekly)),

  // 1M entries over 730 days: 73 days hold about 100,000 entries, 7.3 days about 10,000.
  'csv-100k': (ctx) => exportRun(ctx, 'csv-100k', 'CSV', '2024-03-13T23:59:59Z'),
  // Reports (reports issue): owner's key, through HTTP, bodies shared with `--explain`.
  'summary-year': (ctx) =>
    withRssGrowth(ctx.appPid, () =>
      sequential('summary-year', 10, () => report(ctx, 'summary', REPORT_BODIES.summaryYear)),
    ),
  'summary-month': (ctx) => sequential('summary-month', 30, () => report(ctx, 'summary', REPORT_BODIES.summaryMonth)),
  'detailed-page': (ctx) =>
    sequential('detailed-page', 200, () =>
      report(ctx, 'detailed', REPORT_BODIES.detailedPage(benchProjectIds(hexLabel))),
    ),
  // Rates issue: the workspace hourly rate changed without since re-prices all 1M entries (see bench/reprice.ts).
  'reprice-workspace': (ctx) => repriceWorkspace(ctx.baseUrl, ctx.databaseUrl),

  // The floors of the report rows (baseline-reports.ts): the same answers computed in this process, no HTTP.
  'baseline-summary-year': (ctx) =>
    floorRow(ctx, 'baseline-summary-year', 10, 'summary', REPORT_BODIES.summaryYear, (f) =>
      f.summary(rangeOf(REPORT_BODIES.summaryYear)),
    ),
  'baseline-summary-month': (ctx) =>
    floorRow(ctx, 'baseline-summary-month', 30, 'summary', REPORT_BODIES.summaryMonth, (f) =>
      f.summary(rangeOf(REPORT_BODIES.summaryMonth)),
    ),
  'baseline-weekly': (ctx) =>
    floorRow(ctx, 'baseline-weekly', 100, 'weekly', REPORT_BODIES.weekly, (f) =>
      f.weekly(REPORT_BODIES.weekly.dateRangeStart.slice(0, 10), REPORT_BODIES.weekly.timeZone),
    ),
  'baseline-detailed-page': (ctx) => {
    const body = REPORT_BODIES.detailedPage(benchProjectIds(hexLabel));
    return floorRow(ctx, 'baseline-detailed-page', 200, 'detailed', body, (f) =>
      f.detailedPage(body.projects.ids, rangeOf(body)),
    );
  },

  attendance: (ctx) => sequential('attendance', 50, () => report(ctx, 'attendance', REPORT_BODIES.attendance)),
  'xlsx-100k': (ctx) => exportRun(ctx, 'xlsx-100k', 'XLSX', '2024-03-13T23:59:59Z'),
  'pdf-10k': (ctx) => exportRun(ctx, 'pdf-10k', 'PDF', '2024-01-08T07:11:59Z'),
};

/** The floor of each row that has one: the ratio printed is the row's time over its floor's (req/s: floor's over the row's). */
export const BASELINE_OF: Record<string, string> = {
  'create-time-entry': 'baseline-create',
  'list-user-entries': 'baseline-list',
  'summary-year': 'baseline-summary-year',
  'summary-month': 'baseline-summary-month',
  weekly: 'baseline-weekly',
  'detailed-page': 'baseline-detailed-page',
};

async function report(ctx: Context, kind: string, body: unknown, set: BenchSet = BENCH): Promise<void> {
  const res = await call(ctx, 'POST', `/v1/workspaces/${set.workspaceId}/reports/${kind}`, set.apiKey(1), body);
  if (res.status !== 200) throw new Error(`POST reports/${kind} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

const rangeOf = (body: { dateRangeStart: string; dateRangeEnd: string }) => ({
  start: body.dateRangeStart,
  end: body.dateRangeEnd,
});

/**
 * A floor row: `times` sequential computations in this process; then, unmeasured, the app's answer to the same
 * body is compared with the floor's (the note says whether they are the same JSON, so the ratio compares the same work).
 */
async function floorRow(
  ctx: Context,
  name: string,
  times: number,
  kind: string,
  body: unknown,
  compute: (f: Awaited<ReturnType<typeof openFloor>>) => Promise<string>,
): Promise<Row> {
  const floor = await openFloor(ctx.databaseUrl, BENCH);
  try {
    let answer = '';
    const row = await sequential(name, times, async () => {
      answer = await compute(floor);
    });
    const res = await call(ctx, 'POST', `/v1/workspaces/${w}/reports/${kind}`, BENCH.apiKey(1), body);
    const diff =
      res.status === 200 ? firstDifference(JSON.parse(answer), await res.json()) : `the app answered ${res.status}`;
    return { ...row, note: diff ? `NOT the app's answer: ${diff}` : "same JSON as the app's" };
  } finally {
    await floor.close();
  }
}

/**
 * A detailed-report export (every entry from 2024-01-01 to `end`, ascending) in `format`, 3 runs: time to the last
 * byte and the server's RSS growth (peak during the run over the RSS before it, sampled every 20 ms).
 */
async function exportRun(ctx: Context, name: string, format: 'CSV' | 'XLSX' | 'PDF', end: string): Promise<Row> {
  const body = {
    dateRangeStart: '2024-01-01T00:00:00Z',
    dateRangeEnd: end,
    timeZone: 'UTC',
    sortOrder: 'ASCENDING',
    exportType: format,
    detailedFilter: { page: 1, pageSize: 50 },
  };
  const runs: { ms: number; growth: number; lines: number; bytes: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const before = rssMb(ctx.appPid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(ctx.appPid))), 20);
    const started = process.hrtime.bigint();
    const res = await call(ctx, 'POST', `/v1/workspaces/${w}/reports/detailed`, BENCH.apiKey(1), body);
    if (res.status !== 200 || !res.body) throw new Error(`${format} export answered ${res.status}`);
    let lines = 0;
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(ctx.appPid));
    runs.push({ ms, growth: peak - before, lines: lines - 1, bytes });
  }
  runs.sort((x, y) => x.ms - y.ms);
  const median = runs[1];
  return {
    name,
    median: Math.round(median.ms),
    p99: Math.round(runs[2].ms),
    rssGrowthMb: Math.round(Math.max(...runs.map((r) => r.growth)) * 10) / 10,
    note: `${format === 'CSV' ? `${median.lines} rows, ` : ''}${(median.bytes / 1e6).toFixed(1)} MB, 3 runs`,
  };
}

/**
 * `--scale`: the rows whose cost should follow the entries a report reads (summary-year, weekly) or stay flat
 * (detailed-page, list-user-entries), on one workspace of SCALE_SETS.
 */
export async function scaleRows(ctx: Context, set: BenchSet): Promise<Row[]> {
  const label = (row: string) => `${row} @${set.entries >= 1e6 ? `${set.entries / 1e6}M` : `${set.entries / 1000}k`}`;
  const projects = [1, 2, 3, 4, 5].map((n) => set.idOf('project', n));
  return [
    await sequential(label('summary-year'), 10, () => report(ctx, 'summary', REPORT_BODIES.summaryYear, set)),
    await sequential(label('detailed-page'), 200, () =>
      report(ctx, 'detailed', REPORT_BODIES.detailedPage(projects), set),
    ),
    await sequential(label('weekly'), 100, () => report(ctx, 'weekly', REPORT_BODIES.weekly, set)),
    await listLoad(label('list-user-entries'), ctx.baseUrl, set),
  ];
}
