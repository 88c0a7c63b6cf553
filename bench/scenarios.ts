import { BENCH } from './seed';
import { load, Row, sequential } from './measure';

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

/** Each scenario measures one thing through HTTP; names are those of the conventions. */
export const SCENARIOS: Record<string, (ctx: Context) => Promise<Row>> = {
  'create-time-entry': (ctx) =>
    load({
      name: 'create-time-entry',
      url: ctx.baseUrl,
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
    }),

  'list-user-entries': (ctx) =>
    load({
      name: 'list-user-entries',
      url: ctx.baseUrl,
      request: (n) => ({
        path: `/v1/workspaces/${w}/user/${userOf(n)}/time-entries?start=2024-03-01T00:00:00Z&end=2024-04-01T00:00:00Z&hydrated=true&page-size=50`,
        headers: { 'X-Api-Key': key(n) },
      }),
    }),

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
};
