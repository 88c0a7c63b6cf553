import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { defaultWorkspaceSettings } from '../src/modules/workspaces/workspace-settings';

/**
 * A benchmark workspace: 50 users, 20 clients, 200 projects, 2,000 tasks,
 * 30 tags and `entries` time entries spread evenly over 2023-01-01..2024-12-31
 * (about 5 % without project, 20 % of the rest without task, 30 % billable,
 * durations 5 min to 4 h, 0-3 tags averaging 1, ten running timers), written
 * in start order as a real table fills. Set-based SQL only: minutes, not hours.
 * Ids are deterministic (md5 of a label starting with `prefix`) so a re-run finds the same rows.
 */
export interface BenchSet {
  /** Label prefix of every id, key and e-mail of the set ('bench' for the 1M-entry workspace). */
  prefix: string;
  workspaceId: string;
  users: number;
  clients: number;
  projects: number;
  tasks: number;
  tags: number;
  entries: number;
  runningTimers: number;
  /** The API key of user n (1-based): `<prefix>-key-n`. */
  apiKey(n: number): string;
  userId(n: number): string;
  /** The id of entity n of a kind (project, task, tag, client): md5 of `<prefix>-<kind>-n`. */
  idOf(kind: 'project' | 'task' | 'tag' | 'client', n: number): string;
}

/** The set with `entries` entries, everything else the same shape; labels under `prefix`. */
export function benchSet(prefix: string, entries: number): BenchSet {
  return {
    prefix,
    workspaceId: hexId(`${prefix}-workspace`),
    users: 50,
    clients: 20,
    projects: 200,
    tasks: 2000,
    tags: 30,
    entries,
    runningTimers: 10,
    apiKey: (n) => `${prefix}-key-${n}`,
    userId: (n) => hexId(`${prefix}-user-${n}`),
    idOf: (kind, n) => hexId(`${prefix}-${kind}-${n}`),
  };
}

/** The benchmark workspace of every row: 1,000,000 entries. */
export const BENCH = benchSet('bench', 1_000_000);

/** The workspaces of `--scale`: the same shape with 10k and 100k entries (the 1M one is BENCH). */
export const SCALE_SETS: BenchSet[] = [benchSet('bench10k', 10_000), benchSet('bench100k', 100_000), BENCH];

/** The same as SQL's `left(md5(label), 24)`. */
function hexId(label: string): string {
  return createHash('md5').update(label).digest('hex').slice(0, 24);
}

export async function isSeeded(db: Client, set: BenchSet = BENCH): Promise<boolean> {
  const rows = await db
    .query(`SELECT count(*)::int AS n FROM time_entries WHERE workspace_id = $1`, [set.workspaceId])
    .catch(() => ({ rows: [{ n: 0 }] }));
  return rows.rows[0].n >= set.entries;
}

/**
 * Removes what earlier runs' load rows wrote (entries after the seed's range, with their tags, and the
 * workspace's outbox rows), so repeated runs measure the same 1M-entry workspace instead of a growing one.
 */
export async function removeBenchWrites(db: Client, set: BenchSet = BENCH): Promise<void> {
  await db.query(`DELETE FROM time_entries WHERE workspace_id = $1 AND start_at >= '2025-01-02'`, [set.workspaceId]);
  await db.query('DELETE FROM outbox WHERE workspace_id = $1', [set.workspaceId]);
}

export async function dropSeed(db: Client, set: BenchSet = BENCH): Promise<void> {
  // Entries reference projects, tasks and tags without cascading: remove them first.
  for (const table of ['time_entry_tags', 'time_entry_custom_fields', 'time_entries']) {
    await db.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [set.workspaceId]);
  }
  await db.query('DELETE FROM workspaces WHERE id = $1', [set.workspaceId]);
  await db.query(`DELETE FROM users WHERE email LIKE '${set.prefix}-user-%@bench.example'`);
}

const step = async (db: Client, label: string, sql: string, params: unknown[] = []) => {
  const started = Date.now();
  await db.query(sql, params);
  console.log(`  seed: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

export async function seed(db: Client, set: BenchSet = BENCH): Promise<void> {
  const w = set.workspaceId;
  const p = set.prefix;
  await dropSeed(db, set);
  await db.query('SELECT setseed(0.42)');
  await step(
    db,
    `${set.users} users with API keys`,
    `
    INSERT INTO users (id, email, name, settings)
    SELECT left(md5('${p}-user-' || n), 24), '${p}-user-' || n || '@bench.example', 'Bench User ' || n,
           '{"timeZone":"UTC","weekStart":"MONDAY","timeFormat":"HOUR24","dateFormat":"YYYY-MM-DD"}'::jsonb
      FROM generate_series(1, ${set.users}) n;
    INSERT INTO workspaces (id, name, owner_id, settings)
    VALUES ($1, 'Benchmark workspace${p === 'bench' ? '' : ` (${p})`}', left(md5('${p}-user-1'), 24), '${sqlText(JSON.stringify(defaultWorkspaceSettings()))}'::jsonb);
    INSERT INTO workspace_members (workspace_id, user_id, status)
    SELECT $1, left(md5('${p}-user-' || n), 24), 'ACTIVE' FROM generate_series(1, ${set.users}) n;
    INSERT INTO member_roles (id, workspace_id, user_id, role, entity_id)
    VALUES (left(md5('${p}-owner-role'), 24), $1, left(md5('${p}-user-1'), 24), 'OWNER', $1);
    INSERT INTO api_keys (id, user_id, key_hash)
    SELECT left(md5('${p}-key-' || n), 24), left(md5('${p}-user-' || n), 24), encode(sha256(('${p}-key-' || n)::bytea), 'hex')
      FROM generate_series(1, ${set.users}) n;
    UPDATE users SET default_workspace_id = $1, active_workspace_id = $1 WHERE email LIKE '${p}-user-%@bench.example';
    INSERT INTO rates (id, workspace_id, kind, amount, currency, since)
    VALUES (left(md5('${p}-rate-h'), 24), $1, 'HOURLY', 5000, 'USD', '2020-01-01'),
           (left(md5('${p}-rate-c'), 24), $1, 'COST', 3000, 'USD', '2020-01-01');
  `.replace(/\$1/g, `'${w}'`),
  );

  await step(
    db,
    `${set.clients} clients, ${set.projects} projects, ${set.tasks} tasks, ${set.tags} tags`,
    `
    INSERT INTO clients (id, workspace_id, name)
    SELECT left(md5('${p}-client-' || n), 24), '${w}', 'Client ' || n FROM generate_series(1, ${set.clients}) n;
    INSERT INTO projects (id, workspace_id, name, client_id, billable, is_public, color)
    SELECT left(md5('${p}-project-' || n), 24), '${w}', 'Project ' || n,
           left(md5('${p}-client-' || (1 + n % ${set.clients})), 24), n % 3 <> 0, true, '#03A9F4'
      FROM generate_series(1, ${set.projects}) n;
    INSERT INTO tasks (id, workspace_id, project_id, name)
    SELECT left(md5('${p}-task-' || n), 24), '${w}', left(md5('${p}-project-' || (1 + (n - 1) / ${set.tasks / set.projects})), 24), 'Task ' || n
      FROM generate_series(1, ${set.tasks}) n;
    INSERT INTO tags (id, workspace_id, name)
    SELECT left(md5('${p}-tag-' || n), 24), '${w}', 'Tag ' || n FROM generate_series(1, ${set.tags}) n;
  `,
  );

  // Entry i starts at 2023-01-01 + i * (two years / N): start order = insert order.
  const span = `(timestamptz '2025-01-01 00:00:00+00' - timestamptz '2023-01-01 00:00:00+00')`;
  await step(
    db,
    `${set.entries.toLocaleString('en')} time entries`,
    `
    INSERT INTO time_entries (id, workspace_id, user_id, project_id, task_id, description, start_at, end_at,
                              billable, hourly_rate, cost_rate, currency)
    SELECT left(md5('${p}-entry-' || i), 24), '${w}',
           left(md5('${p}-user-' || (1 + (i::bigint * 7919) % ${set.users})), 24),
           CASE WHEN r.p < 0.05 THEN NULL ELSE left(md5('${p}-project-' || r.project), 24) END,
           CASE WHEN r.p < 0.05 OR r.t < 0.2 THEN NULL
                ELSE left(md5('${p}-task-' || ((r.project - 1) * ${set.tasks / set.projects} + 1 + r.task)), 24) END,
           'Work item ' || (i % 997),
           s.start_at,
           s.start_at + make_interval(secs => 300 + floor(r.d * 14100)),
           r.b < 0.3, 5000, 3000, 'USD'
      FROM generate_series(1, ${set.entries}) i
      CROSS JOIN LATERAL (SELECT timestamptz '2023-01-01 00:00:00+00' + ${span} * ((i - 1)::float8 / ${set.entries}) AS start_at) s
      CROSS JOIN LATERAL (SELECT random() AS p, random() AS t, random() AS d, random() AS b,
                                 1 + floor(random() * ${set.projects})::int AS project,
                                 floor(random() * ${set.tasks / set.projects})::int AS task
                          WHERE i > 0) r -- correlated, so random() is drawn per entry
     ORDER BY i;
  `,
  );

  await step(
    db,
    'tags on entries (0-3, 1 on average)',
    `
    INSERT INTO time_entry_tags (workspace_id, time_entry_id, tag_id)
    SELECT DISTINCT '${w}', left(md5('${p}-entry-' || i), 24), left(md5('${p}-tag-' || (1 + (i * 31 + k * 7) % ${set.tags})), 24)
      FROM generate_series(1, ${set.entries}) i
      CROSS JOIN LATERAL generate_series(1, CASE WHEN i % 20 < 7 THEN 0 WHEN i % 20 < 14 THEN 1 WHEN i % 20 < 19 THEN 2 ELSE 3 END) k;
  `,
  );

  await step(
    db,
    `${set.runningTimers} running timers`,
    `
    INSERT INTO time_entries (id, workspace_id, user_id, project_id, description, start_at, billable, hourly_rate, cost_rate)
    SELECT left(md5('${p}-running-' || n), 24), '${w}', left(md5('${p}-user-' || n), 24),
           left(md5('${p}-project-' || n), 24), 'Running', timestamptz '2025-01-01 08:00:00+00', true, 5000, 3000
      FROM generate_series(1, ${set.runningTimers}) n;
  `,
  );
  // VACUUM sets the visibility map, so report queries can use index-only scans as on a settled table.
  for (const table of ['time_entries', 'time_entry_tags', 'projects', 'tasks', 'tags']) {
    await step(db, `vacuum ${table}`, `VACUUM (ANALYZE) ${table}`);
  }
}

function sqlText(value: string): string {
  return value.replace(/'/g, "''");
}
