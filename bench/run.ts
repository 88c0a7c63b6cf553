import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startBuiltApp } from './app-process';
import { addRatios, medianRows, printTable, Row } from './measure';
import { BASELINE_OF, SCENARIOS, scaleRows } from './scenarios';
import { explainReports, benchProjectIds } from './report-explain';
import { createDatabaseIfMissing } from '../src/database/create-database';
import { isSeeded, removeBenchWrites, SCALE_SETS, seed } from './seed';
import { createHash } from 'node:crypto';

/**
 * `npm run bench [-- --reseed] [-- --only a,b] [-- --repeat n] [-- --scale]`: seeds the 1M-entry workspace on
 * DATABASE_URL once, starts the built app, measures through HTTP, prints a
 * table and writes bench-results.json. A row with a floor (BASELINE_OF) brings its floor
 * into the run, measured just before it, and gets its ratio. `--repeat n` measures every row n times
 * (rounds of the whole list) and prints each row's median round, every round's figure in its note.
 * `--scale` instead seeds (once) the 10k and 100k workspaces and measures the growth rows on the three sizes.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      'npm run bench needs a real PostgreSQL server: set DATABASE_URL=postgres://... (it refuses the embedded one)',
    );
    process.exit(2);
  }
  const only = optionValue(args, '--only')?.split(',') ?? Object.keys(SCENARIOS);
  const repeat = Number(optionValue(args, '--repeat') ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new Error('--repeat takes a whole number, 1 to 20');
  const unknown = only.filter((name) => !SCENARIOS[name]);
  if (unknown.length)
    throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  // Each floor runs just before its row (so both see the same moment of a noisy machine).
  const floorOf = (name: string) => Object.keys(BASELINE_OF).find((row) => BASELINE_OF[row] === name);
  const rows = only.flatMap((name) => {
    const row = floorOf(name);
    if (row && only.includes(row)) return [];
    return BASELINE_OF[name] ? [BASELINE_OF[name], name] : [name];
  });

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
      await explainReports(
        db,
        benchProjectIds((label) => createHash('md5').update(label).digest('hex').slice(0, 24)),
      );
      return;
    }
    await removeBenchWrites(db);
    const startedAt = new Date().toISOString();
    if (args.includes('--scale')) {
      await measureScale(db, { baseUrl: app.baseUrl, appPid: app.pid, databaseUrl }, startedAt);
      return;
    }
    const rounds: Row[][] = [];
    for (let round = 1; round <= repeat; round++) {
      const results: Row[] = [];
      for (const name of rows) {
        // Settle what the previous row wrote (thousands of entries, outbox rows, rate counters), so autovacuum
        // does not run during the next measurement, as it would not on a steady server.
        await db.query('VACUUM (ANALYZE) time_entries, time_entry_tags, outbox, rate_counters');
        // and write the dirtied pages now rather than during the measurement (needs superuser or pg_checkpoint)
        await db.query('CHECKPOINT').catch(() => undefined);
        console.log(`running ${name}${repeat > 1 ? ` (round ${round} of ${repeat})` : ''}...`);
        results.push(await SCENARIOS[name]({ baseUrl: app.baseUrl, appPid: app.pid, databaseUrl }));
      }
      addRatios(results, BASELINE_OF);
      rounds.push(results);
    }
    const results = repeat > 1 ? medianRows(rounds) : rounds[0];
    printTable(results);
    const report = {
      startedAt,
      machine: { cpus: cpus().length, node: process.version },
      results,
      ...(repeat > 1 ? { rounds } : {}),
    };
    writeFileSync(join(__dirname, '..', 'bench-results.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.end();
    await app.stop();
  }
}

/**
 * `--scale`: the growth rows (scaleRows) on the 10k, 100k and 1M workspaces (seeding the smaller ones once), then
 * each row's medians and growth ratios (100k/10k, 1M/100k: 10 would be linear in the entries, 1 flat).
 */
async function measureScale(db: Client, ctx: Parameters<typeof scaleRows>[0], startedAt: string): Promise<void> {
  const measured: Row[][] = [];
  for (const set of SCALE_SETS) {
    if (!(await isSeeded(db, set))) {
      console.log(`Seeding the ${set.entries.toLocaleString('en')}-entry workspace (${set.prefix}, once)...`);
      await seed(db, set);
    }
    await db.query('VACUUM (ANALYZE) time_entries, time_entry_tags, outbox, rate_counters');
    await db.query('CHECKPOINT').catch(() => undefined);
    console.log(`running the growth rows on ${set.prefix} (${set.entries.toLocaleString('en')} entries)...`);
    measured.push(await scaleRows(ctx, set));
  }
  const all = measured.flat();
  printTable(all);
  const growth = measured[0].map((row, i) => {
    const [small, middle, large] = measured.map((rows) => rows[i]);
    const ratio = (a: Row, b: Row) => Math.round((a.median / b.median) * 100) / 100;
    return {
      name: row.name.replace(/ @.*/, ''),
      medians: [small.median, middle.median, large.median],
      '100k/10k': ratio(middle, small),
      '1M/100k': ratio(large, middle),
    };
  });
  console.log('\ngrowth of the median (entries x10 each step):');
  for (const g of growth)
    console.log(
      `  ${g.name.padEnd(18)} ${g.medians.join(' / ').padEnd(28)} ms   100k/10k ${g['100k/10k']}x   1M/100k ${g['1M/100k']}x`,
    );
  const report = { startedAt, machine: { cpus: cpus().length, node: process.version }, scale: { rows: all, growth } };
  writeFileSync(join(__dirname, '..', 'bench-results.json'), `${JSON.stringify(report, null, 2)}\n`);
}

/** The value of `--name value` or `--name=value`, if given. */
function optionValue(args: string[], name: string): string | undefined {
  const arg = args.find((a) => a === name || a.startsWith(`${name}=`));
  if (!arg) return undefined;
  return arg.includes('=') ? arg.slice(name.length + 1) : args[args.indexOf(arg) + 1];
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
