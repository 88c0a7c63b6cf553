import 'reflect-metadata';
import { Client } from 'pg';
import type { WorkspaceContext } from '../src/common/auth/principal';
import { DetailedReportFilterDto } from '../src/modules/reports/detailed/dto/detailed-report-filter.dto';
import { detailedReportSql } from '../src/modules/reports/detailed/detailed-report.store';
import { resolveReportScope } from '../src/modules/reports/filter/report-scope.store';
import { SummaryReportFilterDto } from '../src/modules/reports/summary/dto/summary-report-filter.dto';
import { summaryReportQueries } from '../src/modules/reports/summary/summary-report.store';
import { reportSettingsSql } from '../src/database/session-settings';
import { BENCH } from './seed';

/** The bodies the report scenarios send (shared with bench/scenarios.ts). */
export const REPORT_BODIES = {
  summaryYear: {
    dateRangeStart: '2024-01-01T00:00:00Z',
    dateRangeEnd: '2024-12-31T23:59:59.999Z',
    summaryFilter: { groups: ['PROJECT', 'USER', 'TASK'] },
  },
  summaryMonth: {
    dateRangeStart: '2024-03-01T00:00:00Z',
    dateRangeEnd: '2024-03-31T23:59:59.999Z',
    summaryFilter: { groups: ['PROJECT', 'USER', 'TASK'] },
  },
  weekly: {
    dateRangeStart: '2024-03-10T00:00:00',
    dateRangeEnd: '2024-03-16T23:59:59',
    timeZone: 'America/New_York',
    weekStart: 'SUNDAY',
    weeklyFilter: { group: 'USER' },
  },
  /** One week, every user: all 350 user-days on one page. */
  attendance: {
    dateRangeStart: '2024-03-11T00:00:00Z',
    dateRangeEnd: '2024-03-17T23:59:59.999Z',
    timeZone: 'UTC',
    attendanceFilter: { page: 1, pageSize: 1000 },
  },
  detailedPage: (projectIds: string[]) => ({
    dateRangeStart: '2024-01-01T00:00:00Z',
    dateRangeEnd: '2024-12-31T23:59:59.999Z',
    billable: true,
    projects: { ids: projectIds, contains: 'CONTAINS' },
    detailedFilter: { page: 1, pageSize: 50, sortColumn: 'DATE' },
    sortOrder: 'DESCENDING',
  }),
};

/** Five bench projects (deterministic ids, as the seed writes them). */
export function benchProjectIds(hexLabel: (label: string) => string): string[] {
  return [1, 2, 3, 4, 5].map((n) => hexLabel(`bench-project-${n}`));
}

/**
 * `npm run bench -- --explain`: EXPLAIN (ANALYZE, BUFFERS) of the summary
 * (year and month, PROJECT→USER→TASK) and detailed-page queries, built by the app's own
 * SQL builders and run with the report settings (work_mem, no JIT), as the
 * bench owner (bench user 1).
 */
export async function explainReports(db: Client, projectIds: string[]): Promise<void> {
  const ws: WorkspaceContext = {
    workspaceId: BENCH.workspaceId,
    userId: BENCH.userId(1),
    roles: ['OWNER'],
    isAdmin: true,
    principal: { kind: 'user', userId: BENCH.userId(1), apiKeyId: 'bench' },
  };
  const runner = {
    query: async <T>(sql: string, params?: unknown[]): Promise<T> => (await db.query(sql, params)).rows as T,
  };
  const cases: [string, (params: unknown[]) => Promise<string>][] = [
    ...(['summaryYear', 'summaryMonth'] as const).flatMap((key) =>
      (['groups', 'header'] as const).map((part): [string, (params: unknown[]) => Promise<string>] => [
        `${key} (${part})`,
        async (params) => {
          const body = Object.assign(new SummaryReportFilterDto(), REPORT_BODIES[key]) as SummaryReportFilterDto;
          const statement = summaryReportQueries(await resolveReportScope(runner, ws, body), body)[part];
          params.push(...statement.params);
          return statement.sql;
        },
      ]),
    ),
    [
      'detailed-page',
      async (params) => {
        const body = Object.assign(
          new DetailedReportFilterDto(),
          REPORT_BODIES.detailedPage(projectIds),
        ) as DetailedReportFilterDto;
        return detailedReportSql(await resolveReportScope(runner, ws, body), body, params);
      },
    ],
  ];
  for (const [name, build] of cases) {
    const params: unknown[] = [];
    const sql = await build(params);
    await db.query('BEGIN');
    try {
      await db.query(reportSettingsSql(true));
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(
        `\n=== EXPLAIN (ANALYZE, BUFFERS) ${name}\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`,
      );
    } finally {
      await db.query('ROLLBACK');
    }
  }
}

if (require.main === module) {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  const hex = (label: string) =>
    (require('node:crypto') as typeof import('node:crypto')).createHash('md5').update(label).digest('hex').slice(0, 24);
  db.connect()
    .then(() => explainReports(db, benchProjectIds(hex)))
    .finally(() => db.end())
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
