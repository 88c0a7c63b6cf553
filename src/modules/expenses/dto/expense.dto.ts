import { ExpenseCategoryDto } from './expense-category.dto';

/** ExpenseDtoV1. `total` is the amount as a decimal (99.5), as the reference shows it; stored as integer cents. */
export class ExpenseDto {
  /** @example "64c777ddd3fcab07cfbb210c" */
  id: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
  /** @example "89b687e29ae1f428e7ebe912" */
  userId: string;
  /** @example "25b687e29ae1f428e7ebe123" */
  projectId: string | null;
  /** @example "25b687e29ae1f428e7ebe123" */
  taskId: string | null;
  /** @example "45a687e29ae1f428e7ebe890" */
  categoryId: string;
  /** yyyy-MM-dd. @example "2020-01-01" */
  date: string;
  /** @example "This is a sample note for this expense." */
  notes: string;
  billable: boolean;
  /** Units of a unit-priced category (else 1). @example 1 */
  quantity: number;
  /** Amount in the workspace currency, as a decimal (cents / 100). @example 99.5 */
  total: number;
  /** The receipt, when one was uploaded. @example "745687e29ae1f428e7ebe890" */
  fileId: string | null;
  /** Invoiced or approved: only admins may change it. */
  locked: boolean;
  isLocked: boolean;
}

/** ProjectInfoDto. */
export class ExpenseProjectInfoDto {
  /** @example "5b641568b07987035750505e" */
  id: string;
  /** @example "Software Development" */
  name: string;
  /** @example "#000000" */
  color: string;
  /** @example "64c777ddd3fcab07cfbb210c" */
  clientId: string | null;
  /** @example "Client X" */
  clientName: string | null;
}

/** TaskInfoDto. */
export class ExpenseTaskInfoDto {
  /** @example "5b715448b0798751107918ab" */
  id: string;
  /** @example "Bugfixing" */
  name: string;
}

/** ExpenseHydratedDtoV1: the expense with its category, project and task. */
export class ExpenseHydratedDto {
  /** @example "64c777ddd3fcab07cfbb210c" */
  id: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
  /** @example "89b687e29ae1f428e7ebe912" */
  userId: string;
  /** @example "2020-01-01" */
  date: string;
  notes: string;
  billable: boolean;
  quantity: number;
  /** @example 99.5 */
  total: number;
  category: ExpenseCategoryDto;
  project: ExpenseProjectInfoDto | null;
  task: ExpenseTaskInfoDto | null;
  fileId: string | null;
  /** @example "receipt.pdf" */
  fileName: string | null;
  locked: boolean;
  isLocked: boolean;
}

/** ExpensesWithCountDtoV1. */
export class ExpensesWithCountDto {
  /** Expenses matching the filters (all pages). @example 25 */
  count: number;
  expenses: ExpenseHydratedDto[];
}

/** ExpenseDailyTotalsDtoV1. */
export class ExpenseDailyTotalsDto {
  /** @example "2020-01-01" */
  date: string;
  /** @example "2020-01-01T00:00:00Z" */
  dateAsInstant: string;
  /** @example 1500.75 */
  total: number;
}

/** ExpenseWeeklyTotalsDtoV1: weeks start on Monday; `date` is the Monday. */
export class ExpenseWeeklyTotalsDto {
  /** @example "2019-12-30" */
  date: string;
  /** @example 20000.75 */
  total: number;
}

/** ExpensesAndTotalsDtoV1: one page of expenses, with daily and weekly totals over all matching expenses. */
export class ExpensesAndTotalsDto {
  expenses: ExpensesWithCountDto;
  dailyTotals: ExpenseDailyTotalsDto[];
  weeklyTotals: ExpenseWeeklyTotalsDto[];
}
