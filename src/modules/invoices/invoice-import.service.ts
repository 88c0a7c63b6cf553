import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { WorkspaceContext } from '../../common/auth/principal';
import { isUniqueViolation } from '../../common/utils/sql';
import type { ImportTimeEntriesAndExpensesRequestDto } from './dto/invoice-import.dto';
import type { InvoiceOverviewDto } from './dto/invoice.dto';
import { groupExpenses, groupTimeEntries } from './invoice-import-grouping';
import { InvoiceImportStore, ImportPeriod } from './invoice-import.store';
import { InvoiceStore } from './invoice.store';

/**
 * POST invoices/{id}/items/import: the invoice client's billable, not yet
 * invoiced time entries (finished, started in [from, to)) and, on request,
 * billable expenses (dated in [from, to)) become items; in the same
 * transaction they are linked to those items (unique per entry / expense) and
 * marked invoiced. Rows are locked first, so two concurrent imports cannot
 * both take an entry.
 */
@Injectable()
export class InvoiceImportService {
  constructor(private readonly store: InvoiceStore) {}

  async import(
    ws: WorkspaceContext,
    invoiceId: string,
    dto: ImportTimeEntriesAndExpensesRequestDto,
  ): Promise<InvoiceOverviewDto> {
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (to <= from) throw new BadRequestException('to must be after from');
    if (
      dto.timeEntryGroupType === 'GROUPED' &&
      dto.timeEntrySecondaryGroupBy &&
      dto.timeEntrySecondaryGroupBy === dto.timeEntryPrimaryGroupBy
    ) {
      throw new BadRequestException('timeEntrySecondaryGroupBy must differ from timeEntryPrimaryGroupBy');
    }
    try {
      return await this.store.dataSource.transaction(async (manager) => {
        const invoice = await this.store.row(manager, ws.workspaceId, invoiceId, true);
        if (!invoice.client_id) throw new BadRequestException('The invoice has no client to import from');
        const period: ImportPeriod = { workspaceId: ws.workspaceId, clientId: invoice.client_id, from, to };
        const entries = await InvoiceImportStore.entries(manager, period, dto.projectFilter);
        const timeLines = groupTimeEntries(entries, {
          type: dto.timeEntryGroupType,
          primary: dto.timeEntryPrimaryGroupBy ?? 'PROJECT',
          secondary: dto.timeEntrySecondaryGroupBy ?? 'NONE',
          detailFields: dto.timeEntryFieldsForDetailedGroup?.length
            ? dto.timeEntryFieldsForDetailedGroup
            : ['PROJECT', 'DESCRIPTION'],
          roundTo15Minutes: dto.roundTimeEntryDuration ?? false,
          singleLabel: `Time from ${dto.from.slice(0, 10)} to ${dto.to.slice(0, 10)}`,
        });
        const expenses = dto.importExpenses
          ? await InvoiceImportStore.expenses(manager, period, dto.projectFilter)
          : [];
        const expenseLines = groupExpenses(
          expenses,
          dto.expensesGroupType === 'DETAILED',
          dto.expensesGroupBy ?? 'CATEGORY',
          dto.expenseFieldsForDetailedGroup?.length ? dto.expenseFieldsForDetailedGroup : ['CATEGORY', 'NOTE'],
        );
        let position = await this.store.nextPosition(manager, ws.workspaceId, invoiceId);
        for (const line of timeLines)
          await InvoiceImportStore.insertLine(manager, ws.workspaceId, invoiceId, position++, line, 'TIME');
        for (const line of expenseLines)
          await InvoiceImportStore.insertLine(manager, ws.workspaceId, invoiceId, position++, line, 'EXPENSE');
        await InvoiceImportStore.markInvoiced(
          manager,
          ws.workspaceId,
          entries.map((e) => e.id),
          expenses.map((e) => e.id),
        );
        await this.store.recalculate(manager, ws.workspaceId, invoiceId);
        return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('A time entry or expense is already on an invoice');
      throw error;
    }
  }
}
