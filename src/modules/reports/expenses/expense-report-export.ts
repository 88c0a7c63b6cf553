import { Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CursorSession } from '../export/cursor-rows.store';
import { type ExportColumn, type ExportFormat, money, rangeLabel } from '../export/export-table';
import { streamExport } from '../export/report-export';
import { resolveReportScope } from '../filter/report-scope.store';
import type { ExpenseReportFilterDto } from './dto/expense-report-filter.dto';
import { expenseExportRows, expenseExportTotals } from './expense-report-export.store';

/**
 * Exports of the expense report through the report exporters: every expense
 * the filter selects (paging ignored), in the report's order, streamed from a
 * cursor; a Total row closes CSV/XLSX/PDF, and the PDF heading lists the
 * count and totals. Amount columns are left out when amounts are hidden.
 */
@Injectable()
export class ExpenseReportExportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  async export(ws: WorkspaceContext, body: ExpenseReportFilterDto, format: ExportFormat): Promise<StreamableFile> {
    const session = await CursorSession.open(this.dataSource);
    try {
      const scope = await resolveReportScope(session.manager, ws, body);
      const shown = scope.amountShown !== null;
      const totals = await expenseExportTotals(session.manager, scope, body);
      const columns: ExportColumn[] = [
        { header: 'Date', width: 10, kind: 'date' },
        { header: 'Project', width: 16, wrap: true },
        { header: 'Client', width: 12, wrap: true },
        { header: 'Task', width: 12, pdf: false },
        { header: 'User', width: 12, wrap: true },
        { header: 'Email', width: 18, pdf: false },
        { header: 'Category', width: 12, wrap: true },
        { header: 'Note', width: 22, wrap: true },
        { header: 'Billable', width: 6 },
        { header: 'Quantity', width: 7, numeric: true, xlsxNumber: true, kind: 'number' },
        { header: 'Unit', width: 6, pdf: false },
        { header: 'Invoiced', width: 6, pdf: false },
        ...(shown
          ? [
              {
                header: `Amount (${scope.currency})`,
                width: 10,
                numeric: true,
                xlsxNumber: true,
                kind: 'money',
              } satisfies ExportColumn,
            ]
          : []),
      ];
      const footer = ['Total', ...columns.slice(1).map(() => null)];
      if (shown) footer[columns.length - 1] = money(Number(totals.total));
      const range = `${body.dateRangeStart.slice(0, 10)}-${body.dateRangeEnd.slice(0, 10)}`;
      return streamExport(format, {
        fileName: `Clockify_Expense_Report_Detailed_${range}`,
        title: 'Expense report',
        subtitle: rangeLabel(scope),
        currency: scope.currency,
        columns,
        batches: expenseExportRows(session, scope, body),
        footer,
        totals: [
          `Expenses: ${totals.n}`,
          ...(shown
            ? [
                `Total: ${money(Number(totals.total))} ${scope.currency}`,
                `Billable: ${money(Number(totals.billable))} ${scope.currency}`,
              ]
            : []),
        ],
        dispose: () => session.close(),
      });
    } catch (error) {
      await session.close();
      throw error;
    }
  }
}
