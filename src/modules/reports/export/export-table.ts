/** A cell of an exported table: text, a number (amounts in currency units, decimal hours) or nothing. */
export type ExportCell = string | number | boolean | null;

export interface ExportColumn {
  header: string;
  /** Relative width (characters) in XLSX and PDF. */
  width?: number;
  /** Right-aligned in PDF. */
  numeric?: boolean;
  /** Left out of the PDF (too wide for a page). */
  pdf?: boolean;
  /** Numeric text (decimal hours, amounts) written as a number cell in XLSX. */
  xlsxNumber?: boolean;
}

/**
 * What every export writes: columns, rows in batches (a cursor's batches for
 * the detailed report, so memory stays bounded), an optional last row of
 * totals, and totals as text lines for the PDF heading.
 */
export interface ExportTable {
  /** File name without extension, e.g. `Clockify_Time_Report_Detailed_2024-01-01-2024-01-31`. */
  fileName: string;
  /** PDF title, e.g. `Detailed report`. */
  title: string;
  /** PDF subtitle, e.g. the date range. */
  subtitle: string;
  columns: ExportColumn[];
  batches: AsyncIterable<ExportCell[][]> | Iterable<ExportCell[][]>;
  /** A last row (CSV, XLSX, PDF), e.g. Total. */
  footer?: ExportCell[];
  /** Lines printed under the PDF title, e.g. `Total: 12:30:00`. */
  totals: string[];
  /** Most rows a PDF shows (it is meant to be read); CSV and XLSX have no cap. */
  pdfRowLimit?: number;
  /** Releases what the rows came from (a cursor's connection), whether or not they were all read. */
  dispose?: () => Promise<void>;
}

export const EXPORT_FORMATS = ['CSV', 'XLSX', 'PDF'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Whether an `exportType` asks for a file rather than the JSON body. */
export function isFileExport(exportType: string | undefined): exportType is ExportFormat {
  return exportType !== undefined && (EXPORT_FORMATS as readonly string[]).includes(exportType);
}

/** Seconds as `hh:mm:ss` (hours unbounded), as Clockify's exports print durations. */
export function hms(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Seconds as decimal hours with two decimals (`1.50`). */
export function decimalHours(seconds: number): string {
  return (Math.round(seconds / 36) / 100).toFixed(2);
}

/** Integer cents as a decimal amount (`123.45`, `-0.50`), exactly. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
