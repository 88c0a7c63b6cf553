import { toInstant } from '../../common/utils/time';
import type {
  CreateInvoiceResultDto,
  ImportType,
  InvoiceDto,
  InvoiceInfoDto,
  InvoiceItemDto,
  InvoiceOverviewDto,
  InvoicePaymentDto,
  InvoiceStatus,
  ZeroField,
} from './dto/invoice.dto';
import { ApplyTaxes, parsePercent, percentNumber, TaxType, textHundredths } from './invoice-totals';

/** An `invoices` row as SQL returns it (bigint and numeric as text), with the client's current name and address. */
export interface InvoiceRow {
  id: string;
  workspace_id: string;
  number: string;
  client_id: string | null;
  client_name: string;
  client_address: string | null;
  company_id: string | null;
  user_id: string;
  bill_from: string;
  currency: string;
  issued_date: Date;
  due_date: Date;
  status: InvoiceStatus;
  subject: string;
  note: string;
  discount_percent: string;
  tax_percent: string;
  tax2_percent: string;
  tax_type: TaxType;
  visible_zero_fields: ZeroField[];
  subtotal: string;
  discount_amount: string;
  tax_amount: string;
  tax2_amount: string;
  amount: string;
  paid: string;
  balance: string;
}

export interface ItemRow {
  invoice_id: string;
  position: number;
  description: string;
  item_type: string;
  quantity: string;
  unit_price: string;
  amount: string;
  apply_taxes: ApplyTaxes;
  import_type: ImportType;
  time_entry_ids: string[];
  expense_ids: string[];
}

export interface PaymentRow {
  id: string;
  amount: string;
  paid_at: Date;
  note: string;
  author: string | null;
}

export function toItemDto(row: ItemRow): InvoiceItemDto {
  return {
    amount: Number(row.amount),
    applyTaxes: row.apply_taxes,
    description: row.description,
    expenseIds: row.expense_ids ?? [],
    importType: row.import_type,
    itemType: row.item_type,
    order: row.position,
    quantity: textHundredths(row.quantity),
    timeEntryIds: row.time_entry_ids ?? [],
    unitPrice: Number(row.unit_price),
  };
}

export function toInvoiceDto(row: InvoiceRow): InvoiceDto {
  return {
    amount: Number(row.amount),
    balance: Number(row.balance),
    clientId: row.client_id,
    clientName: row.client_name,
    currency: row.currency,
    dueDate: toInstant(row.due_date),
    id: row.id,
    issuedDate: toInstant(row.issued_date),
    number: row.number,
    paid: Number(row.paid),
    status: row.status,
  };
}

/** Whole days since the due date while a balance is open on a live invoice; 0 otherwise. */
export function daysOverdue(row: InvoiceRow, now: Date): number {
  if (Number(row.balance) <= 0 || row.status === 'VOID' || row.status === 'PAID') return 0;
  const days = Math.floor((now.getTime() - row.due_date.getTime()) / 86_400_000);
  return Math.max(0, days);
}

export function toInvoiceInfoDto(row: InvoiceRow, now: Date): InvoiceInfoDto {
  return {
    ...toInvoiceDto(row),
    billFrom: row.bill_from,
    daysOverdue: daysOverdue(row, now),
    visibleZeroFields: row.visible_zero_fields,
  };
}

export function toCreateResultDto(row: InvoiceRow): CreateInvoiceResultDto {
  return {
    billFrom: row.bill_from,
    clientId: row.client_id,
    currency: row.currency,
    dueDate: toInstant(row.due_date),
    id: row.id,
    issuedDate: toInstant(row.issued_date),
    number: row.number,
  };
}

export function toOverviewDto(row: InvoiceRow, items: ItemRow[]): InvoiceOverviewDto {
  return {
    amount: Number(row.amount),
    balance: Number(row.balance),
    billFrom: row.bill_from,
    calculationType: 'INVOICE_BASED',
    clientAddress: row.client_address,
    clientId: row.client_id,
    clientName: row.client_name,
    companyId: row.company_id,
    containsImportedExpenses: items.some((i) => i.import_type === 'EXPENSE_IMPORT'),
    containsImportedTimes: items.some((i) => i.import_type === 'TIME_ENTRY_IMPORT'),
    currency: row.currency,
    discount: percentNumber(parsePercent(row.discount_percent)),
    discountAmount: Number(row.discount_amount),
    dueDate: toInstant(row.due_date),
    id: row.id,
    issuedDate: toInstant(row.issued_date),
    items: items.map(toItemDto),
    note: row.note,
    number: row.number,
    paid: Number(row.paid),
    status: row.status,
    subject: row.subject,
    subtotal: Number(row.subtotal),
    tax: percentNumber(parsePercent(row.tax_percent)),
    tax2: percentNumber(parsePercent(row.tax2_percent)),
    tax2Amount: Number(row.tax2_amount),
    taxAmount: Number(row.tax_amount),
    taxType: row.tax_type,
    userId: row.user_id,
    visibleZeroFields: row.visible_zero_fields,
  };
}

export function toPaymentDto(row: PaymentRow): InvoicePaymentDto {
  return {
    amount: Number(row.amount),
    author: row.author ?? '',
    date: toInstant(row.paid_at),
    id: row.id,
    note: row.note,
  };
}
