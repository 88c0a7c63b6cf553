import { Module } from '@nestjs/common';
import { InvoiceImportService } from './invoice-import.service';
import { InvoiceItemsController } from './invoice-items.controller';
import { InvoiceItemsService } from './invoice-items.service';
import { InvoiceListService } from './invoice-list.service';
import { InvoicePaymentsService } from './invoice-payments.service';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoiceSettingsService } from './invoice-settings.service';
import { InvoiceStore } from './invoice.store';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';

/** Invoices, items and payments (invoices issue). */
@Module({
  controllers: [InvoicesController, InvoiceItemsController],
  providers: [
    InvoiceStore,
    InvoicesService,
    InvoiceListService,
    InvoiceSettingsService,
    InvoiceItemsService,
    InvoiceImportService,
    InvoicePaymentsService,
    InvoicePdfService,
  ],
})
export class InvoicesModule {}
