import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { PageQueryDto, pageOf } from '../../common/dto/page-query.dto';
import { newId } from '../../common/utils/ids';
import type { CreateInvoicePaymentRequestDto } from './dto/invoice-requests.dto';
import type { InvoiceOverviewDto, InvoicePaymentDto, InvoiceStatus } from './dto/invoice.dto';
import { PaymentRow, toPaymentDto } from './invoice.mapper';
import { InvoiceStore } from './invoice-store';

export const PAYMENT_ENTITY = 'INVOICE_PAYMENT';

const PAYMENT_COLUMNS = `p.id, p.amount, p.paid_at, p.note, u.name AS author`;
const PAYMENT_FROM = `invoice_payments p LEFT JOIN users u ON u.id = p.author_id`;

/**
 * Payments of an invoice and the statuses they drive: the sum of payments
 * never exceeds the invoice total (400); reaching it makes the invoice PAID,
 * less PARTIALLY_PAID. PATCH status sets the other statuses by hand.
 */
@Injectable()
export class InvoicePaymentsService {
  constructor(private readonly store: InvoiceStore) {}

  async list(workspaceId: string, invoiceId: string, query: PageQueryDto): Promise<Page<InvoicePaymentDto>> {
    const manager = this.store.dataSource.manager;
    await this.store.row(manager, workspaceId, invoiceId);
    const request = pageOf(query);
    const [{ count }]: { count: string }[] = await manager.query(
      `SELECT count(*) AS count FROM invoice_payments WHERE workspace_id = $1 AND invoice_id = $2`,
      [workspaceId, invoiceId],
    );
    const rows: PaymentRow[] = await manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.workspace_id = $1 AND p.invoice_id = $2
        ORDER BY p.paid_at DESC, p.id DESC LIMIT $3 OFFSET $4`,
      [workspaceId, invoiceId, request.pageSize, (request.page - 1) * request.pageSize],
    );
    return new Page(rows.map(toPaymentDto), Number(count), request);
  }

  async add(ws: WorkspaceContext, invoiceId: string, dto: CreateInvoicePaymentRequestDto): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      const invoice = await this.store.row(manager, ws.workspaceId, invoiceId, true);
      if (invoice.status === 'VOID') throw new BadRequestException('A void invoice cannot be paid');
      const balance = Number(invoice.balance);
      if (dto.amount > balance) throw new BadRequestException(`The payment exceeds the invoice balance (${balance})`);
      await this.insert(manager, ws, invoiceId, dto.amount, dto.paymentDate ? new Date(dto.paymentDate) : new Date(), dto.note ?? '');
      return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }

  async remove(ws: WorkspaceContext, invoiceId: string, paymentId: string): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, invoiceId, true);
      const rows: PaymentRow[] = await manager.query(
        `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.workspace_id = $1 AND p.invoice_id = $2 AND p.id = $3`,
        [ws.workspaceId, invoiceId, paymentId],
      );
      if (!rows.length) throw new NotFoundException('Payment not found');
      await manager.query(`DELETE FROM invoice_payments WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, paymentId]);
      await this.applyPaid(manager, ws.workspaceId, invoiceId);
      await this.store.record(manager, ws.workspaceId, PAYMENT_ENTITY, paymentId, 'INVOICE_PAYMENT_DELETED', toPaymentDto(rows[0]));
      return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }

  /**
   * PATCH status. PAID records a payment of the open balance ("mark as paid");
   * PARTIALLY_PAID only describes an invoice that is partly paid already;
   * UNSENT, SENT and OVERDUE need an invoice without payments (409 otherwise);
   * VOID is always allowed.
   */
  async changeStatus(ws: WorkspaceContext, invoiceId: string, status: InvoiceStatus): Promise<void> {
    await this.store.dataSource.transaction(async (manager) => {
      const invoice = await this.store.row(manager, ws.workspaceId, invoiceId, true);
      const paid = Number(invoice.paid);
      const balance = Number(invoice.balance);
      if (status === 'PAID') {
        if (balance > 0) await this.insert(manager, ws, invoiceId, balance, new Date(), 'Marked as paid');
      } else if (status === 'PARTIALLY_PAID') {
        if (!(paid > 0 && balance > 0)) throw new ConflictException('Only an invoice with a partial payment is PARTIALLY_PAID');
      } else if (status !== 'VOID' && paid > 0) {
        throw new ConflictException(`An invoice with payments cannot be ${status}`);
      }
      await manager.query(`UPDATE invoices SET status = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, invoiceId, status]);
      await this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }

  private async insert(manager: EntityManager, ws: WorkspaceContext, invoiceId: string, amount: number, date: Date, note: string): Promise<void> {
    const id = newId();
    await manager.query(
      `INSERT INTO invoice_payments (id, workspace_id, invoice_id, amount, paid_at, note, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, ws.workspaceId, invoiceId, amount, date, note, ws.userId],
    );
    await this.applyPaid(manager, ws.workspaceId, invoiceId);
    const [row]: PaymentRow[] = await manager.query(`SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.id = $1`, [id]);
    await this.store.record(manager, ws.workspaceId, PAYMENT_ENTITY, id, 'INVOICE_PAYMENT_CREATED', toPaymentDto(row));
  }

  /** Stores the sum of payments on the invoice and the status it implies. */
  private async applyPaid(manager: EntityManager, workspaceId: string, invoiceId: string): Promise<void> {
    await manager.query(
      `UPDATE invoices SET paid = (SELECT COALESCE(sum(amount), 0) FROM invoice_payments WHERE workspace_id = $1 AND invoice_id = $2), updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, invoiceId],
    );
    await this.store.recalculate(manager, workspaceId, invoiceId);
  }
}
