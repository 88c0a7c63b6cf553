import { Injectable, NotFoundException } from '@nestjs/common';
import type { WorkspaceContext } from '../../common/auth/principal';
import type { CreateInvoiceItemRequestDto } from './dto/invoice-requests.dto';
import type { InvoiceOverviewDto } from './dto/invoice.dto';
import { InvoiceStore } from './invoice-store';
import { hundredthsText, lineAmount } from './invoice-totals';
import { releaseImports } from './invoices.service';

/** Manual items: add one at the end, delete one by its order (releasing what was imported into it). */
@Injectable()
export class InvoiceItemsService {
  constructor(private readonly store: InvoiceStore) {}

  async add(ws: WorkspaceContext, invoiceId: string, dto: CreateInvoiceItemRequestDto): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, invoiceId, true);
      const position = await this.store.nextPosition(manager, ws.workspaceId, invoiceId);
      await manager.query(
        `INSERT INTO invoice_items (workspace_id, invoice_id, position, description, item_type, quantity, unit_price, amount, apply_taxes, import_type)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'NOT_IMPORTED')`,
        [ws.workspaceId, invoiceId, position, dto.description, dto.itemType, hundredthsText(dto.quantity), dto.unitPrice,
          lineAmount(dto.quantity, dto.unitPrice), dto.applyTaxes],
      );
      await this.store.recalculate(manager, ws.workspaceId, invoiceId);
      return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }

  async remove(ws: WorkspaceContext, invoiceId: string, order: number): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, invoiceId, true);
      const found: unknown[] = await manager.query(
        `SELECT 1 FROM invoice_items WHERE workspace_id = $1 AND invoice_id = $2 AND position = $3`,
        [ws.workspaceId, invoiceId, order],
      );
      if (!found.length) throw new NotFoundException('Invoice item not found');
      await releaseImports(manager, ws.workspaceId, invoiceId, order);
      await manager.query(`DELETE FROM invoice_items WHERE workspace_id = $1 AND invoice_id = $2 AND position = $3`, [ws.workspaceId, invoiceId, order]);
      await this.store.recalculate(manager, ws.workspaceId, invoiceId);
      return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }
}
