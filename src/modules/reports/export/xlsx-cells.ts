import type { ExportCell, ExportColumn, ExportKind } from './export-table';

/** What an XLSX cell gets: a typed value (a number, a Date) and its number format. */
export interface XlsxCell {
  value: string | number | Date | null;
  numFmt?: string;
}

export const DURATION_FORMAT = '[h]:mm:ss';
export const HOURS_FORMAT = '0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
const HMS = /^(\d+):([0-5]\d):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The number format of a money column: grouped, two decimals, the ISO code after (`#,##0.00 "EUR"`). */
export function moneyFormat(currency: string | undefined): string {
  const code = (currency ?? '').replace(/[^A-Za-z]/g, '').slice(0, 3);
  return code ? `#,##0.00 "${code}"` : '#,##0.00';
}

export function kindOf(column: ExportColumn): ExportKind {
  return column.kind ?? (column.xlsxNumber ? 'number' : 'text');
}

/** `hh:mm:ss` (hours unbounded) as a fraction of a day, Excel's time value; null when it is not one. */
export function durationValue(text: string): number | null {
  const match = HMS.exec(text);
  if (!match) return null;
  return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) / 86_400;
}

/**
 * A table cell typed for XLSX by its column's kind: durations become time
 * values (`[h]:mm:ss`, so 30:00:00 stays 30 hours), decimal hours and money
 * numbers with their format, dates date cells; anything that does not parse
 * stays text, as CSV has it.
 */
export function xlsxCell(cell: ExportCell, kind: ExportKind, currency?: string): XlsxCell {
  if (cell === null || cell === '') return { value: null };
  if (typeof cell === 'boolean') return { value: cell ? 'Yes' : 'No' };
  const text = String(cell);
  switch (kind) {
    case 'duration': {
      const value = typeof cell === 'number' ? cell / 86_400 : durationValue(text);
      return value === null ? { value: text } : { value, numFmt: DURATION_FORMAT };
    }
    case 'hours':
    case 'money':
    case 'number': {
      const value = typeof cell === 'number' ? cell : Number(text);
      if (!Number.isFinite(value) || text.trim() === '') return { value: text };
      const numFmt = kind === 'hours' ? HOURS_FORMAT : kind === 'money' ? moneyFormat(currency) : undefined;
      return { value, numFmt };
    }
    case 'date':
      return DATE.test(text) ? { value: new Date(`${text}T00:00:00Z`), numFmt: DATE_FORMAT } : { value: text };
    default:
      return { value: typeof cell === 'number' ? cell : text };
  }
}

/** Column letters of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Column widths in characters that fit the header and the widest sampled cell (capped so free text stays readable). */
export function xlsxWidths(columns: ExportColumn[], sample: ExportCell[][]): number[] {
  return columns.map((column, i) => {
    const kind = kindOf(column);
    const fixed = kind === 'duration' ? 10 : kind === 'date' ? 11 : kind === 'money' ? 14 : kind === 'hours' ? 9 : 0;
    const content = Math.max(
      0,
      ...sample.map((row) => (row[i] === null || row[i] === undefined ? 0 : String(row[i]).length)),
    );
    return Math.min(60, Math.max(column.header.length + 2, fixed, content + 2));
  });
}
