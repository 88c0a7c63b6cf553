import { BadRequestException, Injectable } from '@nestjs/common';
import { invoicePayments, workspaceLogo } from './invoice-document.store';
import { renderInvoicePdf } from './invoice-pdf.render';
import { InvoiceSettingsService, toSettingsDto } from './invoice-settings.service';
import { InvoiceStore } from './invoice.store';

const LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

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

/** GET invoices/{id}/export: the invoice as a PDF (invoice-pdf.render.ts), with the workspace's labels, export fields and logo. */
@Injectable()
export class InvoicePdfService {
  constructor(
    private readonly store: InvoiceStore,
    private readonly settings: InvoiceSettingsService,
  ) {}

  async export(
    workspaceId: string,
    invoiceId: string,
    userLocale: string | undefined,
  ): Promise<{ number: string; pdf: Buffer }> {
    const locale = resolveLocale(userLocale);
    const document = await this.store.dataSource.transaction(async (manager) => ({
      invoice: await this.store.overview(manager, workspaceId, invoiceId),
      settings: toSettingsDto(await this.settings.row(manager, workspaceId)),
      payments: await invoicePayments(manager, workspaceId, invoiceId),
      logo: await workspaceLogo(manager, workspaceId),
      locale,
    }));
    return { number: document.invoice.number, pdf: await renderInvoicePdf(document) };
  }
}
