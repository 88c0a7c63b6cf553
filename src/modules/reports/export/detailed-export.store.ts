import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../../../common/utils/sql';
import type { CursorSession } from './cursor-rows.store';
import type { ExportCell } from './export-table';
import { detailedWhere, orderBy } from '../detailed/detailed-report.store';
import type { DetailedReportFilterDto } from '../detailed/dto/detailed-report-filter.dto';
import { reportExprs, type ReportScope } from '../filter';
import { hmsSql, moneySql } from './export-formats.store';
import { PDF_ROWS } from './pdf-writer';

/** The sums of a detailed export (seconds, entries, cents). */
export interface DetailedTotalsRow {
  total: string;
  billable: string;
  n: string;
  earned: string;
  cost: string;
}

/** The export's rows, formatted as text by PostgreSQL, in the report's order; pushes its parameters to `params`. */
export function detailedExportSql(scope: ReportScope, body: DetailedReportFilterDto, params: unknown[]): string {
  const where = detailedWhere(scope, body, params);
  const x = reportExprs(scope);
  const tz = `${new SqlConditions(params).param(scope.timeZone)}::text`;
  const rate = scope.amountShown === 'COST' ? 'te.cost_rate' : 'te.hourly_rate';
  const money = scope.amountShown ? `, ${moneySql(`coalesce(${rate}, 0)`)}, ${moneySql(x.amount)}` : '';
  // Tag names come from one small map (a per-row join would build a hash per entry); $1 is the workspace id.
  return `
      SELECT pr.name, c.name, te.description, t.name, u.name, u.email,
             (SELECT string_agg(tn.names ->> tt.tag_id::text, ', ' ORDER BY tn.names ->> tt.tag_id::text)
               FROM time_entry_tags tt WHERE tt.time_entry_id = te.id),
             CASE WHEN te.billable THEN 'Yes' ELSE 'No' END,
             to_char(te.start_at AT TIME ZONE ${tz}, 'YYYY-MM-DD'), to_char(te.start_at AT TIME ZONE ${tz}, 'HH24:MI:SS'),
             to_char(te.end_at AT TIME ZONE ${tz}, 'YYYY-MM-DD'), to_char(te.end_at AT TIME ZONE ${tz}, 'HH24:MI:SS'),
             ${hmsSql(x.duration)}, to_char((${x.duration})::numeric / 3600, 'FM999999990.00')${money}
        FROM time_entries te
        CROSS JOIN (SELECT coalesce(jsonb_object_agg(tag.id::text, tag.name), '{}') AS names FROM tags tag WHERE tag.workspace_id = $1) tn
        JOIN users u ON u.id = te.user_id
        LEFT JOIN projects pr ON pr.id = te.project_id
        LEFT JOIN clients c ON c.id = pr.client_id
        LEFT JOIN tasks t ON t.id = te.task_id
       WHERE ${where}
       ORDER BY ${orderBy(body.detailedFilter.sortColumn, body.sortOrder !== 'ASCENDING', 'te')}`;
}

/**
 * The PDF's column widths: the longest text of each column over the rows the
 * PDF shows (the first DEFAULT rows in report order), in characters, from one
 * aggregate in PostgreSQL, so the rows can stream after it. 0 marks an empty column.
 */
export async function detailedExportColumnChars(
  manager: EntityManager,
  scope: ReportScope,
  body: DetailedReportFilterDto,
): Promise<number[]> {
  const params: unknown[] = [];
  const sql = detailedExportSql(scope, body, params);
  const count = scope.amountShown ? 16 : 14;
  const names = Array.from({ length: count }, (_, i) => `c${i}`);
  const limit = new SqlConditions(params).param(PDF_ROWS);
  const [row]: Record<string, string>[] = await manager.query(
    `SELECT ${names.map((n) => `coalesce(max(length(${n})), 0) AS ${n}`).join(', ')} FROM (${sql} LIMIT ${limit}) r(${names.join(', ')})`,
    params,
  );
  return names.map((n) => Number(row[n]));
}

/** The sums of the PDF's heading lines: total and billable time, entries and amounts (one aggregate over the filter). */
export async function detailedExportTotals(
  manager: EntityManager,
  scope: ReportScope,
  body: DetailedReportFilterDto,
): Promise<DetailedTotalsRow> {
  const params: unknown[] = [];
  const where = detailedWhere(scope, body, params);
  const x = reportExprs(scope);
  const [row]: DetailedTotalsRow[] = await manager.query(
    `SELECT coalesce(sum(${x.duration}), 0) AS total, coalesce(sum(${x.billableDuration}), 0) AS billable, count(*) AS n,
              coalesce(sum(${x.earned}), 0) AS earned, coalesce(sum(${x.cost}), 0) AS cost
         FROM time_entries te WHERE ${where}`,
    params,
  );
  return row;
}

/** The export's rows, streamed from a cursor of `session` in batches. */
export function detailedExportRows(
  session: CursorSession,
  scope: ReportScope,
  body: DetailedReportFilterDto,
): AsyncGenerator<ExportCell[][]> {
  const params: unknown[] = [];
  return session.stream(detailedExportSql(scope, body, params), params);
}
