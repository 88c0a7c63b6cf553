import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import type { CreateInvoiceRequestDto, UpdateInvoiceRequestDto } from './dto/invoice-requests.dto';
import type { CreateInvoiceResultDto, InvoiceOverviewDto } from './dto/invoice.dto';
import { toCreateResultDto } from './invoice.mapper';
import { percent, InvoiceSettingsService } from './invoice-settings.service';
import { INVOICE_ENTITY, InvoiceStore } from './invoice-store';
import { percentText } from './invoice-totals';

/** The 409 of a duplicate number (the unique index decides between concurrent writers). */
const numberTaken = (number: string | undefined) => ({ invoices_number_key: `Invoice with number '${number ?? ''}' already exists` });

/** Invoices themselves: create (numbered by the settings), read, update, delete (releasing imported time and expenses), duplicate. */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly store: InvoiceStore,
    private readonly settings: InvoiceSettingsService,
  ) {}

  get(workspaceId: string, id: string): Promise<InvoiceOverviewDto> {
    return this.store.overview(this.store.dataSource.manager, workspaceId, id);
  }

  async create(ws: WorkspaceContext, dto: CreateInvoiceRequestDto): Promise<CreateInvoiceResultDto> {
    return conflictOnUnique(numberTaken(dto.number), () =>
      this.store.dataSource.transaction(async (manager) => {
        const client = await this.client(manager, ws.workspaceId, dto.clientId);
        const settings = await this.settings.row(manager, ws.workspaceId, true);
        const number = await this.assignNumber(manager, ws.workspaceId, dto.number);
        const issued = new Date(dto.issuedDate);
        const due = new Date(dto.dueDate);
        if (due < issued) throw new BadRequestException('dueDate must not be before issuedDate');
        const id = newId();
        await manager.query(
          `INSERT INTO invoices (id, workspace_id, number, client_id, client_name, company_id, user_id, bill_from, currency, issued_date, due_date,
                                 subject, note, tax_percent, tax2_percent, tax_type)
           VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT name FROM workspaces WHERE id = $2), $8, $9, $10, $11, $12, $13, $14, $15)`,
          [id, ws.workspaceId, number, client.id, client.name, settings.company_id, ws.userId, dto.currency, issued, due,
            settings.subject, settings.notes, settings.tax_percent, settings.tax2_percent, settings.tax_type],
        );
        await this.store.recordInvoice(manager, ws.workspaceId, id, 'NEW_INVOICE');
        return toCreateResultDto(await this.store.row(manager, ws.workspaceId, id));
      }),
    );
  }

  async update(ws: WorkspaceContext, id: string, dto: UpdateInvoiceRequestDto): Promise<InvoiceOverviewDto> {
    return conflictOnUnique(numberTaken(dto.number), () =>
      this.store.dataSource.transaction(async (manager) => {
        const row = await this.store.row(manager, ws.workspaceId, id, true);
        let client = { id: row.client_id, name: row.client_name };
        if (dto.clientId !== undefined && dto.clientId !== row.client_id) {
          const items = await this.store.items(manager, ws.workspaceId, id);
          if (items.some((i) => i.import_type !== 'NOT_IMPORTED')) {
            throw new BadRequestException('The client of an invoice with imported time or expenses cannot change');
          }
          client = await this.client(manager, ws.workspaceId, dto.clientId);
        }
        const issued = new Date(dto.issuedDate);
        const due = new Date(dto.dueDate);
        if (due < issued) throw new BadRequestException('dueDate must not be before issuedDate');
        await manager.query(
          `UPDATE invoices SET client_id = $3, client_name = $4, company_id = $5, currency = $6, discount_percent = $7, due_date = $8, issued_date = $9,
                  note = $10, number = $11, subject = $12, tax_percent = $13, tax2_percent = $14, tax_type = $15, visible_zero_fields = $16, updated_at = now()
            WHERE workspace_id = $1 AND id = $2`,
          [ws.workspaceId, id, client.id, client.name, dto.companyId ?? row.company_id, dto.currency, percentText(percent(dto.discountPercent, 'discountPercent')),
            due, issued, dto.note ?? row.note, dto.number, dto.subject ?? row.subject, percentText(percent(dto.taxPercent, 'taxPercent')),
            percentText(percent(dto.tax2Percent, 'tax2Percent')), dto.taxType ?? row.tax_type, dto.visibleZeroFields ?? row.visible_zero_fields],
        );
        await this.store.recalculate(manager, ws.workspaceId, id);
        return this.store.recordInvoice(manager, ws.workspaceId, id, 'INVOICE_UPDATED');
      }),
    );
  }

  /** Deletes the invoice with its items and payments; its time entries and expenses are no longer invoiced. */
  async delete(ws: WorkspaceContext, id: string): Promise<void> {
    await this.store.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, id, true);
      const payload = await this.store.overview(manager, ws.workspaceId, id);
      await releaseImports(manager, ws.workspaceId, id, null);
      await manager.query(`DELETE FROM invoices WHERE workspace_id = $1 AND id = $2`, [ws.workspaceId, id]);
      await this.store.record(manager, ws.workspaceId, INVOICE_ENTITY, id, 'INVOICE_DELETED', payload);
    });
  }

  /**
   * A new UNSENT invoice with the same client, dates, texts, percents and items,
   * numbered by the settings. Imported items are copied as plain items (a time
   * entry or expense is on one invoice only); payments are not copied.
   */
  async duplicate(ws: WorkspaceContext, id: string): Promise<InvoiceOverviewDto> {
    return this.store.dataSource.transaction(async (manager) => {
      await this.store.row(manager, ws.workspaceId, id);
      await this.settings.row(manager, ws.workspaceId, true);
      const number = await this.assignNumber(manager, ws.workspaceId, undefined);
      const copy = newId();
      await manager.query(
        `INSERT INTO invoices (id, workspace_id, number, client_id, client_name, company_id, user_id, bill_from, currency, issued_date, due_date, subject, note,
                               discount_percent, tax_percent, tax2_percent, tax_type, visible_zero_fields)
         SELECT $3, workspace_id, $4, client_id, client_name, company_id, $5, bill_from, currency, issued_date, due_date, subject, note,
                discount_percent, tax_percent, tax2_percent, tax_type, visible_zero_fields
           FROM invoices WHERE workspace_id = $1 AND id = $2`,
        [ws.workspaceId, id, copy, number, ws.userId],
      );
      await manager.query(
        `INSERT INTO invoice_items (workspace_id, invoice_id, position, description, item_type, quantity, unit_price, amount, apply_taxes, import_type)
         SELECT workspace_id, $3, position, description, item_type, quantity, unit_price, amount, apply_taxes, 'NOT_IMPORTED'
           FROM invoice_items WHERE workspace_id = $1 AND invoice_id = $2`,
        [ws.workspaceId, id, copy],
      );
      await this.store.recalculate(manager, ws.workspaceId, copy);
      return this.store.recordInvoice(manager, ws.workspaceId, copy, 'NEW_INVOICE');
    });
  }

  private async client(manager: EntityManager, workspaceId: string, clientId: string): Promise<{ id: string; name: string }> {
    const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM clients WHERE workspace_id = $1 AND id = $2`, [workspaceId, clientId]);
    if (!rows.length) throw new NotFoundException('Client not found');
    return rows[0];
  }

  /**
   * The number of a new invoice (the settings row must be locked). Given: used
   * as is, and when it is `prefix` + N with N ≥ the next number, the next number
   * moves past it. Absent: `prefix` + the next number, skipping numbers in use.
   */
  private async assignNumber(manager: EntityManager, workspaceId: string, requested: string | undefined): Promise<string> {
    const settings = await this.settings.row(manager, workspaceId, true);
    const prefix = settings.number_prefix;
    let next = BigInt(settings.next_number);
    let number: string;
    if (requested !== undefined) {
      number = requested;
      const tail = requested.startsWith(prefix) ? requested.slice(prefix.length) : '';
      if (/^\d{1,15}$/.test(tail) && BigInt(tail) >= next) next = BigInt(tail) + 1n;
    } else {
      const used: { number: string }[] = await manager.query(
        `SELECT number FROM invoices WHERE workspace_id = $1 AND number LIKE $2 ESCAPE '\\'`,
        [workspaceId, `${prefix.replace(/[\\%_]/g, '\\$&')}%`],
      );
      const taken = new Set(used.map((u) => u.number));
      while (taken.has(`${prefix}${next}`)) next += 1n;
      number = `${prefix}${next}`;
      next += 1n;
    }
    await manager.query(`UPDATE invoice_settings SET next_number = $2 WHERE workspace_id = $1`, [workspaceId, next.toString()]);
    return number;
  }

}

/**
 * Marks the time entries and expenses imported into an invoice (or one of its
 * items) as not invoiced. The links themselves go with the items (cascade).
 */
export async function releaseImports(manager: EntityManager, workspaceId: string, invoiceId: string, position: number | null): Promise<void> {
  const params = position === null ? [workspaceId, invoiceId] : [workspaceId, invoiceId, position];
  const item = position === null ? '' : ' AND l.item_position = $3';
  await manager.query(
    `UPDATE time_entries t SET invoiced = false, version = t.version + 1, updated_at = now()
       FROM invoice_item_time_entries l
      WHERE l.workspace_id = $1 AND l.invoice_id = $2${item} AND t.workspace_id = l.workspace_id AND t.id = l.time_entry_id`,
    params,
  );
  await manager.query(
    `UPDATE expenses e SET invoiced = false, updated_at = now()
       FROM invoice_item_expenses l
      WHERE l.workspace_id = $1 AND l.invoice_id = $2${item} AND e.workspace_id = l.workspace_id AND e.id = l.expense_id`,
    params,
  );
}
