import { Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { inReportTransaction, type ReportScope, resolveReportScope } from '../filter';
import type { SummaryReportFilterDto } from '../summary/dto/summary-report-filter.dto';
import type { GroupOneDto, TimeEntrySummaryReportDto } from '../summary/dto/summary-report.dto';
import { SummaryReportService } from '../summary/summary-report.service';
import { summaryGroupsOf } from '../summary/summary-report.store';
import {
  decimalHours,
  type ExportCell,
  type ExportColumn,
  type ExportFormat,
  type ExportTable,
  hms,
  money,
  type PdfRow,
  rangeLabel,
} from './export-table';
import { streamExport } from './report-export';
import { chartSeries, dateIn, shares } from './summary-chart';

const GROUP_LABELS: Record<string, string> = {
  PROJECT: 'Project',
  CLIENT: 'Client',
  TASK: 'Task',
  TAG: 'Tag',
  USER: 'User',
  USER_GROUP: 'Group',
  DATE: 'Date',
  WEEK: 'Week',
  MONTH: 'Month',
  YEAR: 'Year',
  TIMEENTRY: 'Time entry',
};

/** Whole hours for a chart axis (`8h`, `1.5h`). */
function axisHours(seconds: number): string {
  return `${Math.round((seconds / 3600) * 10) / 10}h`;
}

/**
 * The summary report as export tables: for CSV and XLSX one row per group of
 * every level, each with its parents' names, its duration and amount, then a
 * Total row; for the PDF a chart (time or the shown amount per day, per week
 * past 62 days), each first-level group's share, and a table of the groups in
 * one indented column with the first level in bold as subtotals.
 */
export function summaryExportTable(
  report: TimeEntrySummaryReportDto,
  scope: ReportScope,
  groups: string[],
  range: string,
): ExportTable {
  const showAmount = scope.amountShown !== null;
  const currency = scope.currency;
  const columns: ExportColumn[] = [
    ...groups.map((g): ExportColumn => ({ header: GROUP_LABELS[g] ?? g, width: 22, wrap: true })),
    { header: 'Duration (h)', width: 12, numeric: true, kind: 'duration' },
    { header: 'Duration (decimal)', width: 12, numeric: true, xlsxNumber: true, kind: 'hours' },
    ...(showAmount
      ? [
          {
            header: `Amount (${currency})`,
            width: 12,
            numeric: true,
            xlsxNumber: true,
            kind: 'money',
          } satisfies ExportColumn,
        ]
      : []),
  ];
  const totals = report.totals.at(0);
  const total = totals?.totalTime ?? 0;
  const valueOf = (node: { duration: number; amount: number | null }) =>
    showAmount ? (node.amount ?? 0) : node.duration;
  const grand = showAmount ? (totals?.totalAmount ?? 0) : total;
  const share = (node: GroupOneDto) => (grand > 0 ? `${((valueOf(node) / grand) * 100).toFixed(1)}%` : '');
  const rows: ExportCell[][] = [];
  const pdfRows: PdfRow[] = [];
  const walk = (nodes: GroupOneDto[], path: string[]) => {
    for (const node of nodes) {
      const names = [...path, node.name];
      const amount = showAmount ? [money(node.amount ?? 0)] : [];
      rows.push([...groups.map((_, i) => names[i] ?? ''), hms(node.duration), decimalHours(node.duration), ...amount]);
      pdfRows.push({
        cells: [
          node.name || '(Without name)',
          hms(node.duration),
          decimalHours(node.duration),
          ...amount,
          path.length ? '' : share(node),
        ],
        level: path.length,
      });
      if (node.children?.length) walk(node.children, names);
    }
  };
  walk(report.groupOne, []);
  const totalAmount = showAmount ? [money(totals?.totalAmount ?? 0)] : [];
  const first = dateIn(scope.start, scope.timeZone);
  const last = dateIn(scope.end, scope.timeZone);
  const perDay = new Map(report.chart.map((d) => [d.id, showAmount ? (d.totalAmount ?? 0) : d.totalTime]));
  const series = chartSeries(perDay, first, last, scope.weekStart);
  const format = showAmount ? (cents: number) => `${money(cents)} ${currency}` : hms;
  const label = groups.map((g) => GROUP_LABELS[g] ?? g).join(' / ');
  return {
    fileName: `Clockify_Time_Report_Summary_${range}`,
    title: 'Summary report',
    subtitle: rangeLabel(scope),
    columns,
    batches: [rows],
    footer: ['Total', ...groups.slice(1).map(() => ''), hms(total), decimalHours(total), ...totalAmount],
    totals: [
      `Total: ${hms(total)}`,
      `Billable: ${hms(totals?.totalBillableTime ?? 0)}`,
      ...(totals?.amounts ?? []).map((a) => `${a.type}: ${money(a.value)} ${currency}`),
    ],
    currency,
    ...(groups.length > 1 ? { xlsxTotalWhereEmpty: 1 } : {}),
    pdfChart: {
      title: `${showAmount ? `Amount (${currency})` : 'Time'} per ${series.unit}`,
      series,
      format,
      scale: showAmount ? 100 : 3600,
      axis: showAmount
        ? (cents) => new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(cents / 100)
        : axisHours,
      shareTitle: `Share by ${(GROUP_LABELS[groups[0]] ?? groups[0]).toLowerCase()}`,
      shares: shares(
        report.groupOne.map((g) => ({ name: g.name || '(Without name)', value: valueOf(g), color: g.color })),
      ),
    },
    pdfTable: {
      columns: [
        { header: label, wrap: true },
        { header: 'Duration (h)', numeric: true },
        { header: 'Duration (decimal)', numeric: true },
        ...(showAmount ? [{ header: `Amount (${currency})`, numeric: true }] : []),
        { header: 'Share', numeric: true },
      ],
      rows: pdfRows,
      footer: ['Total', hms(total), decimalHours(total), ...totalAmount, grand > 0 ? '100.0%' : ''],
    },
  };
}

/** Exports of the summary report: the same JSON the endpoint answers (built by PostgreSQL), as tables (summaryExportTable). */
@Injectable()
export class SummaryExportService {
  constructor(
    @InjectReportDataSource() private readonly dataSource: DataSource,
    private readonly summary: SummaryReportService,
  ) {}

  async export(ws: WorkspaceContext, body: SummaryReportFilterDto, format: ExportFormat): Promise<StreamableFile> {
    const scope = await inReportTransaction(this.dataSource, (manager) => resolveReportScope(manager, ws, body));
    const report = JSON.parse(await this.summary.generate(ws, body)) as TimeEntrySummaryReportDto;
    const range = `${body.dateRangeStart.slice(0, 10)}-${body.dateRangeEnd.slice(0, 10)}`;
    return streamExport(format, summaryExportTable(report, scope, summaryGroupsOf(body), range));
  }
}
