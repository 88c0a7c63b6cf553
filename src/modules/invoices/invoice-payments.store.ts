import type { EntityManager } from 'typeorm';
import type { PaymentRow } from './invoice.mapper';

const PAYMENT_COLUMNS = `p.id, p.amount, p.paid_at, p.note, u.name AS author`;
const PAYMENT_FROM = `invoice_payments p LEFT JOIN users u ON u.id = p.author_id`;

/** A new payment, as `InvoicePaymentsStore.insert` writes it. */
export interface PaymentValues {
  id: string;
  workspaceId: string;
  invoiceId: string;
  amount: number;
  paidAt: Date;
  note: string;
  authorId: string;
}

/** The SQL of an invoice's payments; the invoice's `paid` sum is kept beside them. */
export const InvoicePaymentsStore = {
  async count(manager: EntityManager, workspaceId: string, invoiceId: string): Promise<number> {
    const [{ count }]: { count: string }[] = await manager.query(
      `SELECT count(*) AS count FROM invoice_payments WHERE workspace_id = $1 AND invoice_id = $2`,
      [workspaceId, invoiceId],
    );
    return Number(count);
  },

  /** A page of the invoice's payments, newest first. */
  page(
    manager: EntityManager,
    workspaceId: string,
    invoiceId: string,
    limit: number,
    offset: number,
  ): Promise<PaymentRow[]> {
    return manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.workspace_id = $1 AND p.invoice_id = $2
        ORDER BY p.paid_at DESC, p.id DESC LIMIT $3 OFFSET $4`,
      [workspaceId, invoiceId, limit, offset],
    );
  },

  async find(
    manager: EntityManager,
    workspaceId: string,
    invoiceId: string,
    paymentId: string,
  ): Promise<PaymentRow | undefined> {
    const rows: PaymentRow[] = await manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.workspace_id = $1 AND p.invoice_id = $2 AND p.id = $3`,
      [workspaceId, invoiceId, paymentId],
    );
    return rows[0];
  },

  async delete(manager: EntityManager, workspaceId: string, paymentId: string): Promise<void> {
    await manager.query(`DELETE FROM invoice_payments WHERE workspace_id = $1 AND id = $2`, [workspaceId, paymentId]);
  },

  async insert(manager: EntityManager, v: PaymentValues): Promise<void> {
    await manager.query(
      `INSERT INTO invoice_payments (id, workspace_id, invoice_id, amount, paid_at, note, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [v.id, v.workspaceId, v.invoiceId, v.amount, v.paidAt, v.note, v.authorId],
    );
  },

  /** The payment just inserted (by its id alone, as it was written in this transaction). */
  async byId(manager: EntityManager, paymentId: string): Promise<PaymentRow> {
    const [row]: PaymentRow[] = await manager.query(`SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.id = $1`, [
      paymentId,
    ]);
    return row;
  },

  /** Stores the sum of the invoice's payments in `invoices.paid`. */
  async storePaid(manager: EntityManager, workspaceId: string, invoiceId: string): Promise<void> {
    await manager.query(
      `UPDATE invoices SET paid = (SELECT COALESCE(sum(amount), 0) FROM invoice_payments WHERE workspace_id = $1 AND invoice_id = $2), updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, invoiceId],
    );
  },
};
