/** Expense's invoicing info. */
export class ExpenseInvoicingInfoDto {
  /** The invoice the expense was imported into, if any. @example "5b715612b079875110791339" */
  invoiceId: string | null;
  /** Marked invoiced without an invoice of this workspace. @example false */
  manuallyInvoiced: boolean;
}

/** ExpenseReportDtoV1: one expense of the report (amounts in the workspace currency, decimal as expenses show them; null when hidden). */
export class ExpenseReportDto {
  /** @example "5b715612b079875110791122" */
  id: string;
  /** @example "5b715612b079875110791121" */
  workspaceId: string;
  /** @example 20.5 */
  amount: number | null;
  /** @example "5b715612b079875110791336" */
  approvalRequestId: string | null;
  billable: boolean;
  categoryHasUnitPrice: boolean;
  /** @example "5b715612b079875110791334" */
  categoryId: string;
  categoryName: string;
  categoryUnit: string | null;
  /** @example "2021-10-27T00:00:00Z" */
  date: string;
  /** @example "5b715612b079875110791335" */
  fileId: string | null;
  fileName: string | null;
  invoicingInfo: ExpenseInvoicingInfoDto;
  locked: boolean;
  /** @example "Expenses Note" */
  notes: string;
  projectColor: string | null;
  /** @example "5b715612b079875110791333" */
  projectId: string | null;
  projectName: string | null;
  /** @example 10 */
  quantity: number;
  /** @example "5b715612b079875110791121" */
  userId: string;
  userName: string;
  userEmail: string;
  /** @example "ACTIVE" */
  userStatus: string;
}

/** ExpenseTotalsDtoV1 (decimal amounts in the workspace currency; null when amounts are hidden from the caller). */
export class ExpenseTotalsDto {
  /** @example 2 */
  expensesCount: number;
  /** @example 20 */
  totalAmount: number | null;
  /** @example 20 */
  totalAmountBillable: number | null;
}

/** ExpenseDetailedReportDtoV1. */
export class ExpenseDetailedReportDto {
  expenses: ExpenseReportDto[];
  totals: ExpenseTotalsDto;
}
