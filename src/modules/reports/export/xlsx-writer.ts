import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ExportCell, ExportTable } from './export-table';
import { columnLetter, kindOf, xlsxCell, xlsxWidths } from './xlsx-cells';

const SAMPLE_ROWS = 1000;

/**
 * Writes the table with exceljs' streaming WorkbookWriter (each row committed,
 * i.e. flushed, as it comes, so memory stays bounded): typed cells (xlsx-cells.ts),
 * a bold frozen header with an autofilter over the rows, widths fitted to the
 * header and the first batch, and a Total row of SUM formulas (for a table that
 * has a footer, and for streamed tables with durations or amounts).
 */
export async function writeXlsx(out: Writable, table: ExportTable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.calcProperties = { fullCalcOnLoad: true };
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const kinds = table.columns.map(kindOf);
  const iterator =
    Symbol.asyncIterator in table.batches ? table.batches[Symbol.asyncIterator]() : toAsync(table.batches);
  // The first batch fixes the widths (columns are written before the first row).
  const first = await iterator.next();
  const firstBatch: ExportCell[][] = first.done ? [] : first.value;
  const widths = xlsxWidths(table.columns, [
    ...firstBatch.slice(0, SAMPLE_ROWS),
    ...(table.footer ? [table.footer] : []),
  ]);
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, width: widths[i] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();

  let rowNumber = 1;
  const write = (cells: ExportCell[], bold = false) => {
    const row = sheet.getRow(++rowNumber);
    cells.forEach((cell, i) => {
      const typed = xlsxCell(cell, kinds[i], table.currency);
      if (typed.value === null && !bold) return;
      const target = row.getCell(i + 1);
      target.value = typed.value;
      if (typed.numFmt) target.numFmt = typed.numFmt;
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for (const row of firstBatch) write(row);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    for (const row of next.value) write(row);
  }
  const lastData = rowNumber;
  const summed = kinds.map((k) => k === 'duration' || k === 'hours' || k === 'money');
  if (table.footer || !Array.isArray(table.batches)) {
    const footer: ExportCell[] = table.footer ?? table.columns.map((_, i) => (i === 0 ? 'Total' : null));
    const row = sheet.getRow(++rowNumber);
    footer.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      const typed = xlsxCell(cell, kinds[i], table.currency);
      // A column without a footer value has no total here either; a streamed table's totals have no cached result (computed on open).
      const formula =
        summed[i] && table.columns[i].total !== false && lastData > 1 && (table.footer ? typed.value !== null : true);
      if (formula) {
        const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${lastData}`;
        const criteria =
          table.xlsxTotalWhereEmpty === undefined
            ? null
            : `${columnLetter(table.xlsxTotalWhereEmpty + 1)}2:${columnLetter(table.xlsxTotalWhereEmpty + 1)}${lastData}`;
        const expression = criteria ? `SUMIFS(${range},${criteria},"")` : `SUM(${range})`;
        target.value =
          typed.value === null ? { formula: expression } : { formula: expression, result: typed.value as number };
        target.numFmt = xlsxCell(0, kinds[i], table.currency).numFmt ?? 'General';
      } else if (typed.value !== null) {
        target.value = typed.value;
        if (typed.numFmt) target.numFmt = typed.numFmt;
      }
    });
    row.font = { bold: true };
    row.commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, lastData), column: table.columns.length } };
  sheet.commit();
  await workbook.commit();
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
