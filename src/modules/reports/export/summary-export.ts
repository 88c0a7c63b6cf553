import { Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { inReportTransaction, resolveReportScope } from '../filter';
import type { SummaryReportFilterDto } from '../summary/dto/summary-report-filter.dto';
import type { GroupOneDto, TimeEntrySummaryReportDto } from '../summary/dto/summary-report.dto';
import { SummaryReportService } from '../summary/summary-report.service';
import { summaryGroupsOf } from '../summary/summary-report.sql';
import { decimalHours, type ExportCell, type ExportColumn, type ExportFormat, hms, money } from './export-table';
import { streamExport } from './report-export';

const GROUP_LABELS: Record<string, string> = {
  PROJECT: 'Project', CLIENT: 'Client', TASK: 'Task', TAG: 'Tag', USER: 'User', USER_GROUP: 'Group', DATE: 'Date',
  WEEK: 'Week', MONTH: 'Month', YEAR: 'Year', TIMEENTRY: 'Time entry',
};

/**
 * Exports of the summary report: the same JSON the endpoint answers (built by
 * PostgreSQL), flattened to one row per group of every level, each with its
 * parents' names, its duration and amount, then a Total row.
 */
@Injectable()
export class SummaryExportService {
  constructor(
    @InjectReportDataSource() private readonly dataSource: DataSource,
    private readonly summary: SummaryReportService,
  ) {}

  async export(ws: WorkspaceContext, body: SummaryReportFilterDto, format: ExportFormat): Promise<StreamableFile> {
    const scope = await inReportTransaction(this.dataSource, (manager) => resolveReportScope(manager, ws, body));
    const report = JSON.parse(await this.summary.generate(ws, body)) as TimeEntrySummaryReportDto;
    const groups = summaryGroupsOf(body);
    const showAmount = scope.amountShown !== null;
    const columns: ExportColumn[] = [
      ...groups.map((g) => ({ header: GROUP_LABELS[g] ?? g, width: 22 })),
      { header: 'Duration (h)', width: 12, numeric: true },
      { header: 'Duration (decimal)', width: 12, numeric: true, xlsxNumber: true },
      ...(showAmount ? [{ header: `Amount (${scope.currency})`, width: 12, numeric: true, xlsxNumber: true }] : []),
    ];
    const rows: ExportCell[][] = [];
    const walk = (nodes: GroupOneDto[], path: string[]) => {
      for (const node of nodes) {
        const names = [...path, node.name];
        const cells: ExportCell[] = groups.map((_, i) => names[i] ?? '');
        rows.push([...cells, hms(node.duration), decimalHours(node.duration), ...(showAmount ? [money(node.amount ?? 0)] : [])]);
        if (node.children?.length) walk(node.children, names);
      }
    };
    walk(report.groupOne, []);
    const totals = report.totals.at(0);
    const total = totals?.totalTime ?? 0;
    const range = `${body.dateRangeStart.slice(0, 10)}-${body.dateRangeEnd.slice(0, 10)}`;
    return streamExport(format, {
      fileName: `Clockify_Time_Report_Summary_${range}`,
      title: 'Summary report',
      subtitle: `${scope.start.toISOString().slice(0, 10)} – ${scope.end.toISOString().slice(0, 10)} (${scope.timeZone})`,
      columns,
      batches: [rows],
      footer: ['Total', ...groups.slice(1).map(() => ''), hms(total), decimalHours(total), ...(showAmount ? [money(totals?.totalAmount ?? 0)] : [])],
      totals: [
        `Total: ${hms(total)}`,
        `Billable: ${hms(totals?.totalBillableTime ?? 0)}`,
        ...(totals?.amounts ?? []).map((a) => `${a.type}: ${money(a.value)} ${scope.currency}`),
      ],
    });
  }
}
