import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';

/**
 * The ceiling of this machine for the two time-entry benchmarks: a bare
 * node:http server with hand-written SQL doing the same work as the app
 * (API-key check with the membership, project/tag checks, the rate in force,
 * the entry with its tag and its outbox row; a hydrated page with its total),
 * with no framework, validation library, logging or rate limiting. Run by
 * `npm run bench` as the `baseline-*` rows, so the app's figures can be read
 * against what the machine allows (the issue asks for at most 1.5x).
 * Not part of the product.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 8) });

const AUTH = `SELECT k.user_id FROM api_keys k JOIN users u ON u.id = k.user_id
  JOIN workspace_members m ON m.workspace_id = $2 AND m.user_id = k.user_id AND m.status = 'ACTIVE'
 WHERE k.key_hash = $1 AND k.revoked_at IS NULL`;

const CREATE = `WITH p AS (SELECT id, billable FROM projects WHERE workspace_id = $1 AND id = $3),
  rate AS (SELECT (SELECT r.amount FROM rates r
      WHERE r.workspace_id = $1 AND r.kind = 'HOURLY' AND r.since <= $5 AND r.task_id IS NULL
        AND (r.project_id IS NULL OR r.project_id = $3) AND (r.user_id IS NULL OR r.user_id = $2)
      ORDER BY r.project_id IS NULL, r.user_id IS NULL, r.since DESC LIMIT 1) AS amount),
  e AS (INSERT INTO time_entries (id, workspace_id, user_id, project_id, description, start_at, end_at, billable, hourly_rate, currency)
        SELECT $8, $1, $2, p.id, $4, $5, $6, p.billable, rate.amount, 'USD' FROM p, rate
         WHERE (SELECT count(*) FROM tags g WHERE g.workspace_id = $1 AND g.id = ANY($7::char(24)[])) = cardinality($7::char(24)[])
        RETURNING *),
  t AS (INSERT INTO time_entry_tags (workspace_id, time_entry_id, tag_id) SELECT $1, e.id, unnest($7::char(24)[]) FROM e),
  o AS (INSERT INTO outbox (workspace_id, entity_type, entity_id, event, payload) SELECT $1, 'TIME_ENTRY', e.id, 'NEW_TIME_ENTRY', to_jsonb(e) FROM e)
SELECT id, description, user_id, project_id, start_at, end_at, duration, billable, hourly_rate FROM e`;

const PAGE = `SELECT te.id, te.description, te.start_at, te.end_at, te.duration, te.billable, te.hourly_rate,
       json_build_object('id', p.id, 'name', p.name, 'color', p.color) AS project,
       CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS task,
       (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name)), '[]') FROM time_entry_tags x JOIN tags g ON g.id = x.tag_id WHERE x.time_entry_id = te.id) AS tags
  FROM time_entries te LEFT JOIN projects p ON p.id = te.project_id LEFT JOIN tasks t ON t.id = te.task_id
 WHERE te.workspace_id = $1 AND te.user_id = $2 AND te.start_at >= $3 AND te.start_at <= $4
 ORDER BY te.start_at DESC, te.id DESC LIMIT $5`;
const COUNT = `SELECT count(*)::int AS n FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND start_at >= $3 AND start_at <= $4`;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const parts = url.pathname.split('/'); // '', 'v1', 'workspaces', ws, ...
  const workspaceId = parts[3];
  const key = req.headers['x-api-key'];
  if (typeof key !== 'string') return send(res, 401, { message: 'no key' });
  const auth = await pool.query<{ user_id: string }>(AUTH, [
    createHash('sha256').update(key).digest('hex'),
    workspaceId,
  ]);
  if (!auth.rows.length) return send(res, 401, { message: 'bad key' });
  const userId = auth.rows[0].user_id;

  if (req.method === 'POST' && parts[4] === 'time-entries') {
    const body = await readJson(req);
    const start = new Date(String(body.start));
    const end = new Date(String(body.end));
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start)
      return send(res, 400, { message: 'bad interval' });
    const id = randomBytes(12).toString('hex');
    const created = await pool.query(CREATE, [
      workspaceId,
      userId,
      body.projectId,
      String(body.description ?? ''),
      start,
      end,
      body.tagIds ?? [],
      id,
    ]);
    if (!created.rows.length) return send(res, 404, { message: 'project or tag not found' });
    const e = created.rows[0] as Record<string, unknown>;
    return send(res, 201, {
      id: e.id,
      description: e.description,
      userId: e.user_id,
      projectId: e.project_id,
      billable: e.billable,
      timeInterval: { start: e.start_at, end: e.end_at, duration: `PT${String(e.duration)}S` },
      hourlyRate: { amount: e.hourly_rate, currency: 'USD' },
      tagIds: body.tagIds ?? [],
      workspaceId,
    });
  }
  if (req.method === 'GET' && parts[4] === 'user' && parts[6] === 'time-entries') {
    if (parts[5] !== userId) return send(res, 403, { message: 'not yours' });
    const pageSize = Number(url.searchParams.get('page-size') ?? 50);
    const range = [
      workspaceId,
      userId,
      new Date(url.searchParams.get('start') ?? 0),
      new Date(url.searchParams.get('end') ?? Date.now()),
    ];
    const [page, count] = await Promise.all([
      pool.query(PAGE, [...range, pageSize]),
      pool.query<{ n: number }>(COUNT, range),
    ]);
    return send(res, 200, page.rows, {
      'Last-Page': String(count.rows[0].n <= pageSize),
      'X-Total-Count': String(count.rows[0].n),
    });
  }
  send(res, 404, { message: 'not found' });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) =>
    send(res, 500, { message: error instanceof Error ? error.message : String(error) }),
  );
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
