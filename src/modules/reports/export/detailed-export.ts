import { Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import type { DetailedReportFilterDto } from '../detailed/dto/detailed-report-filter.dto';
import { resolveReportScope, type ReportScope } from '../filter';
import { CursorSession } from './cursor-rows.store';
import { detailedExportColumnChars, detailedExportRows, detailedExportTotals } from './detailed-export.store';
import { type ExportColumn, type ExportFormat, hms, money, rangeLabel } from './export-table';
import { streamExport } from './report-export';

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
      const totals = format === 'PDF' ? await this.totals(session, scope, body) : [];
      const widths = format === 'PDF' ? await detailedExportColumnChars(session.manager, scope, body) : undefined;
      const label = scope.amountShown ? RATE_LABEL[scope.amountShown] : null;
      const columns: ExportColumn[] = [
        { header: 'Project', width: 16, wrap: true },
        { header: 'Client', width: 12, wrap: true },
        { header: 'Description', width: 22, wrap: true },
        { header: 'Task', width: 12, wrap: true },
        { header: 'User', width: 12, wrap: true },
        { header: 'Email', width: 18, pdf: false },
        { header: 'Tags', width: 12, wrap: true },
        { header: 'Billable', width: 6 },
        { header: 'Start Date', width: 10, kind: 'date' },
        { header: 'Start Time', width: 8 },
        { header: 'End Date', width: 10, pdf: false, kind: 'date' },
        { header: 'End Time', width: 8 },
        { header: 'Duration (h)', width: 9, numeric: true, kind: 'duration' },
        { header: 'Duration (decimal)', width: 9, numeric: true, pdf: false, xlsxNumber: true, kind: 'hours' },
        ...(label
          ? ([
              {
                header: `${label} Rate (${scope.currency})`,
                width: 9,
                numeric: true,
                pdf: false,
                xlsxNumber: true,
                kind: 'money',
                total: false,
              },
              {
                header: `${label} Amount (${scope.currency})`,
                width: 10,
                numeric: true,
                xlsxNumber: true,
                kind: 'money',
              },
            ] satisfies ExportColumn[])
          : []),
      ];
      const range = `${body.dateRangeStart.slice(0, 10)}-${body.dateRangeEnd.slice(0, 10)}`;
      return streamExport(format, {
        fileName: `Clockify_Time_Report_Detailed_${range}`,
        title: 'Detailed report',
        subtitle: rangeLabel(scope),
        columns,
        batches: detailedExportRows(session, scope, body),
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

  /** The PDF's heading lines: total and billable time, entries and each amount type. */
  private async totals(session: CursorSession, scope: ReportScope, body: DetailedReportFilterDto): Promise<string[]> {
    const row = await detailedExportTotals(session.manager, scope, body);
    const values = {
      EARNED: Number(row.earned),
      COST: Number(row.cost),
      PROFIT: Number(row.earned) - Number(row.cost),
    };
    return [
      `Total: ${hms(Number(row.total))}`,
      `Billable: ${hms(Number(row.billable))}`,
      `Entries: ${row.n}`,
      ...scope.amountTypes.map((t) => `${t}: ${money(values[t])} ${scope.currency}`),
    ];
  }
}
