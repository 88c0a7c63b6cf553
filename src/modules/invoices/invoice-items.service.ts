import { Injectable, NotFoundException } from '@nestjs/common';
import type { WorkspaceContext } from '../../common/auth/principal';
import type { CreateInvoiceItemRequestDto } from './dto/invoice-requests.dto';
import type { InvoiceOverviewDto } from './dto/invoice.dto';
import { InvoiceStore } from './invoice.store';
import { hundredthsText, lineAmount } from './invoice-totals';

/** Manual items: add one at the end, delete one by its order (releasing what was imported into it). */
@Injectable()
export class InvoiceItemsService {
  constructor(private readonly store: InvoiceStore) {}

  async add(ws: WorkspaceContext, invoiceId: string, dto: CreateInvoiceItemRequestDto): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, invoiceId, true);
      const position = await this.store.nextPosition(manager, ws.workspaceId, invoiceId);
      await this.store.insertItem(manager, ws.workspaceId, invoiceId, position, {
        description: dto.description,
        itemType: dto.itemType,
        quantity: hundredthsText(dto.quantity),
        unitPrice: dto.unitPrice,
        amount: lineAmount(dto.quantity, dto.unitPrice),
        applyTaxes: dto.applyTaxes,
      });
      await this.store.recalculate(manager, ws.workspaceId, invoiceId);
      return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }

  async remove(ws: WorkspaceContext, invoiceId: string, order: number): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, invoiceId, true);
      if (!(await this.store.itemExists(manager, ws.workspaceId, invoiceId, order)))
        throw new NotFoundException('Invoice item not found');
      await this.store.releaseImports(manager, ws.workspaceId, invoiceId, order);
      await this.store.deleteItem(manager, ws.workspaceId, invoiceId, order);
      await this.store.recalculate(manager, ws.workspaceId, invoiceId);
      return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }
}
