import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { PageQueryDto, pageOf } from '../../common/dto/page-query.dto';
import { newId } from '../../common/utils/ids';
import type { CreateInvoicePaymentRequestDto } from './dto/invoice-requests.dto';
import type { InvoiceOverviewDto, InvoicePaymentDto, InvoiceStatus } from './dto/invoice.dto';
import { toPaymentDto } from './invoice.mapper';
import { InvoicePaymentsStore } from './invoice-payments.store';
import { InvoiceStore } from './invoice.store';

export const PAYMENT_ENTITY = 'INVOICE_PAYMENT';

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
    const count = await InvoicePaymentsStore.count(manager, workspaceId, invoiceId);
    const rows = await InvoicePaymentsStore.page(
      manager,
      workspaceId,
      invoiceId,
      request.pageSize,
      (request.page - 1) * request.pageSize,
    );
    return new Page(rows.map(toPaymentDto), count, request);
  }

  async add(ws: WorkspaceContext, invoiceId: string, dto: CreateInvoicePaymentRequestDto): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      const invoice = await this.store.row(manager, ws.workspaceId, invoiceId, true);
      if (invoice.status === 'VOID') throw new BadRequestException('A void invoice cannot be paid');
      const balance = Number(invoice.balance);
      if (dto.amount > balance) throw new BadRequestException(`The payment exceeds the invoice balance (${balance})`);
      await this.insert(
        manager,
        ws,
        invoiceId,
        dto.amount,
        dto.paymentDate ? new Date(dto.paymentDate) : new Date(),
        dto.note ?? '',
      );
      return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }

  async remove(ws: WorkspaceContext, invoiceId: string, paymentId: string): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, invoiceId, true);
      const payment = await InvoicePaymentsStore.find(manager, ws.workspaceId, invoiceId, paymentId);
      if (!payment) throw new NotFoundException('Payment not found');
      await InvoicePaymentsStore.delete(manager, ws.workspaceId, paymentId);
      await this.applyPaid(manager, ws.workspaceId, invoiceId);
      await this.store.record(
        manager,
        ws.workspaceId,
        PAYMENT_ENTITY,
        paymentId,
        'INVOICE_PAYMENT_DELETED',
        toPaymentDto(payment),
      );
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
        if (!(paid > 0 && balance > 0))
          throw new ConflictException('Only an invoice with a partial payment is PARTIALLY_PAID');
      } else if (status !== 'VOID' && paid > 0) {
        throw new ConflictException(`An invoice with payments cannot be ${status}`);
      }
      await this.store.setStatus(manager, ws.workspaceId, invoiceId, status);
      await this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
    });
  }

  private async insert(
    manager: EntityManager,
    ws: WorkspaceContext,
    invoiceId: string,
    amount: number,
    date: Date,
    note: string,
  ): Promise<void> {
    const id = newId();
    await InvoicePaymentsStore.insert(manager, {
      id,
      workspaceId: ws.workspaceId,
      invoiceId,
      amount,
      paidAt: date,
      note,
      authorId: ws.userId,
    });
    await this.applyPaid(manager, ws.workspaceId, invoiceId);
    const row = await InvoicePaymentsStore.byId(manager, id);
    await this.store.record(manager, ws.workspaceId, PAYMENT_ENTITY, id, 'INVOICE_PAYMENT_CREATED', toPaymentDto(row));
  }

  /** Stores the sum of payments on the invoice and the status it implies. */
  private async applyPaid(manager: EntityManager, workspaceId: string, invoiceId: string): Promise<void> {
    await InvoicePaymentsStore.storePaid(manager, workspaceId, invoiceId);
    await this.store.recalculate(manager, workspaceId, invoiceId);
  }
}
