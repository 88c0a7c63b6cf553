import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { defaultWorkspaceSettings } from '../src/modules/workspaces/workspace-settings';

/**
 * The benchmark workspace: 50 users, 20 clients, 200 projects, 2,000 tasks,
 * 30 tags and 1,000,000 time entries spread evenly over 2023-01-01..2024-12-31
 * (about 5 % without project, 20 % of the rest without task, 30 % billable,
 * durations 5 min to 4 h, 0-3 tags averaging 1, ten running timers), written
 * in start order as a real table fills. Set-based SQL only: minutes, not hours.
 * Ids are deterministic (md5 of a label) so a re-run finds the same rows.
 */
export const BENCH = {
  workspaceId: hexId('bench-workspace'),
  users: 50,
  clients: 20,
  projects: 200,
  tasks: 2000,
  tags: 30,
  entries: 1_000_000,
  runningTimers: 10,
  /** The API key of bench user n (1-based): `bench-key-n`. */
  apiKey: (n: number) => `bench-key-${n}`,
  userId: (n: number) => hexId(`bench-user-${n}`),
};

/** The same as SQL's `left(md5(label), 24)`. */
function hexId(label: string): string {
  return createHash('md5').update(label).digest('hex').slice(0, 24);
}

export async function isSeeded(db: Client): Promise<boolean> {
  const rows = await db.query(
    `SELECT count(*)::int AS n FROM time_entries WHERE workspace_id = $1`,
    [BENCH.workspaceId],
  ).catch(() => ({ rows: [{ n: 0 }] }));
  return rows.rows[0].n >= BENCH.entries;
}

/**
 * Removes what earlier runs' load rows wrote (entries after the seed's range, with their tags, and the
 * workspace's outbox rows), so repeated runs measure the same 1M-entry workspace instead of a growing one.
 */
export async function removeBenchWrites(db: Client): Promise<void> {
  await db.query(`DELETE FROM time_entries WHERE workspace_id = $1 AND start_at >= '2025-01-02'`, [BENCH.workspaceId]);
  await db.query('DELETE FROM outbox WHERE workspace_id = $1', [BENCH.workspaceId]);
}

export async function dropSeed(db: Client): Promise<void> {
  // Entries reference projects, tasks and tags without cascading: remove them first.
  for (const table of ['time_entry_tags', 'time_entry_custom_fields', 'time_entries']) {
    await db.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [BENCH.workspaceId]);
  }
  await db.query('DELETE FROM workspaces WHERE id = $1', [BENCH.workspaceId]);
  await db.query(`DELETE FROM users WHERE email LIKE 'bench-user-%@bench.example'`);
}

const step = async (db: Client, label: string, sql: string, params: unknown[] = []) => {
  const started = Date.now();
  await db.query(sql, params);
  console.log(`  seed: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

export async function seed(db: Client): Promise<void> {
  const w = BENCH.workspaceId;
  await dropSeed(db);
  await db.query('SELECT setseed(0.42)');
  await step(db, `${BENCH.users} users with API keys`, `
    INSERT INTO users (id, email, name, settings)
    SELECT left(md5('bench-user-' || n), 24), 'bench-user-' || n || '@bench.example', 'Bench User ' || n,
           '{"timeZone":"UTC","weekStart":"MONDAY","timeFormat":"HOUR24","dateFormat":"YYYY-MM-DD"}'::jsonb
      FROM generate_series(1, ${BENCH.users}) n;
    INSERT INTO workspaces (id, name, owner_id, settings)
    VALUES ($1, 'Benchmark workspace', left(md5('bench-user-1'), 24), '${sqlText(JSON.stringify(defaultWorkspaceSettings()))}'::jsonb);
    INSERT INTO workspace_members (workspace_id, user_id, status)
    SELECT $1, left(md5('bench-user-' || n), 24), 'ACTIVE' FROM generate_series(1, ${BENCH.users}) n;
    INSERT INTO member_roles (id, workspace_id, user_id, role, entity_id)
    VALUES (left(md5('bench-owner-role'), 24), $1, left(md5('bench-user-1'), 24), 'OWNER', $1);
    INSERT INTO api_keys (id, user_id, key_hash)
    SELECT left(md5('bench-key-' || n), 24), left(md5('bench-user-' || n), 24), encode(sha256(('bench-key-' || n)::bytea), 'hex')
      FROM generate_series(1, ${BENCH.users}) n;
    UPDATE users SET default_workspace_id = $1, active_workspace_id = $1 WHERE email LIKE 'bench-user-%@bench.example';
    INSERT INTO rates (id, workspace_id, kind, amount, currency, since)
    VALUES (left(md5('bench-rate-h'), 24), $1, 'HOURLY', 5000, 'USD', '2020-01-01'),
           (left(md5('bench-rate-c'), 24), $1, 'COST', 3000, 'USD', '2020-01-01');
  `.replace(/\$1/g, `'${w}'`));

  await step(db, `${BENCH.clients} clients, ${BENCH.projects} projects, ${BENCH.tasks} tasks, ${BENCH.tags} tags`, `
    INSERT INTO clients (id, workspace_id, name)
    SELECT left(md5('bench-client-' || n), 24), '${w}', 'Client ' || n FROM generate_series(1, ${BENCH.clients}) n;
    INSERT INTO projects (id, workspace_id, name, client_id, billable, is_public, color)
    SELECT left(md5('bench-project-' || n), 24), '${w}', 'Project ' || n,
           left(md5('bench-client-' || (1 + n % ${BENCH.clients})), 24), n % 3 <> 0, true, '#03A9F4'
      FROM generate_series(1, ${BENCH.projects}) n;
    INSERT INTO tasks (id, workspace_id, project_id, name)
    SELECT left(md5('bench-task-' || n), 24), '${w}', left(md5('bench-project-' || (1 + (n - 1) / ${BENCH.tasks / BENCH.projects})), 24), 'Task ' || n
      FROM generate_series(1, ${BENCH.tasks}) n;
    INSERT INTO tags (id, workspace_id, name)
    SELECT left(md5('bench-tag-' || n), 24), '${w}', 'Tag ' || n FROM generate_series(1, ${BENCH.tags}) n;
  `);

  // Entry i starts at 2023-01-01 + i * (two years / N): start order = insert order.
  const span = `(timestamptz '2025-01-01 00:00:00+00' - timestamptz '2023-01-01 00:00:00+00')`;
  await step(db, `${BENCH.entries.toLocaleString('en')} time entries`, `
    INSERT INTO time_entries (id, workspace_id, user_id, project_id, task_id, description, start_at, end_at,
                              billable, hourly_rate, cost_rate, currency)
    SELECT left(md5('bench-entry-' || i), 24), '${w}',
           left(md5('bench-user-' || (1 + (i::bigint * 7919) % ${BENCH.users})), 24),
           CASE WHEN r.p < 0.05 THEN NULL ELSE left(md5('bench-project-' || r.project), 24) END,
           CASE WHEN r.p < 0.05 OR r.t < 0.2 THEN NULL
                ELSE left(md5('bench-task-' || ((r.project - 1) * ${BENCH.tasks / BENCH.projects} + 1 + r.task)), 24) END,
           'Work item ' || (i % 997),
           s.start_at,
           s.start_at + make_interval(secs => 300 + floor(r.d * 14100)),
           r.b < 0.3, 5000, 3000, 'USD'
      FROM generate_series(1, ${BENCH.entries}) i
      CROSS JOIN LATERAL (SELECT timestamptz '2023-01-01 00:00:00+00' + ${span} * ((i - 1)::float8 / ${BENCH.entries}) AS start_at) s
      CROSS JOIN LATERAL (SELECT random() AS p, random() AS t, random() AS d, random() AS b,
                                 1 + floor(random() * ${BENCH.projects})::int AS project,
                                 floor(random() * ${BENCH.tasks / BENCH.projects})::int AS task
                          WHERE i > 0) r -- correlated, so random() is drawn per entry
     ORDER BY i;
  `);

  await step(db, 'tags on entries (0-3, 1 on average)', `
    INSERT INTO time_entry_tags (workspace_id, time_entry_id, tag_id)
    SELECT DISTINCT '${w}', left(md5('bench-entry-' || i), 24), left(md5('bench-tag-' || (1 + (i * 31 + k * 7) % ${BENCH.tags})), 24)
      FROM generate_series(1, ${BENCH.entries}) i
      CROSS JOIN LATERAL generate_series(1, CASE WHEN i % 20 < 7 THEN 0 WHEN i % 20 < 14 THEN 1 WHEN i % 20 < 19 THEN 2 ELSE 3 END) k;
  `);

  await step(db, `${BENCH.runningTimers} running timers`, `
    INSERT INTO time_entries (id, workspace_id, user_id, project_id, description, start_at, billable, hourly_rate, cost_rate)
    SELECT left(md5('bench-running-' || n), 24), '${w}', left(md5('bench-user-' || n), 24),
           left(md5('bench-project-' || n), 24), 'Running', timestamptz '2025-01-01 08:00:00+00', true, 5000, 3000
      FROM generate_series(1, ${BENCH.runningTimers}) n;
  `);
  // VACUUM sets the visibility map, so report queries can use index-only scans as on a settled table.
  for (const table of ['time_entries', 'time_entry_tags', 'projects', 'tasks', 'tags']) {
    await step(db, `vacuum ${table}`, `VACUUM (ANALYZE) ${table}`);
  }
}

function sqlText(value: string): string {
  return value.replace(/'/g, "''");
}
