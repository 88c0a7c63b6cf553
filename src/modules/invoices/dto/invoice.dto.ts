import { APPLY_TAXES, TAX_TYPES } from '../invoice-totals';

export const INVOICE_STATUSES = ['UNSENT', 'SENT', 'PAID', 'PARTIALLY_PAID', 'VOID', 'OVERDUE'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const IMPORT_TYPES = ['NOT_IMPORTED', 'TIME_ENTRY_IMPORT', 'EXPENSE_IMPORT'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];
export const ZERO_FIELDS = ['TAX', 'TAX_2', 'DISCOUNT'] as const;
export type ZeroField = (typeof ZERO_FIELDS)[number];

/** InvoiceItemDto. Money in cents; quantity in hundredths of a unit (150 = 1.5). */
export class InvoiceItemDto {
  /** Line amount in cents. @example 5000 */
  amount: number;
  /** @example "TAX1TAX2" */
  applyTaxes: (typeof APPLY_TAXES)[number];
  /** @example "This is a description of an invoice item." */
  description: string;
  /** @example [] */
  expenseIds: string[];
  /** @example "NOT_IMPORTED" */
  importType: ImportType;
  /** @example "Service" */
  itemType: string;
  /** Position of the item on the invoice, from 1. @example 1 */
  order: number;
  /** Hundredths of a unit (hours for imported time): 150 = 1.5. @example 1000 */
  quantity: number;
  /** @example [] */
  timeEntryIds: string[];
  /** Cents per unit. @example 500 */
  unitPrice: number;
}

/** InvoiceOverviewDtoV1. Amounts are cents; `discount`, `tax`, `tax2` are percents. */
export class InvoiceOverviewDto {
  /** The invoice total: subtotal − discount + taxes. @example 5500 */
  amount: number;
  /** amount − paid. @example 500 */
  balance: number;
  /** @example "Business X" */
  billFrom: string;
  /** @example "INVOICE_BASED" */
  calculationType: 'INVOICE_BASED' | 'ITEM_BASED';
  /** @example "Ground Floor, ABC Bldg., Palo Alto, California, USA 94020" */
  clientAddress: string | null;
  /** @example "98h687e29ae1f428e7ebe707" */
  clientId: string | null;
  /** @example "Client X" */
  clientName: string;
  /** @example "04g687e29ae1f428e7ebe123" */
  companyId: string | null;
  containsImportedExpenses: boolean;
  containsImportedTimes: boolean;
  /** @example "USD" */
  currency: string;
  /** Discount percent. @example 10.5 */
  discount: number;
  /** @example 11 */
  discountAmount: number;
  /** @example "2020-06-01T08:00:00Z" */
  dueDate: string | null;
  /** @example "78a687e29ae1f428e7ebe303" */
  id: string;
  /** @example "2020-01-01T08:00:00Z" */
  issuedDate: string | null;
  items: InvoiceItemDto[];
  /** @example "This is a sample note for this invoice." */
  note: string;
  /** @example "202306121129" */
  number: string;
  /** @example 5000 */
  paid: number;
  /** @example "PARTIALLY_PAID" */
  status: InvoiceStatus;
  /** @example "January salary" */
  subject: string;
  /** @example 5000 */
  subtotal: number;
  /** Tax percent. @example 1.5 */
  tax: number;
  /** Second tax percent. @example 0 */
  tax2: number;
  /** @example 0 */
  tax2Amount: number;
  /** @example 75 */
  taxAmount: number;
  /** @example "SIMPLE" */
  taxType: (typeof TAX_TYPES)[number];
  /** @example "12t687e29ae1f428e7ebe202" */
  userId: string;
  /** @example ["TAX", "TAX_2", "DISCOUNT"] */
  visibleZeroFields: ZeroField[];
}

/** CreateInvoiceDtoV1. */
export class CreateInvoiceResultDto {
  /** @example "Business X" */
  billFrom: string;
  /** @example "34p687e29ae1f428e7ebe562" */
  clientId: string | null;
  /** @example "USD" */
  currency: string;
  /** @example "2020-06-01T08:00:00Z" */
  dueDate: string | null;
  /** @example "78a687e29ae1f428e7ebe303" */
  id: string;
  /** @example "2020-01-01T08:00:00Z" */
  issuedDate: string | null;
  /** @example "202306121129" */
  number: string;
}

/** InvoiceDtoV1: one row of the invoice list. */
export class InvoiceDto {
  /** @example 100 */
  amount: number;
  /** @example 50 */
  balance: number;
  /** @example "98h687e29ae1f428e7ebe707" */
  clientId: string | null;
  /** @example "Client X" */
  clientName: string;
  /** @example "USD" */
  currency: string;
  /** @example "2020-06-01T08:00:00Z" */
  dueDate: string | null;
  /** @example "78a687e29ae1f428e7ebe303" */
  id: string;
  /** @example "2020-01-01T08:00:00Z" */
  issuedDate: string | null;
  /** @example "202306121129" */
  number: string;
  /** @example 50 */
  paid: number;
  /** @example "PARTIALLY_PAID" */
  status: InvoiceStatus;
}

/** InvoicesListDtoV1. */
export class InvoicesListDto {
  invoices: InvoiceDto[];
  /** Invoices matching the filter (all pages). @example 100 */
  total: number;
}

/** InvoiceInfoV1: a row of POST invoices/info. */
export class InvoiceInfoDto extends InvoiceDto {
  /** @example "Company XYZ" */
  billFrom: string;
  /** Whole days past the due date while a balance is open (0 otherwise). @example 10 */
  daysOverdue: number;
  /** @example ["TAX"] */
  visibleZeroFields: ZeroField[];
}

/** InvoiceInfoResponseDtoV1. */
export class InvoiceInfoResponseDto {
  invoices: InvoiceInfoDto[];
  /** @example 100 */
  total: number;
}

/** InvoicePaymentDtoV1. */
export class InvoicePaymentDto {
  /** Cents. @example 100 */
  amount: number;
  /** Name of the user who recorded it. @example "John Doe" */
  author: string;
  /** @example "2021-01-01T12:00:00Z" */
  date: string | null;
  /** @example "78a687e29ae1f428e7ebe303" */
  id: string;
  /** @example "This is a sample note for this invoice payment." */
  note: string;
}
