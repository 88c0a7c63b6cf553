import autocannon from 'autocannon';
import { rssMb } from './app-process';

export interface Row {
  name: string;
  median: number;
  p99: number;
  requestsPerSecond?: number;
  rssGrowthMb?: number;
  /** The row's time over its floor's (BASELINE_OF in scenarios.ts; for load rows the floor's req/s over the row's). */
  ratio?: number;
  note?: string;
}

export interface LoadOptions {
  name: string;
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  connections?: number;
  durationSeconds?: number;
  /** Per request: headers and body (varied across users). */
  request: (n: number) => { path: string; headers: Record<string, string>; body?: string };
}

/**
 * The app's CPU per create falls for about 10 s of load (1.42 ms a request in the 8 s after a 3 s warm-up, 1.10-1.15
 * in the 8 s windows after that; the bare floor server is there within a second), so rates are read after 10 s.
 */
const WARM_UP_SECONDS = 10;

/**
 * A load run with autocannon: requests/s and latency percentiles, non-2xx answers counted as failures.
 * A run of the same load comes first, unmeasured (WARM_UP_SECONDS): a freshly started server is still compiling its
 * hot paths and preparing its statements on each pooled connection.
 */
export async function load(options: LoadOptions): Promise<Row> {
  let n = 0;
  const run = (seconds: number) =>
    autocannon({
      url: options.url,
      connections: options.connections ?? 50,
      duration: seconds,
      method: options.method ?? 'GET',
      requests: [
        {
          setupRequest: (req) => {
            const r = options.request(n++);
            return { ...req, path: r.path, headers: { ...req.headers, ...r.headers }, body: r.body };
          },
        },
      ],
    });
  await run(WARM_UP_SECONDS);
  const result = await run(options.durationSeconds ?? 10);
  const failures = result.non2xx + result.errors + result.timeouts;
  return {
    name: options.name,
    median: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: Math.round(result.requests.average),
    ...(failures ? { note: `${failures} of ${result.requests.total} requests failed` } : {}),
  };
}

/** Latencies of sequential calls (for endpoints measured one at a time), after three untimed warm-up calls. */
export async function sequential(name: string, times: number, call: () => Promise<void>): Promise<Row> {
  for (let i = 0; i < 3; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = process.hrtime.bigint();
    await call();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { name, median: round(at(0.5)), p99: round(at(0.99)) };
}

/**
 * Runs `measure` while sampling the RSS of process `pid` every 20 ms; the row gets the peak growth over the
 * RSS before it (what one answer costs the server in memory).
 */
export async function withRssGrowth(pid: number, measure: () => Promise<Row>): Promise<Row> {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  try {
    const row = await measure();
    peak = Math.max(peak, rssMb(pid));
    return { ...row, rssGrowthMb: Math.round((peak - before) * 10) / 10 };
  } finally {
    clearInterval(sampler);
  }
}

/** Sets `ratio` on every row whose floor (`baselineOf[name]`) was measured in the same run. */
export function addRatios(rows: Row[], baselineOf: Record<string, string>): void {
  for (const row of rows) {
    const floor = rows.find((r) => r.name === baselineOf[row.name]);
    if (!floor) continue;
    const ratio =
      row.requestsPerSecond && floor.requestsPerSecond
        ? floor.requestsPerSecond / row.requestsPerSecond
        : row.median / floor.median;
    row.ratio = Math.round(ratio * 100) / 100;
  }
}

/**
 * Rounds of the same rows (`--repeat`): per row, its run at the median of the rounds (by ratio where it has one,
 * else by req/s or median time; with an even count the worse of the two middle ones), every round's figure in the
 * note. A floor and its row are picked separately, so read the row's ratio, not the two rows side by side.
 */
export function medianRows(rounds: Row[][]): Row[] {
  return rounds[0].map((_, i) => {
    const runs = rounds.map((r) => r[i]);
    const cost = (r: Row) => r.ratio ?? (r.requestsPerSecond ? -r.requestsPerSecond : r.median);
    const middle = [...runs].sort((a, b) => cost(a) - cost(b))[Math.floor(runs.length / 2)];
    const figure = (r: Row) =>
      r.ratio !== undefined ? `${r.ratio}x` : r.requestsPerSecond ? `${r.requestsPerSecond} req/s` : `${r.median} ms`;
    return { ...middle, note: [middle.note, `rounds: ${runs.map(figure).join(', ')}`].filter(Boolean).join('; ') };
  });
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export function printTable(rows: Row[]): void {
  const header = ['benchmark', 'median ms', 'p99 ms', 'req/s', 'ratio', 'RSS growth MB', 'note'];
  const lines = rows.map((r) => [
    r.name,
    String(r.median),
    String(r.p99),
    r.requestsPerSecond?.toString() ?? '',
    r.ratio === undefined ? '' : `${r.ratio}x`,
    r.rssGrowthMb?.toString() ?? '',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}
