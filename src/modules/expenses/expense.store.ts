import type { EntityManager } from 'typeorm';
import { mayActForSql } from '../../common/access';
import { SqlConditions } from '../../common/utils/sql';
import type { ExpenseRow } from './expense.mapper';

/** The columns of ExpenseRow (`e` is the expenses alias). */
const COLUMNS = `e.id, e.workspace_id, e.user_id, e.project_id, e.task_id, e.category_id, to_char(e.date, 'YYYY-MM-DD') AS date_text,
  e.notes, e.billable, e.amount_cents::text AS amount_cents, e.quantity::text AS quantity, e.invoiced, e.approval_status,
  row_to_json(c) AS category, p.name AS project_name, p.color AS project_color, p.client_id, cl.name AS client_name,
  t.name AS task_name, f.id AS file_id, f.name AS file_name`;

const FROM = `expenses e
  JOIN expense_categories c ON c.workspace_id = e.workspace_id AND c.id = e.category_id
  LEFT JOIN projects p ON p.workspace_id = e.workspace_id AND p.id = e.project_id
  LEFT JOIN clients cl ON cl.workspace_id = p.workspace_id AND cl.id = p.client_id
  LEFT JOIN tasks t ON t.workspace_id = e.workspace_id AND t.id = e.task_id
  LEFT JOIN LATERAL (SELECT ef.id, ef.name FROM expense_files ef WHERE ef.workspace_id = e.workspace_id AND ef.expense_id = e.id
                      ORDER BY ef.created_at DESC, ef.id DESC LIMIT 1) f ON true`;

/** Which expenses a list shows; `caller` is left out for admins, who see every user's. */
export interface ExpenseFilter {
  workspaceId: string;
  caller?: string;
  userId?: string;
  categoryId?: string;
  startDate?: string;
  endDate?: string;
}

/** The sum and count of a day's expenses, with the Monday of its week. */
export interface ExpenseDayRow {
  day: string;
  week: string;
  cents: string;
  n: number;
}

/** The stored columns of an expense. */
export interface ExpenseValues {
  userId: string;
  projectId: string | null;
  taskId: string | null;
  categoryId: string;
  date: string;
  notes: string;
  billable: boolean;
  amountCents: number;
  quantity: string;
}

export interface StoredReceipt {
  name: string;
  content_type: string;
  data: Buffer;
}

/** A receipt as it is stored. */
export interface ReceiptValues {
  data: Buffer;
  name: string;
  contentType: string;
}

function filterConditions(filter: ExpenseFilter): SqlConditions {
  const where = new SqlConditions();
  const workspace = where.param(filter.workspaceId);
  where.add(`e.workspace_id = ${workspace}`);
  if (filter.caller !== undefined)
    where.add(mayActForSql({ workspace, caller: where.param(filter.caller), user: 'e.user_id' }));
  if (filter.userId) where.add(`e.user_id = ${where.param(filter.userId)}`);
  if (filter.categoryId) where.add(`e.category_id = ${where.param(filter.categoryId)}`);
  if (filter.startDate) where.add(`e.date >= ${where.param(filter.startDate)}::date`);
  if (filter.endDate) where.add(`e.date <= ${where.param(filter.endDate)}::date`);
  return where;
}

function columns(v: ExpenseValues): unknown[] {
  return [v.userId, v.projectId, v.taskId, v.categoryId, v.date, v.notes, v.billable, v.amountCents, v.quantity];
}

/** The SQL of expenses and their receipts. */
export const ExpenseStore = {
  /** A page of the filtered expenses, newest first, and the totals of every day they fall on. */
  async page(
    manager: EntityManager,
    filter: ExpenseFilter,
    size: number,
    page: number,
  ): Promise<{ rows: ExpenseRow[]; days: ExpenseDayRow[] }> {
    const where = filterConditions(filter);
    const [rows, days] = await Promise.all([
      manager.query(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.sql}
          ORDER BY e.date DESC, e.created_at DESC, e.id DESC LIMIT ${size} OFFSET ${(page - 1) * size}`,
        where.params,
      ) as Promise<ExpenseRow[]>,
      manager.query(
        `SELECT to_char(e.date, 'YYYY-MM-DD') AS day, to_char(date_trunc('week', e.date), 'YYYY-MM-DD') AS week,
                sum(e.amount_cents)::text AS cents, count(*)::int AS n
           FROM expenses e WHERE ${where.sql} GROUP BY e.date ORDER BY e.date`,
        where.params,
      ) as Promise<ExpenseDayRow[]>,
    ]);
    return { rows, days };
  },

  /** One expense of the workspace with `visible`: the caller is an admin or may act for its user; locked FOR UPDATE when writing. */
  async findWithVisibility(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    caller: string,
    isAdmin: boolean,
    forUpdate: boolean,
  ): Promise<(ExpenseRow & { visible: boolean }) | undefined> {
    const rows: (ExpenseRow & { visible: boolean })[] = await manager.query(
      `SELECT ${COLUMNS}, ($4 OR ${mayActForSql({ workspace: '$1', caller: '$3', user: 'e.user_id' })}) AS visible
         FROM ${FROM} WHERE e.workspace_id = $1 AND e.id = $2 ${forUpdate ? 'FOR UPDATE OF e' : ''}`,
      [workspaceId, id, caller, isAdmin],
    );
    return rows[0];
  },

  async insert(manager: EntityManager, workspaceId: string, id: string, values: ExpenseValues): Promise<void> {
    await manager.query(
      `INSERT INTO expenses (id, workspace_id, user_id, project_id, task_id, category_id, date, notes, billable, amount_cents, quantity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, workspaceId, ...columns(values)],
    );
  },

  async update(manager: EntityManager, workspaceId: string, id: string, values: ExpenseValues): Promise<void> {
    await manager.query(
      `UPDATE expenses SET user_id = $3, project_id = $4, task_id = $5, category_id = $6, date = $7, notes = $8, billable = $9,
              amount_cents = $10, quantity = $11, updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, ...columns(values)],
    );
  },

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.query('DELETE FROM expenses WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  },

  /**
   * Puts the user's expenses dated within the approval request's period whose status is not one of `lockedStates`
   * into the request as PENDING; answers how many.
   */
  async attachToApproval(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    requestId: string,
    lockedStates: readonly string[],
  ): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE expenses e SET approval_status = 'PENDING', approval_request_id = ar.id
         FROM approval_requests ar
        WHERE ar.workspace_id = $1 AND ar.id = $3 AND e.workspace_id = $1 AND e.user_id = $2
          AND e.date >= ar.start_date AND e.date < ar.end_date
          AND (e.approval_status IS NULL OR e.approval_status <> ALL($4::text[]))`,
      [workspaceId, userId, requestId, lockedStates],
    );
    return count;
  },

  /** Sets the approval status of the approval request's expenses that are in one of `from`. */
  async setApprovalStatus(
    manager: EntityManager,
    workspaceId: string,
    requestId: string,
    from: readonly string[],
    to: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE expenses SET approval_status = $4 WHERE workspace_id = $1 AND approval_request_id = $2 AND approval_status = ANY($3::text[])`,
      [workspaceId, requestId, from, to],
    );
  },

  /** Marks the expenses invoiced. */
  async markInvoiced(manager: EntityManager, workspaceId: string, expenseIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE expenses SET invoiced = true, updated_at = now() WHERE workspace_id = $1 AND id = ANY($2)`,
      [workspaceId, expenseIds],
    );
  },

  /** Marks the expenses imported into an invoice (or into its item at `position`) as not invoiced. */
  async releaseInvoiced(
    manager: EntityManager,
    workspaceId: string,
    invoiceId: string,
    position: number | null,
  ): Promise<void> {
    const params = position === null ? [workspaceId, invoiceId] : [workspaceId, invoiceId, position];
    const item = position === null ? '' : ' AND l.item_position = $3';
    await manager.query(
      `UPDATE expenses e SET invoiced = false, updated_at = now()
         FROM invoice_item_expenses l
        WHERE l.workspace_id = $1 AND l.invoice_id = $2${item} AND e.workspace_id = l.workspace_id AND e.id = l.expense_id`,
      params,
    );
  },

  async projectExists(manager: EntityManager, workspaceId: string, projectId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM projects WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      projectId,
    ]);
    return rows.length > 0;
  },

  /** The project of a task of the workspace; undefined when there is no such task. */
  async taskProjectId(manager: EntityManager, workspaceId: string, taskId: string): Promise<string | undefined> {
    const rows: { project_id: string }[] = await manager.query(
      'SELECT project_id FROM tasks WHERE workspace_id = $1 AND id = $2',
      [workspaceId, taskId],
    );
    return rows[0]?.project_id;
  },

  async isMember(manager: EntityManager, workspaceId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2',
      [workspaceId, userId],
    );
    return rows.length > 0;
  },

  /** Replaces the receipt of an expense (null: removes it). */
  async replaceReceipt(
    manager: EntityManager,
    workspaceId: string,
    expenseId: string,
    fileId: string,
    receipt: ReceiptValues | null,
  ): Promise<void> {
    await manager.query('DELETE FROM expense_files WHERE workspace_id = $1 AND expense_id = $2', [
      workspaceId,
      expenseId,
    ]);
    if (!receipt) return;
    await manager.query(
      'INSERT INTO expense_files (id, workspace_id, expense_id, name, content_type, size, data) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [fileId, workspaceId, expenseId, receipt.name, receipt.contentType, receipt.data.length, receipt.data],
    );
  },

  async receipt(
    manager: EntityManager,
    workspaceId: string,
    expenseId: string,
    fileId: string,
  ): Promise<StoredReceipt | undefined> {
    const rows: StoredReceipt[] = await manager.query(
      'SELECT name, content_type, data FROM expense_files WHERE workspace_id = $1 AND expense_id = $2 AND id = $3',
      [workspaceId, expenseId, fileId],
    );
    return rows[0];
  },
};
