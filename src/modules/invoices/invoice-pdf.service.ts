import { BadRequestException, Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import type { InvoiceOverviewDto } from './dto/invoice.dto';
import type { InvoiceSettingsDto } from './dto/invoice-settings.dto';
import { InvoiceSettingsService, toSettingsDto } from './invoice-settings.service';
import { InvoiceStore } from './invoice-store';

const LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/** Cents as `USD 1,234.50`, digits grouped as the locale groups them. */
export function formatMoney(cents: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${currency} ${format.format(cents / 100)}`;
}

/** Hundredths as a quantity (`150` → `1.5`). */
function formatQuantity(hundredths: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(hundredths / 100);
}

/** A supported locale for `userLocale` (`en`, `de-DE`, `pt_BR`); 400 when malformed. */
export function resolveLocale(userLocale: string | undefined): string {
  if (!userLocale) return 'en';
  if (!LOCALE.test(userLocale)) throw new BadRequestException('userLocale must be a locale such as en or de-DE');
  const tag = userLocale.replace(/_/g, '-');
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? 'en';
  } catch {
    throw new BadRequestException('userLocale must be a locale such as en or de-DE');
  }
}

/** GET invoices/{id}/export: the invoice as a PDF, with the workspace's labels and export fields. */
@Injectable()
export class InvoicePdfService {
  constructor(
    private readonly store: InvoiceStore,
    private readonly settings: InvoiceSettingsService,
  ) {}

  async export(workspaceId: string, invoiceId: string, userLocale: string | undefined): Promise<{ number: string; pdf: Buffer }> {
    const locale = resolveLocale(userLocale);
    const { invoice, settings } = await this.store.dataSource.transaction(async (manager) => ({
      invoice: await this.store.overview(manager, workspaceId, invoiceId),
      settings: toSettingsDto(await this.settings.row(manager, workspaceId)),
    }));
    return { number: invoice.number, pdf: await render(invoice, settings, locale) };
  }
}

function render(invoice: InvoiceOverviewDto, settings: InvoiceSettingsDto, locale: string): Promise<Buffer> {
  // Uncompressed content streams keep the text searchable by simple tools (and tests).
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: false, info: { Title: `Invoice ${invoice.number}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { labels, exportFields: fields } = settings;
  const money = (cents: number) => formatMoney(cents, invoice.currency, locale);
  const date = (instant: string | null) => (instant ? instant.slice(0, 10) : '');

  doc.font('Helvetica-Bold').fontSize(20).text(`INVOICE ${invoice.number}`);
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  doc.text(`${labels.issueDate}: ${date(invoice.issuedDate)}`);
  doc.text(`${labels.dueDate}: ${date(invoice.dueDate)}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text(labels.billFrom).font('Helvetica').text(invoice.billFrom || ' ');
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').text(labels.billTo).font('Helvetica').text(invoice.clientName || ' ');
  if (invoice.clientAddress) doc.text(invoice.clientAddress);
  if (invoice.subject) doc.moveDown().font('Helvetica-Bold').text(invoice.subject).font('Helvetica');
  doc.moveDown();

  const columns: { label: string; width: number; value: (i: InvoiceOverviewDto['items'][number]) => string }[] = [
    { label: labels.description, width: 190, value: (i) => i.description },
    ...(fields.itemType ? [{ label: labels.itemType, width: 70, value: (i: InvoiceOverviewDto['items'][number]) => i.itemType }] : []),
    ...(fields.quantity ? [{ label: labels.quantity, width: 55, value: (i: InvoiceOverviewDto['items'][number]) => formatQuantity(i.quantity, locale) }] : []),
    ...(fields.unitPrice ? [{ label: labels.unitPrice, width: 90, value: (i: InvoiceOverviewDto['items'][number]) => money(i.unitPrice) }] : []),
    { label: labels.amount, width: 90, value: (i) => money(i.amount) },
  ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = doc.page.margins.left;
    let bottom = y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((cell, index) => {
      doc.text(cell, x, y, { width: columns[index].width - 6 });
      bottom = Math.max(bottom, doc.y);
      x += columns[index].width;
    });
    doc.x = doc.page.margins.left;
    doc.y = bottom + 4;
  };
  row(columns.map((c) => c.label), true);
  for (const item of invoice.items) row(columns.map((c) => c.value(item)));

  doc.moveDown();
  const total = (label: string, cents: number, bold = false) =>
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(`${label}: ${money(cents)}`, { align: 'right' });
  total(labels.subtotal, invoice.subtotal);
  if (invoice.discountAmount || invoice.visibleZeroFields.includes('DISCOUNT')) total(`${labels.discount} (${invoice.discount}%)`, -invoice.discountAmount);
  if (fields.tax && (invoice.taxAmount || invoice.visibleZeroFields.includes('TAX'))) total(`${labels.tax} (${invoice.tax}%)`, invoice.taxAmount);
  if (fields.tax2 && (invoice.tax2Amount || invoice.visibleZeroFields.includes('TAX_2'))) total(`${labels.tax2} (${invoice.tax2}%)`, invoice.tax2Amount);
  total(labels.total, invoice.amount, true);
  total(labels.paid, invoice.paid);
  total(labels.totalAmount, invoice.balance, true);
  if (invoice.note) doc.moveDown().font('Helvetica-Bold').text(labels.notes, doc.page.margins.left).font('Helvetica').text(invoice.note);
  doc.end();
  return done;
}
