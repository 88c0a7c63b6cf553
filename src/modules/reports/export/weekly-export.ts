import type { WeeklyResult } from '../weekly/weekly-report.service';
import { decimalHours, type ExportCell, type ExportColumn, type ExportTable, hms, money } from './export-table';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-05-06` as `Mon May 6` (the PDF's day headers). */
function dayHeader(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[day.getUTCDay()]} ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}`;
}

/** The weekly report as a table: a row per user or project, day columns in hh:mm:ss, a Total row. */
export function weeklyExportTable(result: WeeklyResult, byProject: boolean): ExportTable {
  const { report, days, scope } = result;
  const amountLabel = scope.amountShown ? `Amount (${scope.currency})` : null;
  const columns: ExportColumn[] = [
    { header: byProject ? 'Project' : 'User', width: 22, wrap: true },
    ...days.map((d): ExportColumn => ({
      header: d,
      pdfHeader: dayHeader(d),
      width: 11,
      numeric: true,
      kind: 'duration',
    })),
    { header: 'Total', width: 11, numeric: true, kind: 'duration' },
    { header: 'Total (decimal)', width: 11, numeric: true, pdf: false, kind: 'hours' },
    ...(amountLabel ? [{ header: amountLabel, width: 12, numeric: true, kind: 'money' } satisfies ExportColumn] : []),
  ];
  const amount = (cents: number | null): ExportCell[] => (amountLabel ? [money(cents ?? 0)] : []);
  const rows: ExportCell[][] = [];
  for (const group of report.groupOne) {
    rows.push([
      group.name,
      ...group.days.map((d) => hms(d.duration)),
      hms(group.duration),
      decimalHours(group.duration),
      ...amount(group.amount),
    ]);
  }
  const totals = report.totals.at(0);
  return {
    fileName: `Clockify_Time_Report_Weekly_${days[0]}-${days[days.length - 1]}`,
    title: 'Weekly report',
    subtitle: `${days[0]} – ${days[days.length - 1]} (${scope.timeZone})`,
    currency: scope.currency,
    columns,
    batches: [rows],
    footer: [
      'Total',
      ...report.totalsByDay.map((d) => hms(d.duration)),
      hms(totals?.totalTime ?? 0),
      decimalHours(totals?.totalTime ?? 0),
      ...amount(totals?.totalAmount ?? 0),
    ],
    totals: [
      `Total: ${hms(totals?.totalTime ?? 0)}`,
      `Billable: ${hms(totals?.totalBillableTime ?? 0)}`,
      ...(totals?.amounts ?? []).map((a) => `${a.type}: ${money(a.value)} ${scope.currency}`),
    ],
  };
}
