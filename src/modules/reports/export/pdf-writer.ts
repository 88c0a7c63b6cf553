import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import {
  DEFAULT_FONTS,
  measureColumns,
  PdfTable,
  type PdfTableColumn,
  pdfSafe,
  widestCells,
} from '../../../common/pdf/pdf-table';
import { fitColumns } from '../../../common/pdf/table-layout';
import type { ExportCell, ExportColumn, ExportTable, PdfRow } from './export-table';
import { drawChart } from './pdf-chart';
import { waitForDrain } from './stream-utils';

const MARGIN = 36;
const A4 = { width: 595.28, height: 841.89 };
/** Most rows a PDF shows (it is meant to be read; CSV and XLSX have all of them). */
export const PDF_ROWS = 10_000;
/** Average Helvetica glyph width in ems, to turn a character count measured by PostgreSQL into points. */
const EM_PER_CHAR = 0.56;
const INDENT = 10;
/** Pages wait for the client when this much PDF is waiting to be sent. */
const HIGH_WATER = 512 * 1024;
const INK = '#1f2933';
const MUTED = '#52606d';

function text(cell: ExportCell | undefined): string {
  return cell === null || cell === undefined ? '' : pdfSafe(String(cell));
}

interface Source {
  columns: ExportColumn[];
  /** Rows in memory (summary, weekly) or streamed (detailed, expenses). */
  rows: PdfRow[] | null;
  footer?: ExportCell[];
}

/**
 * A report as a PDF people read: on every page the title, range and totals on
 * top and the page number at the bottom; the summary's chart on the first page;
 * then the table with its header repeated on each page. Columns are sized to
 * their content (measured here for rows in memory, by PostgreSQL for streamed
 * rows), empty columns are left out, headers wrap only between words, and the
 * page turns landscape when portrait is too narrow. Pages go to the client as
 * they are finished (pdfkit without buffered pages), waiting while the client
 * is slower, so memory stays bounded whatever the row count.
 */
export async function writePdf(out: Writable, table: ExportTable): Promise<void> {
  const source: Source = table.pdfTable
    ? { columns: table.pdfTable.columns, rows: table.pdfTable.rows, footer: table.pdfTable.footer }
    : {
        columns: table.columns,
        rows: Array.isArray(table.batches)
          ? (table.batches as ExportCell[][][]).flat().map((cells) => ({ cells, level: 0 }))
          : null,
        footer: table.footer,
      };
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: false,
    info: { Title: table.title },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('close', resolve);
    out.once('error', reject);
  });
  doc.pipe(out);

  // Which columns, how wide, which orientation.
  const fonts = DEFAULT_FONTS;
  const candidates = source.columns
    .map((c, i) => ({ column: c, index: i }))
    .filter(({ column }) => column.pdf !== false);
  let contentWidths: number[];
  if (source.rows) {
    const levels = hasLevels(source.rows);
    const measured = source.rows.map((r) => ({
      cells: candidates.map(({ index }) => text(r.cells[index])),
      bold: r.level === 0 && levels,
      indent: r.level * INDENT,
    }));
    if (source.footer)
      measured.push({ cells: candidates.map(({ index }) => text(source.footer?.[index])), bold: true, indent: 0 });
    contentWidths = widestCells(doc, measured, candidates.length, fonts);
  } else {
    contentWidths = candidates.map(({ index }) => (table.pdfColumnChars?.[index] ?? 12) * EM_PER_CHAR * fonts.size);
  }
  const emptyInRows = (k: number) =>
    source.rows
      ? source.rows.every((r) => text(r.cells[candidates[k].index]) === '')
      : table.pdfColumnChars?.[candidates[k].index] === 0;
  const empty = candidates.map((_, k) => emptyInRows(k));
  // Nothing to show at all: keep every column, so the empty table still says what it would hold.
  const keep = empty.every((e, k) => e || k === 0) ? candidates.map(() => true) : empty.map((e, k) => k === 0 || !e);
  const visible = candidates.filter((_, k) => keep[k]);
  const columns: PdfTableColumn[] = visible.map(({ column }) => ({
    header: column.pdfHeader ?? column.header,
    align: column.numeric ? 'right' : 'left',
    wrap: column.wrap ?? false,
  }));
  const layout = fitColumns(
    measureColumns(
      doc,
      columns,
      contentWidths.filter((_, k) => keep[k]),
      fonts,
    ),
    { portrait: A4.width - 2 * MARGIN, landscape: A4.height - 2 * MARGIN },
  );
  const pageSize = layout.landscape ? { width: A4.height, height: A4.width } : A4;
  const grid = new PdfTable(doc, columns, layout.widths, MARGIN, fonts, 3);
  const bottom = pageSize.height - MARGIN - 14;
  const cells = (row: ExportCell[]) => visible.map(({ index }) => text(row[index]));

  let page = 0;
  const startPage = (): number => {
    doc.addPage({ size: 'A4', layout: layout.landscape ? 'landscape' : 'portrait', margin: MARGIN });
    page++;
    return pageHeading(doc, table, page, pageSize.width);
  };
  const drain = async () => {
    if (doc.readableLength < HIGH_WATER && !out.writableNeedDrain) return;
    await waitForDrain(out);
  };

  let y = startPage();
  if (table.pdfChart) y = drawChart(doc, table.pdfChart, MARGIN, y, pageSize.width - 2 * MARGIN) + 12;
  if (y + grid.headerHeight() + 20 > bottom) y = startPage();
  y += grid.drawHeader(y);

  const place = async (cellsOf: string[], options: { bold?: boolean; indent?: number; fill?: string } = {}) => {
    const height = grid.rowHeight(cellsOf, options.bold, options.indent);
    if (y + height > bottom) {
      await drain();
      y = startPage();
      y += grid.drawHeader(y);
    }
    y += grid.drawRow(y, cellsOf, options);
  };

  const limit = table.pdfRowLimit ?? PDF_ROWS;
  let count = 0;
  let truncated = false;
  if (source.rows) {
    const levels = hasLevels(source.rows);
    for (const row of source.rows) {
      if (count++ >= limit) {
        truncated = true;
        break;
      }
      await place(
        cells(row.cells),
        levels
          ? { bold: row.level === 0, indent: row.level * INDENT, fill: row.level === 0 ? '#f5f7fa' : undefined }
          : {},
      );
    }
  } else {
    for await (const batch of table.batches) {
      for (const row of batch) {
        if (count++ >= limit) {
          truncated = true;
          break;
        }
        await place(cells(row));
      }
      if (truncated) break;
    }
  }
  if (source.footer) await place(cells(source.footer), { bold: true, fill: '#eef1f5' });
  if (truncated) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(fonts.size)
      .fillColor(MUTED)
      .text(`Only the first ${limit} rows are shown; export CSV or XLSX for all of them.`, MARGIN, y + 6, {
        lineBreak: false,
      });
  }
  doc.end();
  await finished;
}

function hasLevels(rows: PdfRow[]): boolean {
  return rows.some((r) => r.level > 0);
}

/** Title and range, totals, and the page number: drawn on every page; returns where the content starts. */
function pageHeading(doc: PDFKit.PDFDocument, table: ExportTable, page: number, pageWidth: number): number {
  const width = pageWidth - 2 * MARGIN;
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .fillColor(INK)
    .text(table.title, MARGIN, MARGIN, { width: width / 2, lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(pdfSafe(table.subtitle), MARGIN + width / 2, MARGIN + 4, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .fillColor(INK)
    .text(pdfSafe(table.totals.join('     ')), MARGIN, MARGIN + 20, { width });
  const y = doc.y + 6;
  doc
    .save()
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width, y)
    .lineWidth(0.7)
    .stroke('#9aa5b1')
    .restore();
  // The footer sits in the bottom margin: lift it while drawing so pdfkit does not start a page.
  const bottomMargin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(`Page ${page}`, MARGIN, doc.page.height - MARGIN + 4, { width, align: 'right', lineBreak: false });
  doc.page.margins.bottom = bottomMargin;
  doc.fillColor('black');
  return y + 8;
}
