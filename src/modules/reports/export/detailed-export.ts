import { Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { detailedWhere, orderBy } from '../detailed/detailed-report.store';
import type { DetailedReportFilterDto } from '../detailed/dto/detailed-report-filter.dto';
import { reportExprs, resolveReportScope, type ReportScope } from '../filter';
import { CursorSession } from './cursor-rows';
import { type ExportColumn, type ExportFormat, hms, money, rangeLabel } from './export-table';
import { PDF_ROWS } from './pdf-writer';
import { streamExport } from './report-export';

/** SQL: seconds as `hh:mm:ss` (hours unbounded). */
const hmsSql = (s: string) => `lpad(((${s}) / 3600)::text, 2, '0') || ':' || lpad(((${s}) % 3600 / 60)::text, 2, '0') || ':' || lpad(((${s}) % 60)::text, 2, '0')`;
/** SQL: cents (bigint) as `123.45`, exactly. */
const moneySql = (c: string) => `to_char((${c})::numeric / 100, 'FM999999999999990.00')`;

const RATE_LABEL = { EARNED: 'Billable', COST: 'Cost', PROFIT: 'Profit' } as const;

/**
 * Exports of the detailed report: every entry the filter selects (paging is
 * ignored, as Clockify's exports do), in the report's order, read through a
 * cursor 1000 rows at a time and written as they come. Dates and times are in
 * the report's zone; all formatting happens in SQL, so Node only joins text.
 */
@Injectable()
export class DetailedExportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  async export(ws: WorkspaceContext, body: DetailedReportFilterDto, format: ExportFormat): Promise<StreamableFile> {
    const session = await CursorSession.open(this.dataSource);
    try {
      const scope = await resolveReportScope(session.manager, ws, body);
      const params: unknown[] = [];
      const sql = this.rowsSql(scope, body, params);
      const totals = format === 'PDF' ? await this.totals(session, scope, body) : [];
      const widths = format === 'PDF' ? await this.columnChars(session, scope, body) : undefined;
      const label = scope.amountShown ? RATE_LABEL[scope.amountShown] : null;
      const columns: ExportColumn[] = [
        { header: 'Project', width: 16, wrap: true }, { header: 'Client', width: 12, wrap: true }, { header: 'Description', width: 22, wrap: true },
        { header: 'Task', width: 12, wrap: true }, { header: 'User', width: 12, wrap: true }, { header: 'Email', width: 18, pdf: false },
        { header: 'Tags', width: 12, wrap: true }, { header: 'Billable', width: 6 },
        { header: 'Start Date', width: 10, kind: 'date' }, { header: 'Start Time', width: 8 },
        { header: 'End Date', width: 10, pdf: false, kind: 'date' }, { header: 'End Time', width: 8 },
        { header: 'Duration (h)', width: 9, numeric: true, kind: 'duration' },
        { header: 'Duration (decimal)', width: 9, numeric: true, pdf: false, xlsxNumber: true, kind: 'hours' },
        ...(label ? [
          { header: `${label} Rate (${scope.currency})`, width: 9, numeric: true, pdf: false, xlsxNumber: true, kind: 'money', total: false },
          { header: `${label} Amount (${scope.currency})`, width: 10, numeric: true, xlsxNumber: true, kind: 'money' },
        ] satisfies ExportColumn[] : []),
      ];
      const range = `${body.dateRangeStart.slice(0, 10)}-${body.dateRangeEnd.slice(0, 10)}`;
      return streamExport(format, {
        fileName: `Clockify_Time_Report_Detailed_${range}`,
        title: 'Detailed report',
        subtitle: rangeLabel(scope),
        columns,
        batches: session.stream(sql, params),
        totals,
        currency: scope.currency,
        pdfColumnChars: widths,
        dispose: () => session.close(),
      });
    } catch (error) {
      await session.close();
      throw error;
    }
  }

  /**
   * The PDF's column widths: the longest text of each column over the rows the
   * PDF shows (the first DEFAULT rows in report order), in characters, from one
   * aggregate in PostgreSQL, so the rows can stream after it. 0 marks an empty column.
   */
  private async columnChars(session: CursorSession, scope: ReportScope, body: DetailedReportFilterDto): Promise<number[]> {
    const params: unknown[] = [];
    const sql = this.rowsSql(scope, body, params);
    const count = scope.amountShown ? 16 : 14;
    const names = Array.from({ length: count }, (_, i) => `c${i}`);
    params.push(PDF_ROWS);
    const [row]: Record<string, string>[] = await session.manager.query(
      `SELECT ${names.map((n) => `coalesce(max(length(${n})), 0) AS ${n}`).join(', ')} FROM (${sql} LIMIT $${params.length}) r(${names.join(', ')})`,
      params,
    );
    return names.map((n) => Number(row[n]));
  }

  private rowsSql(scope: ReportScope, body: DetailedReportFilterDto, params: unknown[]): string {
    const where = detailedWhere(scope, body, params);
    const x = reportExprs(scope);
    params.push(scope.timeZone);
    const tz = `$${params.length}::text`;
    const rate = scope.amountShown === 'COST' ? 'te.cost_rate' : 'te.hourly_rate';
    const money = scope.amountShown
      ? `, ${moneySql(`coalesce(${rate}, 0)`)}, ${moneySql(x.amount)}`
      : '';
    // Tag names come from one small map (a per-row join would build a hash per entry); $1 is the workspace id.
    return `
      SELECT pr.name, c.name, te.description, t.name, u.name, u.email,
             (SELECT string_agg(tn.names ->> tt.tag_id::text, ', ' ORDER BY tn.names ->> tt.tag_id::text) FROM time_entry_tags tt WHERE tt.time_entry_id = te.id),
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

  /** The PDF's heading lines: total and billable time, entries and each amount type (one aggregate over the filter). */
  private async totals(session: CursorSession, scope: ReportScope, body: DetailedReportFilterDto): Promise<string[]> {
    const params: unknown[] = [];
    const where = detailedWhere(scope, body, params);
    const x = reportExprs(scope);
    const [row]: { total: string; billable: string; n: string; earned: string; cost: string }[] = await session.manager.query(
      `SELECT coalesce(sum(${x.duration}), 0) AS total, coalesce(sum(${x.billableDuration}), 0) AS billable, count(*) AS n,
              coalesce(sum(${x.earned}), 0) AS earned, coalesce(sum(${x.cost}), 0) AS cost
         FROM time_entries te WHERE ${where}`,
      params,
    );
    const values = { EARNED: Number(row.earned), COST: Number(row.cost), PROFIT: Number(row.earned) - Number(row.cost) };
    return [
      `Total: ${hms(Number(row.total))}`,
      `Billable: ${hms(Number(row.billable))}`,
      `Entries: ${row.n}`,
      ...scope.amountTypes.map((t) => `${t}: ${money(values[t])} ${scope.currency}`),
    ];
  }
}
