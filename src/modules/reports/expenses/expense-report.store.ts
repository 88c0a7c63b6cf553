import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../../../common/utils/sql';
import { buildExpenseWhere } from '../filter/expense-filter.store';
import type { ReportScope } from '../filter/report-scope.store';
import type { ExpenseReportFilterDto, ExpenseSortColumn } from './dto/expense-report-filter.dto';

/** SQL: integer cents as the decimal the expenses API shows (`2050` → 20.5; float8 prints the shortest exact form). */
export const decimalSql = (cents: string) => `((${cents})::float8 / 100)`;

/** ORDER BY of the expense report (ending on the id, so pages never repeat or skip an expense). */
export function expenseOrderBy(column: ExpenseSortColumn | undefined, descending: boolean, e: string): string {
  const dir = descending ? 'DESC' : 'ASC';
  const tail = `${e}.date ${dir}, ${e}.created_at ${dir}, ${e}.id ${dir}`;
  switch (column) {
    case 'ID':
      return `${e}.id ${dir}`;
    case 'PROJECT':
      return `(SELECT lower(x.name) FROM projects x WHERE x.id = ${e}.project_id) ${dir} NULLS LAST, ${tail}`;
    case 'USER':
      return `(SELECT lower(x.name) FROM users x WHERE x.id = ${e}.user_id) ${dir}, ${tail}`;
    case 'CATEGORY':
      return `(SELECT lower(x.name) FROM expense_categories x WHERE x.id = ${e}.category_id) ${dir}, ${tail}`;
    case 'AMOUNT':
      return `${e}.amount_cents ${dir}, ${tail}`;
    default:
      return tail;
  }
}

/** The totals as integers (cents) over every matching expense: one aggregate. */
export function expenseTotalsSql(where: string): string {
  return `SELECT count(*)::int AS n, coalesce(sum(e.amount_cents), 0)::bigint AS total,
                 coalesce(sum(e.amount_cents) FILTER (WHERE e.billable), 0)::bigint AS billable
            FROM expenses e WHERE ${where}`;
}

/**
 * One statement answering the whole ExpenseDetailedReportDtoV1 as json text:
 * the page of expenses (with user, project, category, receipt and invoice)
 * and the totals over every matching expense. Amounts are null when the
 * caller may not see rates (scope.amountShown null).
 */
export function expenseReportSql(scope: ReportScope, body: ExpenseReportFilterDto, params: unknown[]): string {
  const where = buildExpenseWhere(scope, body, params);
  const pageSize = body.pageSize ?? 50;
  const p = new SqlConditions(params).param;
  const limit = p(pageSize);
  const offset = p(((body.page ?? 1) - 1) * pageSize);
  const descending = body.sortOrder !== 'ASCENDING';
  const num = (sql: string) => (scope.amountShown === null ? 'NULL' : decimalSql(sql));
  return `
WITH page AS (
  SELECT e.* FROM expenses e
   WHERE ${where}
   ORDER BY ${expenseOrderBy(body.sortColumn, descending, 'e')}
   LIMIT ${limit} OFFSET ${offset}
), totals AS (${expenseTotalsSql(where)})
SELECT json_build_object(
  'totals', (SELECT json_build_object('expensesCount', t.n, 'totalAmount', ${num('t.total')}, 'totalAmountBillable',
    ${num('t.billable')}) FROM totals t),
  'expenses', coalesce((
    SELECT json_agg(json_build_object(
      'id', p.id, 'workspaceId', p.workspace_id, 'amount', ${num('p.amount_cents')},
      'approvalRequestId', p.approval_request_id, 'billable', p.billable,
      'categoryHasUnitPrice', c.has_unit_price, 'categoryId', p.category_id, 'categoryName', c.name, 'categoryUnit', c.unit,
      'date', to_char(p.date, 'YYYY-MM-DD') || 'T00:00:00Z', 'fileId', f.id, 'fileName', f.name,
      'invoicingInfo', json_build_object('invoiceId', inv.invoice_id, 'manuallyInvoiced', p.invoiced AND inv.invoice_id IS NULL),
      'locked', p.invoiced OR coalesce(p.approval_status IN ('APPROVED', 'PENDING'), false),
      'notes', p.notes, 'projectColor', pr.color, 'projectId', p.project_id, 'projectName', pr.name,
      'quantity', p.quantity::float8, 'userId', p.user_id, 'userName', u.name, 'userEmail', u.email, 'userStatus', m.status
    ) ORDER BY ${expenseOrderBy(body.sortColumn, descending, 'p')})
    FROM page p
    JOIN users u ON u.id = p.user_id
    JOIN expense_categories c ON c.workspace_id = p.workspace_id AND c.id = p.category_id
    LEFT JOIN workspace_members m ON m.workspace_id = p.workspace_id AND m.user_id = p.user_id
    LEFT JOIN projects pr ON pr.workspace_id = p.workspace_id AND pr.id = p.project_id
    LEFT JOIN invoice_item_expenses inv ON inv.workspace_id = p.workspace_id AND inv.expense_id = p.id
    LEFT JOIN LATERAL (SELECT ef.id, ef.name FROM expense_files ef WHERE ef.workspace_id = p.workspace_id AND ef.expense_id = p.id
                        ORDER BY ef.created_at DESC, ef.id DESC LIMIT 1) f ON true
  ), '[]'::json)
)::text AS body`;
}

/** Runs the expense report's statement: ExpenseDetailedReportDto as the JSON text PostgreSQL wrote. */
export async function expenseReportBody(
  manager: EntityManager,
  scope: ReportScope,
  body: ExpenseReportFilterDto,
): Promise<string> {
  const params: unknown[] = [];
  const sql = expenseReportSql(scope, body, params);
  const rows: { body: string }[] = await manager.query(sql, params);
  return rows[0].body;
}
