import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import type { CreateInvoiceRequestDto, UpdateInvoiceRequestDto } from './dto/invoice-requests.dto';
import type { CreateInvoiceResultDto, InvoiceOverviewDto } from './dto/invoice.dto';
import { toCreateResultDto } from './invoice.mapper';
import { percent, InvoiceSettingsService } from './invoice-settings.service';
import { setNextNumber } from './invoice-settings.store';
import { INVOICE_ENTITY, InvoiceStore } from './invoice.store';
import { percentText } from './invoice-totals';

/** The 409 of a duplicate number (the unique index decides between concurrent writers). */
const numberTaken = (number: string | undefined) => ({
  invoices_number_key: `Invoice with number '${number ?? ''}' already exists`,
});

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
        const client = await this.store.client(manager, ws.workspaceId, dto.clientId);
        const settings = await this.settings.row(manager, ws.workspaceId, true);
        const number = await this.assignNumber(manager, ws.workspaceId, dto.number);
        const issued = new Date(dto.issuedDate);
        const due = new Date(dto.dueDate);
        if (due < issued) throw new BadRequestException('dueDate must not be before issuedDate');
        const id = newId();
        await this.store.insert(manager, ws.workspaceId, id, number, ws.userId, {
          clientId: client.id,
          clientName: client.name,
          companyId: settings.company_id,
          currency: dto.currency,
          issued,
          due,
          subject: settings.subject,
          note: settings.notes,
          taxPercent: settings.tax_percent,
          tax2Percent: settings.tax2_percent,
          taxType: settings.tax_type,
        });
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
          client = await this.store.client(manager, ws.workspaceId, dto.clientId);
        }
        const issued = new Date(dto.issuedDate);
        const due = new Date(dto.dueDate);
        if (due < issued) throw new BadRequestException('dueDate must not be before issuedDate');
        await this.store.update(manager, ws.workspaceId, id, {
          clientId: client.id,
          clientName: client.name,
          companyId: dto.companyId ?? row.company_id,
          currency: dto.currency,
          discountPercent: percentText(percent(dto.discountPercent, 'discountPercent')),
          due,
          issued,
          note: dto.note ?? row.note,
          number: dto.number,
          subject: dto.subject ?? row.subject,
          taxPercent: percentText(percent(dto.taxPercent, 'taxPercent')),
          tax2Percent: percentText(percent(dto.tax2Percent, 'tax2Percent')),
          taxType: dto.taxType ?? row.tax_type,
          visibleZeroFields: dto.visibleZeroFields ?? row.visible_zero_fields,
        });
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
      await this.store.releaseImports(manager, ws.workspaceId, id, null);
      await this.store.delete(manager, ws.workspaceId, id);
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
      await this.store.copy(manager, ws.workspaceId, id, copy, number, ws.userId);
      await this.store.recalculate(manager, ws.workspaceId, copy);
      return this.store.recordInvoice(manager, ws.workspaceId, copy, 'NEW_INVOICE');
    });
  }

  /**
   * The number of a new invoice (the settings row must be locked). Given: used
   * as is, and when it is `prefix` + N with N ≥ the next number, the next number
   * moves past it. Absent: `prefix` + the next number, skipping numbers in use.
   */
  private async assignNumber(
    manager: EntityManager,
    workspaceId: string,
    requested: string | undefined,
  ): Promise<string> {
    const settings = await this.settings.row(manager, workspaceId, true);
    const prefix = settings.number_prefix;
    let next = BigInt(settings.next_number);
    let number: string;
    if (requested !== undefined) {
      number = requested;
      const tail = requested.startsWith(prefix) ? requested.slice(prefix.length) : '';
      if (/^\d{1,15}$/.test(tail) && BigInt(tail) >= next) next = BigInt(tail) + 1n;
    } else {
      const taken = new Set(await this.store.numbersWithPrefix(manager, workspaceId, prefix));
      while (taken.has(`${prefix}${next}`)) next += 1n;
      number = `${prefix}${next}`;
      next += 1n;
    }
    await setNextNumber(manager, workspaceId, next.toString());
    return number;
  }
}
