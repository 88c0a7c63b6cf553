import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../../common/utils/sql';
import { ExpenseStore } from '../expenses/expense.store';
import { TimeEntryInvoicingStore } from '../time-entries/time-entry-invoicing.store';
import type { ContainsArchivedFilterRequestDto } from './dto/invoice-filter.dto';
import type { ImportEntry, ImportExpense, ImportLine } from './invoice-import-grouping';
import { hundredthsText } from './invoice-totals';

/** Whose billable time and expenses an import reads: the invoice client's, in [from, to). */
export interface ImportPeriod {
  workspaceId: string;
  clientId: string;
  from: Date;
  to: Date;
}

/** The SQL of an import: lock and read what is billable, write the items and their links, mark what was taken invoiced. */
export const InvoiceImportStore = {
  async entries(
    manager: EntityManager,
    period: ImportPeriod,
    projects: ContainsArchivedFilterRequestDto,
  ): Promise<ImportEntry[]> {
    const params = new SqlConditions([period.workspaceId, period.clientId, period.from, period.to]);
    const locked: { id: string }[] = await manager.query(
      `SELECT t.id FROM time_entries t JOIN projects p ON p.workspace_id = t.workspace_id AND p.id = t.project_id
        WHERE t.workspace_id = $1 AND p.client_id = $2 AND t.start_at >= $3 AND t.start_at < $4
          AND t.billable AND NOT t.invoiced AND t.end_at IS NOT NULL AND t.type = 'REGULAR'${projectFilterSql(projects, params)}
        ORDER BY t.start_at, t.id
        FOR UPDATE OF t`,
      params.params,
    );
    if (!locked.length) return [];
    const rows: (Omit<ImportEntry, 'rate'> & { rate: string })[] = await manager.query(
      `SELECT t.id, t.duration AS seconds, COALESCE(t.hourly_rate, 0) AS rate, t.project_id AS "projectId", p.name AS "projectName",
              t.task_id AS "taskId", tk.name AS "taskName", t.user_id AS "userId", u.name AS "userName",
              to_char(t.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, t.description,
              COALESCE((SELECT array_agg(g.name ORDER BY lower(g.name)) FROM time_entry_tags tt
                JOIN tags g ON g.workspace_id = tt.workspace_id AND g.id = tt.tag_id
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
  },

  async expenses(
    manager: EntityManager,
    period: ImportPeriod,
    projects: ContainsArchivedFilterRequestDto,
  ): Promise<ImportExpense[]> {
    const params = new SqlConditions([period.workspaceId, period.clientId, period.from, period.to]);
    const rows: (Omit<ImportExpense, 'amount'> & { amount: string })[] = await manager.query(
      `SELECT e.id, e.amount_cents AS amount, e.project_id AS "projectId", p.name AS "projectName", tk.name AS "taskName",
              e.category_id AS "categoryId", cat.name AS "categoryName", e.user_id AS "userId", u.name AS "userName",
              to_char(e.date, 'YYYY-MM-DD') AS date, e.notes
         FROM expenses e
         JOIN projects p ON p.workspace_id = e.workspace_id AND p.id = e.project_id
         JOIN expense_categories cat ON cat.workspace_id = e.workspace_id AND cat.id = e.category_id
         LEFT JOIN tasks tk ON tk.workspace_id = e.workspace_id AND tk.id = e.task_id
         JOIN users u ON u.id = e.user_id
        WHERE e.workspace_id = $1 AND p.client_id = $2 AND (e.date::timestamp AT TIME ZONE 'UTC') >= $3
          AND (e.date::timestamp AT TIME ZONE 'UTC') < $4
          AND e.billable AND NOT e.invoiced${projectFilterSql(projects, params)}
        ORDER BY e.date, e.id
        FOR UPDATE OF e`,
      params.params,
    );
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  },

  async insertLine(
    manager: EntityManager,
    workspaceId: string,
    invoiceId: string,
    position: number,
    line: ImportLine,
    kind: 'TIME' | 'EXPENSE',
  ): Promise<void> {
    await manager.query(
      `INSERT INTO invoice_items (workspace_id, invoice_id, position, description, item_type, quantity, unit_price, amount, apply_taxes, import_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'TAX1TAX2', $9)`,
      [
        workspaceId,
        invoiceId,
        position,
        line.description,
        kind === 'TIME' ? 'Service' : 'Expense',
        hundredthsText(line.quantity),
        line.unitPrice,
        line.amount,
        kind === 'TIME' ? 'TIME_ENTRY_IMPORT' : 'EXPENSE_IMPORT',
      ],
    );
    const table =
      kind === 'TIME'
        ? 'invoice_item_time_entries (workspace_id, invoice_id, item_position, time_entry_id)'
        : 'invoice_item_expenses (workspace_id, invoice_id, item_position, expense_id)';
    await manager.query(`INSERT INTO ${table} SELECT $1, $2, $3, unnest($4::char(24)[])`, [
      workspaceId,
      invoiceId,
      position,
      line.ids,
    ]);
  },

  async markInvoiced(
    manager: EntityManager,
    workspaceId: string,
    entryIds: string[],
    expenseIds: string[],
  ): Promise<void> {
    if (entryIds.length) await TimeEntryInvoicingStore.markInvoiced(manager, workspaceId, entryIds);
    if (expenseIds.length) await ExpenseStore.markInvoiced(manager, workspaceId, expenseIds);
  },
};

/** The project filter of an import as SQL over `p` (projects), its values added to `params`. */
function projectFilterSql(filter: ContainsArchivedFilterRequestDto, params: SqlConditions): string {
  let sql = '';
  if (filter.ids?.length) {
    const ids = params.param(filter.ids);
    sql += filter.contains === 'DOES_NOT_CONTAIN' ? ` AND p.id <> ALL(${ids})` : ` AND p.id = ANY(${ids})`;
  }
  if (filter.status === 'ACTIVE') sql += ' AND NOT p.archived';
  if (filter.status === 'ARCHIVED') sql += ' AND p.archived';
  return sql;
}
