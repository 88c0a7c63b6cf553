import { type ChartSeries, dateIn, type Share } from './summary-chart';

/** A cell of an exported table: text, a number (amounts in currency units, decimal hours) or nothing. */
export type ExportCell = string | number | boolean | null;

/**
 * What a column holds, for XLSX cell types: `duration` is `hh:mm:ss` text
 * (written as a time value with an [h]:mm:ss format), `hours` decimal hours,
 * `money` an amount in the table's currency, `date` `YYYY-MM-DD` (a date cell),
 * `number` any other number.
 */
export type ExportKind = 'text' | 'date' | 'duration' | 'hours' | 'money' | 'number';

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
  /** PDF: the header when it differs (`Mon May 6` for a `2024-05-06` day column). */
  pdfHeader?: string;
  /** PDF: free text that may wrap onto more lines inside its cell (other columns keep their content's width). */
  wrap?: boolean;
  /** XLSX: false for a column whose Total row must not sum it (a rate). */
  total?: boolean;
  /** XLSX cell type (default text; `xlsxNumber` columns are numbers). */
  kind?: ExportKind;
}

/** The summary PDF's chart: bars over the range and each first-level group's share. */
export interface PdfChart {
  title: string;
  series: ChartSeries;
  /** A bar's or share's value as text (`12:30:00`, `1,250.00 USD`). */
  format: (value: number) => string;
  /** Units per axis step (3600 for seconds shown in hours, 100 for cents): ticks are round in these units. */
  scale: number;
  /** An axis tick as text (`8h`, `1,000`). */
  axis: (value: number) => string;
  shareTitle: string;
  shares: Share[];
}

/** A row of a PDF-only table: `level` 0 is a first-level group (drawn bold, as a subtotal), deeper levels are indented. */
export interface PdfRow {
  cells: ExportCell[];
  level: number;
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
  /** PDF: widest cell of each column in characters, measured by PostgreSQL for rows streamed from a cursor (0: empty, left out). */
  pdfColumnChars?: number[];
  /** PDF: a chart drawn above the table. */
  pdfChart?: PdfChart;
  /** PDF: its own table instead of the batches (a summary's groups as one indented column, subtotals in bold). */
  pdfTable?: { columns: ExportColumn[]; rows: PdfRow[]; footer?: ExportCell[] };
  /**
   * XLSX: the Total row sums only rows whose cell in this column is empty (the
   * summary's first-level groups, whose subgroup column is empty), not subtotals twice.
   */
  xlsxTotalWhereEmpty?: number;
  /** ISO code of the money columns (XLSX number format). */
  currency?: string;
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

/** A report's range as dates in its zone: `2024-05-01 – 2024-05-31 (UTC)`. */
export function rangeLabel(scope: { start: Date; end: Date; timeZone: string }): string {
  return `${dateIn(scope.start, scope.timeZone)} – ${dateIn(scope.end, scope.timeZone)} (${scope.timeZone})`;
}
