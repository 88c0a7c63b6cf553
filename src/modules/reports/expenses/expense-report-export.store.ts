import type { EntityManager } from 'typeorm';
import type { CursorSession } from '../export/cursor-rows.store';
import type { ExportCell } from '../export/export-table';
import { moneySql } from '../export/export-formats.store';
import { buildExpenseWhere } from '../filter/expense-filter.store';
import type { ReportScope } from '../filter/report-scope.store';
import type { ExpenseReportFilterDto } from './dto/expense-report-filter.dto';
import { expenseOrderBy, expenseTotalsSql } from './expense-report.store';

/** The count and sums (cents) of the expenses a filter selects. */
export interface ExpenseTotalsRow {
  n: number;
  total: string;
  billable: string;
}

/** The count and sums of the export's expenses (one aggregate over the filter). */
export async function expenseExportTotals(
  manager: EntityManager,
  scope: ReportScope,
  body: ExpenseReportFilterDto,
): Promise<ExpenseTotalsRow> {
  const totalsParams: unknown[] = [];
  const [totals]: ExpenseTotalsRow[] = await manager.query(
    expenseTotalsSql(buildExpenseWhere(scope, body, totalsParams)),
    totalsParams,
  );
  return totals;
}

/** The export's rows, formatted as text by PostgreSQL, in the report's order; pushes its parameters to `params`. */
export function expenseExportSql(scope: ReportScope, body: ExpenseReportFilterDto, params: unknown[]): string {
  const where = buildExpenseWhere(scope, body, params);
  const amount = scope.amountShown === null ? '' : `, ${moneySql('e.amount_cents')}`;
  return `
      SELECT to_char(e.date, 'YYYY-MM-DD'), pr.name, cl.name, t.name, u.name, u.email, c.name, e.notes,
             CASE WHEN e.billable THEN 'Yes' ELSE 'No' END, e.quantity::text, c.unit,
             CASE WHEN e.invoiced THEN 'Yes' ELSE 'No' END${amount}
        FROM expenses e
        JOIN users u ON u.id = e.user_id
        JOIN expense_categories c ON c.workspace_id = e.workspace_id AND c.id = e.category_id
        LEFT JOIN projects pr ON pr.workspace_id = e.workspace_id AND pr.id = e.project_id
        LEFT JOIN clients cl ON cl.workspace_id = pr.workspace_id AND cl.id = pr.client_id
        LEFT JOIN tasks t ON t.workspace_id = e.workspace_id AND t.id = e.task_id
       WHERE ${where}
       ORDER BY ${expenseOrderBy(body.sortColumn, body.sortOrder !== 'ASCENDING', 'e')}`;
}

/** The export's rows, streamed from a cursor of `session` in batches. */
export function expenseExportRows(
  session: CursorSession,
  scope: ReportScope,
  body: ExpenseReportFilterDto,
): AsyncGenerator<ExportCell[][]> {
  const params: unknown[] = [];
  return session.stream(expenseExportSql(scope, body, params), params);
}
