import type { ExpenseDto, ExpenseHydratedDto } from './dto/expense.dto';
import { toCategoryDto } from './expense-categories.service';
import type { CategoryRow } from './expense-categories.store';
import { centsToDecimal } from './money';

/** An expense as the reader's queries return it: the row, its category, project, client, task and latest receipt. */
export interface ExpenseRow {
  id: string;
  workspace_id: string;
  user_id: string;
  project_id: string | null;
  task_id: string | null;
  category_id: string;
  date_text: string;
  notes: string;
  billable: boolean;
  amount_cents: string;
  quantity: string;
  invoiced: boolean;
  approval_status: string | null;
  category: CategoryRow;
  project_name: string | null;
  project_color: string | null;
  client_id: string | null;
  client_name: string | null;
  task_name: string | null;
  file_id: string | null;
  file_name: string | null;
}

/** Invoiced, approved or submitted (pending approval) expenses are locked: only admins may change them. */
export function isLocked(row: Pick<ExpenseRow, 'invoiced' | 'approval_status'>): boolean {
  return row.invoiced || row.approval_status === 'APPROVED' || row.approval_status === 'PENDING';
}

export function toExpenseDto(row: ExpenseRow): ExpenseDto {
  const locked = isLocked(row);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    projectId: row.project_id,
    taskId: row.task_id,
    categoryId: row.category_id,
    date: row.date_text,
    notes: row.notes,
    billable: row.billable,
    quantity: Number(row.quantity),
    total: centsToDecimal(Number(row.amount_cents)),
    fileId: row.file_id,
    locked,
    isLocked: locked,
  };
}

export function toHydratedDto(row: ExpenseRow): ExpenseHydratedDto {
  const locked = isLocked(row);
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    date: row.date_text,
    notes: row.notes,
    billable: row.billable,
    quantity: Number(row.quantity),
    total: centsToDecimal(Number(row.amount_cents)),
    category: toCategoryDto(row.category),
    project: row.project_id
      ? {
          id: row.project_id,
          name: row.project_name ?? '',
          color: row.project_color ?? '',
          clientId: row.client_id,
          clientName: row.client_name,
        }
      : null,
    task: row.task_id ? { id: row.task_id, name: row.task_name ?? '' } : null,
    fileId: row.file_id,
    fileName: row.file_name,
    locked,
    isLocked: locked,
  };
}
