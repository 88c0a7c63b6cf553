import { execFile, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDatabaseIfMissing } from '../src/database/create-database';

const run = promisify(execFile);
const root = join(__dirname, '..');

/**
 * Several instances starting together on an empty database: each applies the
 * migrations at start under one advisory lock, so they never race. Three built
 * CLI `migrate` processes at once on a fresh database (through the suite's
 * DATABASE_URL, a pooler in transaction mode included).
 */
describe('Migrations when several processes start together', () => {
  const url = new URL(process.env.DATABASE_URL as string);
  const name = `${url.pathname.slice(1)}_migrate_${process.pid}`;
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'ensure-build.js')], { cwd: root, stdio: 'inherit' });
    await createDatabaseIfMissing(url.toString(), name);
  }, 600_000);
  afterAll(async () => {
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  });

  it('three `migrate` at once: each exits 0, every migration is applied exactly once', async () => {
    const migrate = () =>
      run(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'migrate'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: fresh.toString() },
      });
    const outputs = await Promise.all([migrate(), migrate(), migrate()]);
    const files = readdirSync(join(root, 'src', 'database', 'migrations')).filter((f) => /^\d+.*\.ts$/.test(f));
    for (const { stdout } of outputs) expect(JSON.parse(stdout.trim())).toMatchObject({ migrations: files.length });

    const db = new Client({ connectionString: fresh.toString() });
    await db.connect();
    const { rows } = await db.query<{ name: string; n: number }>(
      'SELECT name, count(*)::int AS n FROM migrations GROUP BY name',
    );
    await db.end();
    expect(rows).toHaveLength(files.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }, 300_000);
});
