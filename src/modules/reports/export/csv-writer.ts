import type { Writable } from 'node:stream';
import type { ExportCell, ExportTable } from './export-table';
import { writeChunk } from './stream-utils';

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field (RFC 4180); text starting with = + - @ is left as is: the file is data, not formulas. */
export function csvField(value: ExportCell): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ExportCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Writes the table as CSV, one chunk per batch, waiting for the socket to drain (bounded memory). */
export async function writeCsv(out: Writable, table: ExportTable): Promise<void> {
  await writeChunk(out, csvLine(table.columns.map((c) => c.header)));
  for await (const batch of table.batches) {
    let chunk = '';
    for (const row of batch) chunk += csvLine(row);
    if (chunk) await writeChunk(out, chunk);
  }
  if (table.footer) await writeChunk(out, csvLine(table.footer));
}
