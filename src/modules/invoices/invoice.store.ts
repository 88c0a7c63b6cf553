import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import { ExpenseStore } from '../expenses/expense.store';
import { TimeEntryInvoicingStore } from '../time-entries/time-entry-invoicing.store';
import type { InvoiceOverviewDto, InvoiceStatus } from './dto/invoice.dto';
import { InvoiceRow, ItemRow, toOverviewDto } from './invoice.mapper';
import { computeTotals, parsePercent } from './invoice-totals';

export const INVOICE_ENTITY = 'INVOICE';

/** The columns every reader selects: the row, the client's live name and address, and `balance`. */
export const INVOICE_COLUMNS = `i.*, COALESCE(c.name, i.client_name) AS client_name, c.address AS client_address`;
export const INVOICE_FROM = `invoices i LEFT JOIN clients c ON c.workspace_id = i.workspace_id AND c.id = i.client_id`;

/** The columns of a new or updated invoice, as `InvoiceStore.insert` and `update` write them. */
export interface InvoiceValues {
  clientId: string | null;
  clientName: string;
  companyId: string | null;
  currency: string;
  issued: Date;
  due: Date;
  subject: string;
  note: string;
  taxPercent: string;
  tax2Percent: string;
  taxType: string;
}

/** A manual item as `InvoiceStore.insertItem` writes it. */
export interface ItemValues {
  description: string;
  itemType: string;
  quantity: string;
  unitPrice: number;
  amount: number;
  applyTaxes: string;
}

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
    if (lock)
      await manager.query(`SELECT 1 FROM invoices WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, id]);
    const rows: InvoiceRow[] = await manager.query(
      `SELECT ${INVOICE_COLUMNS} FROM ${INVOICE_FROM} WHERE i.workspace_id = $1 AND i.id = $2`,
      [workspaceId, id],
    );
    if (!rows.length) throw new NotFoundException('Invoice not found');
    return rows[0];
  }

  /** Items of an invoice in order, with the ids of the time entries and expenses imported into each. */
  async items(manager: EntityManager, workspaceId: string, invoiceId: string): Promise<ItemRow[]> {
    return manager.query(
      `SELECT it.*,
              COALESCE((SELECT array_agg(l.time_entry_id ORDER BY l.time_entry_id) FROM invoice_item_time_entries l
                         WHERE l.workspace_id = it.workspace_id AND l.invoice_id = it.invoice_id
                           AND l.item_position = it.position), '{}') AS time_entry_ids,
              COALESCE((SELECT array_agg(l.expense_id ORDER BY l.expense_id) FROM invoice_item_expenses l
                         WHERE l.workspace_id = it.workspace_id AND l.invoice_id = it.invoice_id
                           AND l.item_position = it.position), '{}') AS expense_ids
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
      [
        workspaceId,
        invoiceId,
        totals.subtotal,
        totals.discountAmount,
        totals.taxAmount,
        totals.tax2Amount,
        totals.amount,
        paymentStatus(row.status, paid, totals.amount),
      ],
    );
  }

  /** Records INVOICE_UPDATED (or another invoice event) with the invoice as GET returns it, and returns that. */
  async recordInvoice(
    manager: EntityManager,
    workspaceId: string,
    invoiceId: string,
    event: string,
  ): Promise<InvoiceOverviewDto> {
    const payload = await this.overview(manager, workspaceId, invoiceId);
    await this.outbox.record(manager, { workspaceId, entityType: INVOICE_ENTITY, entityId: invoiceId, event, payload });
    return payload;
  }

  /** A client of the workspace by id (its name is copied onto the invoice); 404 when absent. */
  async client(manager: EntityManager, workspaceId: string, clientId: string): Promise<{ id: string; name: string }> {
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM clients WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, clientId],
    );
    if (!rows.length) throw new NotFoundException('Client not found');
    return rows[0];
  }

  /** The invoice numbers of the workspace that start with `prefix`. */
  async numbersWithPrefix(manager: EntityManager, workspaceId: string, prefix: string): Promise<string[]> {
    const used: { number: string }[] = await manager.query(
      `SELECT number FROM invoices WHERE workspace_id = $1 AND number LIKE $2 ESCAPE '\\'`,
      [workspaceId, `${prefix.replace(/[\\%_]/g, '\\$&')}%`],
    );
    return used.map((u) => u.number);
  }

  /** A new invoice; `bill_from` is the workspace's name. */
  async insert(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    number: string,
    userId: string,
    v: InvoiceValues,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO invoices (id, workspace_id, number, client_id, client_name, company_id, user_id, bill_from, currency, issued_date, due_date,
                             subject, note, tax_percent, tax2_percent, tax_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT name FROM workspaces WHERE id = $2), $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id,
        workspaceId,
        number,
        v.clientId,
        v.clientName,
        v.companyId,
        userId,
        v.currency,
        v.issued,
        v.due,
        v.subject,
        v.note,
        v.taxPercent,
        v.tax2Percent,
        v.taxType,
      ],
    );
  }

  async update(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    v: InvoiceValues & { number: string; discountPercent: string; visibleZeroFields: unknown },
  ): Promise<void> {
    await manager.query(
      `UPDATE invoices SET client_id = $3, client_name = $4, company_id = $5, currency = $6, discount_percent = $7, due_date = $8, issued_date = $9,
              note = $10, number = $11, subject = $12, tax_percent = $13, tax2_percent = $14, tax_type = $15,
                visible_zero_fields = $16, updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [
        workspaceId,
        id,
        v.clientId,
        v.clientName,
        v.companyId,
        v.currency,
        v.discountPercent,
        v.due,
        v.issued,
        v.note,
        v.number,
        v.subject,
        v.taxPercent,
        v.tax2Percent,
        v.taxType,
        v.visibleZeroFields,
      ],
    );
  }

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM invoices WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  }

  async setStatus(manager: EntityManager, workspaceId: string, id: string, status: InvoiceStatus): Promise<void> {
    await manager.query(`UPDATE invoices SET status = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      id,
      status,
    ]);
  }

  /** Copies invoice `id` as `copy` (numbered `number`, by `userId`) with its items as plain items; payments are not copied. */
  async copy(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    copy: string,
    number: string,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO invoices (id, workspace_id, number, client_id, client_name, company_id, user_id, bill_from, currency, issued_date, due_date, subject, note,
                             discount_percent, tax_percent, tax2_percent, tax_type, visible_zero_fields)
       SELECT $3, workspace_id, $4, client_id, client_name, company_id, $5, bill_from, currency, issued_date, due_date, subject, note,
              discount_percent, tax_percent, tax2_percent, tax_type, visible_zero_fields
         FROM invoices WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, copy, number, userId],
    );
    await manager.query(
      `INSERT INTO invoice_items (workspace_id, invoice_id, position, description, item_type, quantity, unit_price, amount, apply_taxes, import_type)
       SELECT workspace_id, $3, position, description, item_type, quantity, unit_price, amount, apply_taxes, 'NOT_IMPORTED'
         FROM invoice_items WHERE workspace_id = $1 AND invoice_id = $2`,
      [workspaceId, id, copy],
    );
  }

  /** A manual (not imported) item at `position`. */
  async insertItem(
    manager: EntityManager,
    workspaceId: string,
    invoiceId: string,
    position: number,
    v: ItemValues,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO invoice_items (workspace_id, invoice_id, position, description, item_type, quantity, unit_price, amount, apply_taxes, import_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'NOT_IMPORTED')`,
      [workspaceId, invoiceId, position, v.description, v.itemType, v.quantity, v.unitPrice, v.amount, v.applyTaxes],
    );
  }

  async itemExists(manager: EntityManager, workspaceId: string, invoiceId: string, position: number): Promise<boolean> {
    const found: unknown[] = await manager.query(
      `SELECT 1 FROM invoice_items WHERE workspace_id = $1 AND invoice_id = $2 AND position = $3`,
      [workspaceId, invoiceId, position],
    );
    return found.length > 0;
  }

  async deleteItem(manager: EntityManager, workspaceId: string, invoiceId: string, position: number): Promise<void> {
    await manager.query(`DELETE FROM invoice_items WHERE workspace_id = $1 AND invoice_id = $2 AND position = $3`, [
      workspaceId,
      invoiceId,
      position,
    ]);
  }

  /**
   * Marks the time entries and expenses imported into an invoice (or one of its
   * items) as not invoiced. The links themselves go with the items (cascade).
   */
  async releaseImports(
    manager: EntityManager,
    workspaceId: string,
    invoiceId: string,
    position: number | null,
  ): Promise<void> {
    await TimeEntryInvoicingStore.releaseInvoiced(manager, workspaceId, invoiceId, position);
    await ExpenseStore.releaseInvoiced(manager, workspaceId, invoiceId, position);
  }

  record(
    manager: EntityManager,
    workspaceId: string,
    entityType: string,
    entityId: string,
    event: string,
    payload: unknown,
  ): Promise<void> {
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
