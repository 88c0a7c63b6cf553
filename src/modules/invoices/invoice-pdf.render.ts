import PDFDocument from 'pdfkit';
import { measureColumns, PdfTable, type PdfTableColumn, pdfSafe, widestCells } from '../../common/pdf/pdf-table';
import { fitColumns } from '../../common/pdf/table-layout';
import type { InvoiceOverviewDto } from './dto/invoice.dto';
import type { InvoiceSettingsDto } from './dto/invoice-settings.dto';
import type { InvoicePaymentLine } from './invoice-document.store';

export interface InvoiceDocument {
  invoice: InvoiceOverviewDto;
  settings: InvoiceSettingsDto;
  payments: InvoicePaymentLine[];
  logo: Buffer | null;
  locale: string;
}

const MARGIN = 50;
const FOOTER = 28;
const FONTS = { body: 'Helvetica', bold: 'Helvetica-Bold', size: 9 };
const MUTED = '#52606d';

/** Cents in the invoice's currency, as the locale writes money (`USD 1,234.50`, `1.234,50 EUR`). */
export function formatMoney(cents: number, currency: string, locale: string): string {
  let text: string;
  try {
    text = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(cents / 100);
  } catch {
    // Not an ISO 4217 code: the code in front, digits grouped as the locale groups them.
    text = `${currency} ${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)}`;
  }
  return pdfSafe(text);
}

/** Hundredths as a quantity (`150` → `1.5`). */
export function formatQuantity(hundredths: number, locale: string): string {
  return pdfSafe(new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(hundredths / 100));
}

/** An instant's calendar date (UTC, as the invoice stores dates) as the locale writes it. */
export function formatDate(instant: string | null, locale: string): string {
  if (!instant) return '';
  return pdfSafe(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(instant)));
}

/** Percent as the locale writes it (`8`, `10.5`). */
function formatPercent(percent: number, locale: string): string {
  return `${pdfSafe(new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(percent))}%`;
}

/**
 * The invoice as a PDF a client can receive (A4): logo and sender, client and
 * dates, subject, the items table (descriptions wrap inside their cell, the
 * header repeats on every page), totals with discount and taxes, payments and
 * the balance due, notes, and "page n of m" on every page. An invoice is small,
 * so it is rendered in memory (pages buffered for the page count).
 */
export function renderInvoicePdf(docData: InvoiceDocument): Promise<Buffer> {
  const { invoice, settings, payments, logo, locale } = docData;
  const { labels, exportFields: fields } = settings;
  // Uncompressed content streams keep the text searchable by simple tools (and tests).
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: false,
    bufferPages: true,
    info: { Title: `Invoice ${invoice.number}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (cents: number) => formatMoney(cents, invoice.currency, locale);
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - FOOTER;

  // Heading: logo left, title and number right.
  let logoBottom = MARGIN;
  if (logo) {
    try {
      doc.image(logo, left, MARGIN, { fit: [150, 60] });
      logoBottom = MARGIN + 64;
    } catch {
      // An image pdfkit cannot read is left out rather than failing the invoice.
    }
  }
  doc.font('Helvetica-Bold').fontSize(22).fillColor('#1f2933').text('INVOICE', left, MARGIN, { width, align: 'right' });
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(MUTED)
    .text(`# ${invoice.number}`, left, doc.y, { width, align: 'right' });
  let y = Math.max(logoBottom, doc.y) + 18;

  // Sender, client and dates in three columns.
  const third = width / 3;
  const block = (x: number, label: string, lines: string[]) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(8)
      .fillColor(MUTED)
      .text(label, x, y, { width: third - 10 });
    doc.font('Helvetica').fontSize(10).fillColor('#1f2933');
    lines
      .filter((l) => l.trim())
      .forEach((line, i) =>
        doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').text(line, x, doc.y, { width: third - 10 }),
      );
    return doc.y;
  };
  const fromBottom = block(left, labels.billFrom, (invoice.billFrom || '').split(/\r?\n/));
  const toBottom = block(left + third, labels.billTo, [
    invoice.clientName,
    ...(invoice.clientAddress ?? '').split(/\r?\n/),
  ]);
  doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED);
  const dates: [string, string][] = [
    [labels.issueDate, formatDate(invoice.issuedDate, locale)],
    [labels.dueDate, formatDate(invoice.dueDate, locale)],
  ];
  let dateY = y;
  for (const [label, value] of dates) {
    doc
      .font('Helvetica-Bold')
      .fontSize(8)
      .fillColor(MUTED)
      .text(label, left + 2 * third, dateY, { width: third, align: 'right' });
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#1f2933')
      .text(value, left + 2 * third, doc.y, { width: third, align: 'right' });
    dateY = doc.y + 6;
  }
  y = Math.max(fromBottom, toBottom, dateY) + 16;
  if (invoice.subject) {
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#1f2933').text(invoice.subject, left, y, { width });
    y = doc.y + 10;
  }

  // Items.
  type Item = InvoiceOverviewDto['items'][number];
  const columns: (PdfTableColumn & { value: (i: Item) => string })[] = [
    { header: labels.description, wrap: true, value: (i) => i.description },
    ...(fields.itemType ? [{ header: labels.itemType, value: (i: Item) => i.itemType }] : []),
    ...(fields.quantity
      ? [{ header: labels.quantity, align: 'right' as const, value: (i: Item) => formatQuantity(i.quantity, locale) }]
      : []),
    ...(fields.unitPrice
      ? [{ header: labels.unitPrice, align: 'right' as const, value: (i: Item) => money(i.unitPrice) }]
      : []),
    { header: labels.amount, align: 'right', value: (i) => money(i.amount) },
  ];
  const rows = invoice.items.map((item) => columns.map((c) => c.value(item)));
  const measured = measureColumns(
    doc,
    columns,
    widestCells(
      doc,
      rows.map((cells) => ({ cells })),
      columns.length,
      FONTS,
    ),
    FONTS,
  );
  // Headers stay on one line: a header's whole width is the least its column gets.
  const layout = fitColumns(
    measured.map((m) => ({ ...m, headerWord: m.headerLine })),
    { portrait: width, landscape: width },
  );
  const table = new PdfTable(doc, columns, layout.widths, left, FONTS, 1000);
  const newPage = () => {
    doc.addPage();
    return MARGIN;
  };
  if (y + table.headerHeight() + table.rowHeight(rows[0] ?? ['']) > bottom()) y = newPage();
  y += table.drawHeader(y);
  rows.forEach((cells, i) => {
    const height = table.rowHeight(cells);
    if (y + height > bottom()) y = newPage() + table.drawHeader(MARGIN);
    y += table.drawRow(y, cells, { fill: i % 2 ? '#f9fafb' : undefined });
  });
  if (!rows.length) y += table.drawRow(y, ['—']);

  // Totals, right-aligned in two columns (label, amount).
  const totals: { label: string; value: string; bold?: boolean; rule?: boolean }[] = [
    { label: labels.subtotal, value: money(invoice.subtotal) },
  ];
  const showZero = (field: 'DISCOUNT' | 'TAX' | 'TAX_2') => invoice.visibleZeroFields.includes(field);
  if (invoice.discountAmount || showZero('DISCOUNT'))
    totals.push({
      label: `${labels.discount} (${formatPercent(invoice.discount, locale)})`,
      value: money(-invoice.discountAmount),
    });
  if (invoice.taxType !== 'NONE') {
    if (fields.tax && (invoice.taxAmount || showZero('TAX')))
      totals.push({ label: `${labels.tax} (${formatPercent(invoice.tax, locale)})`, value: money(invoice.taxAmount) });
    if (fields.tax2 && (invoice.tax2Amount || showZero('TAX_2')))
      totals.push({
        label: `${labels.tax2} (${formatPercent(invoice.tax2, locale)})`,
        value: money(invoice.tax2Amount),
      });
  }
  totals.push({ label: labels.total, value: money(invoice.amount), bold: true, rule: true });
  for (const p of payments) {
    totals.push({ label: `${formatDate(p.paidAt, locale)}${p.note ? ` · ${p.note}` : ''}`, value: money(p.amount) });
  }
  totals.push({ label: labels.paid, value: money(invoice.paid) });
  totals.push({ label: labels.totalAmount, value: money(invoice.balance), bold: true, rule: true });

  doc.font('Helvetica-Bold').fontSize(10);
  const valueWidth = Math.max(...totals.map((t) => doc.widthOfString(t.value))) + 8;
  const labelWidth = Math.min(width - valueWidth, 300);
  const totalsLeft = left + width - valueWidth - labelWidth;
  y += 10;
  for (const line of totals) {
    doc.font(line.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    const height = doc.heightOfString(line.label, { width: labelWidth - 8 }) + 6;
    if (y + height > bottom()) y = newPage();
    if (line.rule)
      doc
        .save()
        .moveTo(totalsLeft, y)
        .lineTo(left + width, y)
        .lineWidth(0.7)
        .stroke('#9aa5b1')
        .restore();
    doc.fillColor('#1f2933').text(line.label, totalsLeft, y + 3, { width: labelWidth - 8, align: 'right' });
    doc.text(line.value, totalsLeft + labelWidth, y + 3, { width: valueWidth, align: 'right' });
    y += height;
  }

  if (invoice.note) {
    y += 18;
    doc.font('Helvetica').fontSize(9);
    if (y + 30 > bottom()) y = newPage();
    doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED).text(labels.notes, left, y, { width });
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#1f2933')
      .text(invoice.note, left, doc.y + 2, { width });
  }

  // Footer on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a page: lift the margin while the footer is drawn.
    doc.page.margins.bottom = 0;
    const footerY = doc.page.height - MARGIN - 10;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(`${invoice.number} · ${invoice.clientName}`, left, footerY, { width: width / 2, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, left + width / 2, footerY, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
