import type { WeeklyResult } from '../weekly/weekly-report.service';
import { decimalHours, type ExportCell, type ExportTable, hms, money } from './export-table';

/** The weekly report as a table: a row per user or project, day columns in hh:mm:ss, a Total row. */
export function weeklyExportTable(result: WeeklyResult, byProject: boolean): ExportTable {
  const { report, days, scope } = result;
  const amountLabel = scope.amountShown ? `Amount (${scope.currency})` : null;
  const columns = [
    { header: byProject ? 'Project' : 'User', width: 22 },
    ...days.map((d) => ({ header: d, width: 11, numeric: true })),
    { header: 'Total', width: 11, numeric: true },
    { header: 'Total (decimal)', width: 11, numeric: true, pdf: false },
    ...(amountLabel ? [{ header: amountLabel, width: 12, numeric: true }] : []),
  ];
  const amount = (cents: number | null): ExportCell[] => (amountLabel ? [money(cents ?? 0)] : []);
  const rows: ExportCell[][] = [];
  for (const group of report.groupOne) {
    rows.push([group.name, ...group.days.map((d) => hms(d.duration)), hms(group.duration), decimalHours(group.duration), ...amount(group.amount)]);
  }
  const totals = report.totals.at(0);
  return {
    fileName: `Clockify_Time_Report_Weekly_${days[0]}-${days[days.length - 1]}`,
    title: 'Weekly report',
    subtitle: `${days[0]} – ${days[days.length - 1]} (${scope.timeZone})`,
    columns,
    batches: [rows],
    footer: ['Total', ...report.totalsByDay.map((d) => hms(d.duration)), hms(totals?.totalTime ?? 0), decimalHours(totals?.totalTime ?? 0), ...amount(totals?.totalAmount ?? 0)],
    totals: [
      `Total: ${hms(totals?.totalTime ?? 0)}`,
      `Billable: ${hms(totals?.totalBillableTime ?? 0)}`,
      ...(totals?.amounts ?? []).map((a) => `${a.type}: ${money(a.value)} ${scope.currency}`),
    ],
  };
}
