import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startBuiltApp } from './app-process';
import { printTable, Row } from './measure';
import { SCENARIOS } from './scenarios';
import { explainReports, benchProjectIds } from './report-explain';
import { createDatabaseIfMissing } from '../src/database/create-database';
import { isSeeded, removeBenchWrites, seed } from './seed';
import { createHash } from 'node:crypto';

/**
 * `npm run bench [-- --reseed] [-- --only a,b]`: seeds the 1M-entry workspace on
 * DATABASE_URL once, starts the built app, measures through HTTP, prints a
 * table and writes bench-results.json.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('npm run bench needs a real PostgreSQL server: set DATABASE_URL=postgres://... (it refuses the embedded one)');
    process.exit(2);
  }
  const onlyArg = args.find((a) => a.startsWith('--only'));
  const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',') : Object.keys(SCENARIOS);
  const unknown = only.filter((name) => !SCENARIOS[name]);
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);

  execSync('node scripts/ensure-build.js', { cwd: join(__dirname, '..'), stdio: 'inherit' });
  await ensureDatabase(databaseUrl);
  const app = await startBuiltApp(databaseUrl); // applies the migrations
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    if (args.includes('--reseed') || !(await isSeeded(db))) {
      console.log('Seeding the benchmark workspace (once; --reseed rebuilds it)...');
      await seed(db);
    }
    if (args.includes('--explain')) {
      // EXPLAIN (ANALYZE, BUFFERS) of the report queries, built by the app's SQL builders (no timings run).
      await explainReports(db, benchProjectIds((label) => createHash('md5').update(label).digest('hex').slice(0, 24)));
      return;
    }
    await removeBenchWrites(db);
    const startedAt = new Date().toISOString();
    const results: Row[] = [];
    for (const name of only) {
      // Settle what the previous row wrote (thousands of entries, outbox rows, rate counters), so autovacuum
      // does not run during the next measurement, as it would not on a steady server.
      await db.query('VACUUM (ANALYZE) time_entries, time_entry_tags, outbox, rate_counters');
      // and write the dirtied pages now rather than during the measurement (needs superuser or pg_checkpoint)
      await db.query('CHECKPOINT').catch(() => undefined);
      console.log(`running ${name}...`);
      results.push(await SCENARIOS[name]({ baseUrl: app.baseUrl, appPid: app.pid }));
    }
    printTable(results);
    const report = { startedAt, machine: { cpus: cpus().length, node: process.version }, results };
    writeFileSync(join(__dirname, '..', 'bench-results.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.end();
    await app.stop();
  }
}

/** Creates the database DATABASE_URL names when the server does not have it yet (a fresh machine). */
async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  if (await createDatabaseIfMissing(url.toString(), name)) console.log(`Created database ${name}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
