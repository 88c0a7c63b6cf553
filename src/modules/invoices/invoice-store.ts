import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { InvoiceOverviewDto, InvoiceStatus } from './dto/invoice.dto';
import { INVOICE_COLUMNS, INVOICE_FROM, InvoiceRow, ItemRow, toOverviewDto } from './invoice.mapper';
import { computeTotals, parsePercent } from './invoice-totals';

export const INVOICE_ENTITY = 'INVOICE';

/**
 * What every invoice service shares: reading an invoice with its items,
 * locking it for a change, recomputing its stored totals and status after its
 * items or payments change, and recording the outbox event.
 */
@Injectable()
export class InvoiceStore {
  constructor(
    readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** The invoice row; `lock` takes a row lock (FOR UPDATE) so concurrent changes to one invoice serialize. 404 when absent. */
  async row(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<InvoiceRow> {
    if (lock) await manager.query(`SELECT 1 FROM invoices WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, id]);
    const rows: InvoiceRow[] = await manager.query(`SELECT ${INVOICE_COLUMNS} FROM ${INVOICE_FROM} WHERE i.workspace_id = $1 AND i.id = $2`, [workspaceId, id]);
    if (!rows.length) throw new NotFoundException('Invoice not found');
    return rows[0];
  }

  /** Items of an invoice in order, with the ids of the time entries and expenses imported into each. */
  async items(manager: EntityManager, workspaceId: string, invoiceId: string): Promise<ItemRow[]> {
    return manager.query(
      `SELECT it.*,
              COALESCE((SELECT array_agg(l.time_entry_id ORDER BY l.time_entry_id) FROM invoice_item_time_entries l
                         WHERE l.workspace_id = it.workspace_id AND l.invoice_id = it.invoice_id AND l.item_position = it.position), '{}') AS time_entry_ids,
              COALESCE((SELECT array_agg(l.expense_id ORDER BY l.expense_id) FROM invoice_item_expenses l
                         WHERE l.workspace_id = it.workspace_id AND l.invoice_id = it.invoice_id AND l.item_position = it.position), '{}') AS expense_ids
         FROM invoice_items it
        WHERE it.workspace_id = $1 AND it.invoice_id = $2
        ORDER BY it.position`,
      [workspaceId, invoiceId],
    );
  }

  async overview(manager: EntityManager, workspaceId: string, id: string): Promise<InvoiceOverviewDto> {
    const row = await this.row(manager, workspaceId, id);
    return toOverviewDto(row, await this.items(manager, workspaceId, id));
  }

  /** The next free item position of an invoice (positions are never reused while the invoice has items after them). */
  async nextPosition(manager: EntityManager, workspaceId: string, invoiceId: string): Promise<number> {
    const [{ next }]: { next: number }[] = await manager.query(
      `SELECT COALESCE(max(position), 0) + 1 AS next FROM invoice_items WHERE workspace_id = $1 AND invoice_id = $2`,
      [workspaceId, invoiceId],
    );
    return Number(next);
  }

  /**
   * Recomputes the stored totals from the items (invoice-totals.ts) and the
   * payment-driven status. A total below what has been paid is 400.
   */
  async recalculate(manager: EntityManager, workspaceId: string, invoiceId: string): Promise<void> {
    const row = await this.row(manager, workspaceId, invoiceId);
    const lines: { amount: string; apply_taxes: ItemRow['apply_taxes'] }[] = await manager.query(
      `SELECT amount, apply_taxes FROM invoice_items WHERE workspace_id = $1 AND invoice_id = $2`,
      [workspaceId, invoiceId],
    );
    const totals = computeTotals({
      lines: lines.map((l) => ({ amount: Number(l.amount), applyTaxes: l.apply_taxes })),
      discountPercent: parsePercent(row.discount_percent),
      taxPercent: parsePercent(row.tax_percent),
      tax2Percent: parsePercent(row.tax2_percent),
      taxType: row.tax_type,
    });
    const paid = Number(row.paid);
    if (paid > totals.amount) throw new BadRequestException('The invoice total cannot be less than what has been paid');
    await manager.query(
      `UPDATE invoices SET subtotal = $3, discount_amount = $4, tax_amount = $5, tax2_amount = $6, amount = $7, status = $8, updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, invoiceId, totals.subtotal, totals.discountAmount, totals.taxAmount, totals.tax2Amount, totals.amount, paymentStatus(row.status, paid, totals.amount)],
    );
  }

  /** Records INVOICE_UPDATED (or another invoice event) with the invoice as GET returns it, and returns that. */
  async recordInvoice(manager: EntityManager, workspaceId: string, invoiceId: string, event: string): Promise<InvoiceOverviewDto> {
    const payload = await this.overview(manager, workspaceId, invoiceId);
    await this.outbox.record(manager, { workspaceId, entityType: INVOICE_ENTITY, entityId: invoiceId, event, payload });
    return payload;
  }

  record(manager: EntityManager, workspaceId: string, entityType: string, entityId: string, event: string, payload: unknown): Promise<void> {
    return this.outbox.record(manager, { workspaceId, entityType, entityId, event, payload });
  }
}

/**
 * The status payments imply: fully paid (with something to pay) is PAID, partly
 * paid PARTIALLY_PAID; an invoice whose payments were removed goes back to SENT.
 * VOID stays VOID.
 */
export function paymentStatus(current: InvoiceStatus, paid: number, amount: number): InvoiceStatus {
  if (current === 'VOID' || (paid === 0 && amount === 0)) return current;
  if (paid > 0 && paid >= amount) return 'PAID';
  if (paid > 0) return 'PARTIALLY_PAID';
  if (current === 'PAID' || current === 'PARTIALLY_PAID') return 'SENT';
  return current;
}
