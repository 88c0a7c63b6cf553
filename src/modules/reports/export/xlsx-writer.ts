import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ExportCell, ExportTable } from './export-table';

/** Writes the table with exceljs' streaming WorkbookWriter: each row is committed (flushed) as it comes. */
export async function writeXlsx(out: Writable, table: ExportTable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.title.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  const numeric = table.columns.map((c, i) => (c.xlsxNumber ? i : -1)).filter((i) => i >= 0);
  const cells = (row: ExportCell[]): ExportCell[] => {
    if (!numeric.length) return row;
    const copy = row.slice();
    for (const i of numeric) if (typeof copy[i] === 'string' && copy[i] !== '') copy[i] = Number(copy[i]);
    return copy;
  };
  for await (const batch of table.batches) {
    for (const row of batch) sheet.addRow(cells(row)).commit();
  }
  if (table.footer) sheet.addRow(cells(table.footer)).commit();
  sheet.commit();
  await workbook.commit();
}
