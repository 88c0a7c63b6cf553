import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ExportCell, ExportColumn, ExportTable } from './export-table';

const MARGIN = 36;
const ROW_HEIGHT = 14;
const FONT_SIZE = 8;
const DEFAULT_PDF_ROWS = 5000;

function text(cell: ExportCell): string {
  return cell === null ? '' : String(cell);
}

/**
 * A readable table (landscape A4): title, range and totals on top, a header row
 * repeated on each page, then the rows (at most `pdfRowLimit`) and the footer.
 * pdfkit's stream is piped to the response, so pages leave as they are made.
 */
export async function writePdf(out: Writable, table: ExportTable): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: false, info: { Title: table.title } });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('close', resolve);
    out.once('error', reject);
  });
  doc.pipe(out);

  const visible: [ExportColumn, number][] = table.columns.map((c, i): [ExportColumn, number] => [c, i]).filter(([c]) => c.pdf !== false);
  const usable = doc.page.width - 2 * MARGIN;
  const weight = visible.reduce((sum, [c]) => sum + (c.width ?? 16), 0);
  const widths = visible.map(([c]) => ((c.width ?? 16) / weight) * usable);

  const drawRow = (cells: ExportCell[], bold = false) => {
    if (doc.y + ROW_HEIGHT > doc.page.height - MARGIN) {
      doc.addPage();
      drawRow(visible.map(([c]) => c.header), true);
    }
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    visible.forEach(([column, index], k) => {
      doc.text(text(cells[index] ?? null), x + 2, y, {
        width: widths[k] - 4, height: ROW_HEIGHT, lineBreak: false, ellipsis: true, align: column.numeric ? 'right' : 'left',
      });
      x += widths[k];
    });
    doc.y = y + ROW_HEIGHT;
    doc.x = MARGIN;
  };

  doc.font('Helvetica-Bold').fontSize(16).text(table.title);
  doc.font('Helvetica').fontSize(10).text(table.subtitle);
  for (const line of table.totals) doc.text(line);
  doc.moveDown();
  drawRow(table.columns.map((c) => c.header), true);

  const limit = table.pdfRowLimit ?? DEFAULT_PDF_ROWS;
  let count = 0;
  let truncated = false;
  for await (const batch of table.batches) {
    for (const row of batch) {
      if (count >= limit) {
        truncated = true;
        break;
      }
      drawRow(row);
      count++;
    }
    if (truncated) break;
  }
  if (table.footer) drawRow(table.footer, true);
  if (truncated) {
    doc.moveDown().font('Helvetica-Oblique').fontSize(FONT_SIZE).text(`Only the first ${limit} rows are shown; export CSV or XLSX for all of them.`, MARGIN);
  }
  doc.end();
  await finished;
}
