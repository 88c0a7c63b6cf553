import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { isUniqueViolation } from '../../common/utils/sql';
import type { ContainsArchivedFilterRequestDto } from './dto/invoice-filter.dto';
import type { ImportTimeEntriesAndExpensesRequestDto } from './dto/invoice-import.dto';
import type { InvoiceOverviewDto } from './dto/invoice.dto';
import { groupExpenses, groupTimeEntries, ImportEntry, ImportExpense, ImportLine } from './invoice-import-grouping';
import { InvoiceStore } from './invoice-store';
import { hundredthsText } from './invoice-totals';

interface Period {
  workspaceId: string;
  clientId: string;
  from: Date;
  to: Date;
}

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

  async import(ws: WorkspaceContext, invoiceId: string, dto: ImportTimeEntriesAndExpensesRequestDto): Promise<InvoiceOverviewDto> {
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (to <= from) throw new BadRequestException('to must be after from');
    if (dto.timeEntryGroupType === 'GROUPED' && dto.timeEntrySecondaryGroupBy && dto.timeEntrySecondaryGroupBy === dto.timeEntryPrimaryGroupBy) {
      throw new BadRequestException('timeEntrySecondaryGroupBy must differ from timeEntryPrimaryGroupBy');
    }
    try {
      return await this.store.dataSource.transaction(async (manager) => {
        const invoice = await this.store.row(manager, ws.workspaceId, invoiceId, true);
        if (!invoice.client_id) throw new BadRequestException('The invoice has no client to import from');
        const period: Period = { workspaceId: ws.workspaceId, clientId: invoice.client_id, from, to };
        const entries = await this.entries(manager, period, dto.projectFilter);
        const timeLines = groupTimeEntries(entries, {
          type: dto.timeEntryGroupType,
          primary: dto.timeEntryPrimaryGroupBy ?? 'PROJECT',
          secondary: dto.timeEntrySecondaryGroupBy ?? 'NONE',
          detailFields: dto.timeEntryFieldsForDetailedGroup?.length ? dto.timeEntryFieldsForDetailedGroup : ['PROJECT', 'DESCRIPTION'],
          roundTo15Minutes: dto.roundTimeEntryDuration ?? false,
          singleLabel: `Time from ${dto.from.slice(0, 10)} to ${dto.to.slice(0, 10)}`,
        });
        const expenses = dto.importExpenses ? await this.expenses(manager, period, dto.projectFilter) : [];
        const expenseLines = groupExpenses(
          expenses,
          dto.expensesGroupType === 'DETAILED',
          dto.expensesGroupBy ?? 'CATEGORY',
          dto.expenseFieldsForDetailedGroup?.length ? dto.expenseFieldsForDetailedGroup : ['CATEGORY', 'NOTE'],
        );
        let position = await this.store.nextPosition(manager, ws.workspaceId, invoiceId);
        for (const line of timeLines) await this.insertLine(manager, ws.workspaceId, invoiceId, position++, line, 'TIME');
        for (const line of expenseLines) await this.insertLine(manager, ws.workspaceId, invoiceId, position++, line, 'EXPENSE');
        await this.markInvoiced(manager, ws.workspaceId, entries.map((e) => e.id), expenses.map((e) => e.id));
        await this.store.recalculate(manager, ws.workspaceId, invoiceId);
        return this.store.recordInvoice(manager, ws.workspaceId, invoiceId, 'INVOICE_UPDATED');
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('A time entry or expense is already on an invoice');
      throw error;
    }
  }

  private async entries(manager: EntityManager, period: Period, projects: ContainsArchivedFilterRequestDto): Promise<ImportEntry[]> {
    const params: unknown[] = [period.workspaceId, period.clientId, period.from, period.to];
    const locked: { id: string }[] = await manager.query(
      `SELECT t.id FROM time_entries t JOIN projects p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
        WHERE t.workspace_id = $1 AND p.client_id = $2 AND t.start_at >= $3 AND t.start_at < $4
          AND t.billable AND NOT t.invoiced AND t.end_at IS NOT NULL AND t.type = 'REGULAR'${projectFilterSql(projects, params)}
        ORDER BY t.start_at, t.id
        FOR UPDATE OF t`,
      params,
    );
    if (!locked.length) return [];
    const rows: (Omit<ImportEntry, 'rate'> & { rate: string })[] = await manager.query(
      `SELECT t.id, t.duration AS seconds, COALESCE(t.hourly_rate, 0) AS rate, t.project_id AS "projectId", p.name AS "projectName",
              t.task_id AS "taskId", tk.name AS "taskName", t.user_id AS "userId", u.name AS "userName",
              to_char(t.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, t.description,
              COALESCE((SELECT array_agg(g.name ORDER BY lower(g.name)) FROM time_entry_tags tt JOIN tags g ON g.workspace_id = tt.workspace_id AND g.id = tt.tag_id
                         WHERE tt.time_entry_id = t.id), '{}') AS tags
         FROM time_entries t
         JOIN projects p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
         LEFT JOIN tasks tk ON tk.workspace_id = t.workspace_id AND tk.id = t.task_id
         JOIN users u ON u.id = t.user_id
        WHERE t.workspace_id = $1 AND t.id = ANY($2)
        ORDER BY t.start_at, t.id`,
      [period.workspaceId, locked.map((l) => l.id)],
    );
    return rows.map((r) => ({ ...r, seconds: Number(r.seconds), rate: Number(r.rate) }));
  }

  private async expenses(manager: EntityManager, period: Period, projects: ContainsArchivedFilterRequestDto): Promise<ImportExpense[]> {
    const params: unknown[] = [period.workspaceId, period.clientId, period.from, period.to];
    const rows: (Omit<ImportExpense, 'amount'> & { amount: string })[] = await manager.query(
      `SELECT e.id, e.amount_cents AS amount, e.project_id AS "projectId", p.name AS "projectName", tk.name AS "taskName",
              e.category_id AS "categoryId", cat.name AS "categoryName", e.user_id AS "userId", u.name AS "userName",
              to_char(e.date, 'YYYY-MM-DD') AS date, e.notes
         FROM expenses e
         JOIN projects p ON p.workspace_id = e.workspace_id AND p.id = e.project_id
         JOIN expense_categories cat ON cat.workspace_id = e.workspace_id AND cat.id = e.category_id
         LEFT JOIN tasks tk ON tk.workspace_id = e.workspace_id AND tk.id = e.task_id
         JOIN users u ON u.id = e.user_id
        WHERE e.workspace_id = $1 AND p.client_id = $2 AND (e.date::timestamp AT TIME ZONE 'UTC') >= $3 AND (e.date::timestamp AT TIME ZONE 'UTC') < $4
          AND e.billable AND NOT e.invoiced${projectFilterSql(projects, params)}
        ORDER BY e.date, e.id
        FOR UPDATE OF e`,
      params,
    );
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  }

  private async insertLine(manager: EntityManager, workspaceId: string, invoiceId: string, position: number, line: ImportLine, kind: 'TIME' | 'EXPENSE'): Promise<void> {
    await manager.query(
      `INSERT INTO invoice_items (workspace_id, invoice_id, position, description, item_type, quantity, unit_price, amount, apply_taxes, import_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'TAX1TAX2', $9)`,
      [workspaceId, invoiceId, position, line.description, kind === 'TIME' ? 'Service' : 'Expense', hundredthsText(line.quantity), line.unitPrice, line.amount,
        kind === 'TIME' ? 'TIME_ENTRY_IMPORT' : 'EXPENSE_IMPORT'],
    );
    const table = kind === 'TIME' ? 'invoice_item_time_entries (workspace_id, invoice_id, item_position, time_entry_id)' : 'invoice_item_expenses (workspace_id, invoice_id, item_position, expense_id)';
    await manager.query(`INSERT INTO ${table} SELECT $1, $2, $3, unnest($4::char(24)[])`, [workspaceId, invoiceId, position, line.ids]);
  }

  private async markInvoiced(manager: EntityManager, workspaceId: string, entryIds: string[], expenseIds: string[]): Promise<void> {
    if (entryIds.length) {
      await manager.query(`UPDATE time_entries SET invoiced = true, version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = ANY($2)`, [workspaceId, entryIds]);
    }
    if (expenseIds.length) {
      await manager.query(`UPDATE expenses SET invoiced = true, updated_at = now() WHERE workspace_id = $1 AND id = ANY($2)`, [workspaceId, expenseIds]);
    }
  }
}

/** The project filter of an import as SQL over `p` (projects), its values appended to `params`. */
function projectFilterSql(filter: ContainsArchivedFilterRequestDto, params: unknown[]): string {
  let sql = '';
  if (filter.ids?.length) {
    params.push(filter.ids);
    sql += filter.contains === 'DOES_NOT_CONTAIN' ? ` AND p.id <> ALL($${params.length})` : ` AND p.id = ANY($${params.length})`;
  }
  if (filter.status === 'ACTIVE') sql += ' AND NOT p.archived';
  if (filter.status === 'ARCHIVED') sql += ' AND p.archived';
  return sql;
}
