import {
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Trim } from '../../../common/dto/trim';
import { APPLY_TAXES, TAX_TYPES } from '../invoice-totals';
import { INVOICE_STATUSES, ZERO_FIELDS } from './invoice.dto';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { InvoiceDto, InvoiceOverviewDto } from './invoice.dto';

const OBJECT_ID = /^[0-9a-f]{24}$/;
/** Largest quantity: 100,000 units (in hundredths). */
export const MAX_QUANTITY = 10_000_000;
/** Largest unit price or payment: 100,000,000.00. */
export const MAX_CENTS_INPUT = 10_000_000_000;

/** CreateInvoiceRequest. */
@AcceptsReadOnlyFieldsOf(InvoiceOverviewDto, InvoiceDto)
export class CreateInvoiceRequestDto {
  /** @example "98h687e29ae1f428e7ebe707" */
  @IsString()
  @Matches(OBJECT_ID, { message: 'clientId must be a valid id' })
  clientId: string;

  /** @example "USD" */
  @Trim()
  @IsString()
  @Length(1, 100)
  currency: string;

  /** @example "2020-06-01T08:00:00Z" */
  @IsDateString({ strict: true })
  dueDate: string;

  /** @example "2020-01-01T08:00:00Z" */
  @IsDateString({ strict: true })
  issuedDate: string;

  /** Unique in the workspace (the settings' next number moves past a `prefix` + N given here). @example "202306121129" */
  @Trim()
  @IsString()
  @Length(1, 100)
  number: string;

  /** Accepted for compatibility; imported time is shown as hours either way. @example "AGGREGATED_TIME_VIEW" */
  @IsOptional()
  @IsIn(['TIME_SENSITIVE_VIEW', 'AGGREGATED_TIME_VIEW'])
  timeViewMode?: 'TIME_SENSITIVE_VIEW' | 'AGGREGATED_TIME_VIEW';
}

/** UpdateInvoiceRequestV1: replaces the invoice's header fields (items change through their own endpoints). */
@AcceptsReadOnlyFieldsOf(InvoiceOverviewDto, InvoiceDto)
export class UpdateInvoiceRequestDto {
  /** Only while the invoice has no imported items. @example "98h687e29ae1f428e7ebe707" */
  @IsOptional()
  @IsString()
  @Matches(OBJECT_ID, { message: 'clientId must be a valid id' })
  clientId?: string;

  /** @example "04g687e29ae1f428e7ebe123" */
  @IsOptional()
  @IsString()
  @Matches(OBJECT_ID, { message: 'companyId must be a valid id' })
  companyId?: string;

  /** @example "USD" */
  @Trim()
  @IsString()
  @Length(1, 100)
  currency: string;

  /** Percent, 0..100, at most 4 decimals. @example 1.5 */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  discountPercent: number;

  /** @example "2020-06-01T08:00:00Z" */
  @IsDateString({ strict: true })
  dueDate: string;

  /** @example "2020-01-01T08:00:00Z" */
  @IsDateString({ strict: true })
  issuedDate: string;

  /** @example "This is a sample note for this invoice." */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  note?: string;

  /** @example "202306121129" */
  @Trim()
  @IsString()
  @Length(1, 100)
  number: string;

  /** @example "January salary" */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  subject?: string;

  /** @example 0 */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  tax2Percent: number;

  /** @example 0.5 */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  taxPercent: number;

  /** @example "SIMPLE" */
  @IsOptional()
  @IsIn(TAX_TYPES)
  taxType?: (typeof TAX_TYPES)[number];

  /** @example ["TAX", "TAX_2", "DISCOUNT"] */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ZERO_FIELDS, { each: true })
  visibleZeroFields?: (typeof ZERO_FIELDS)[number][];
}

/** ChangeInvoiceStatusRequestV1. */
export class ChangeInvoiceStatusRequestDto {
  /** @example "SENT" */
  @IsIn(INVOICE_STATUSES)
  invoiceStatus: (typeof INVOICE_STATUSES)[number];
}

/** CreateInvoiceItemRequestV1. */
export class CreateInvoiceItemRequestDto {
  /** @example "TAX1TAX2" */
  @IsIn(APPLY_TAXES)
  applyTaxes: (typeof APPLY_TAXES)[number];

  /** @example "This is a description of an invoice item." */
  @IsString()
  @MaxLength(3000)
  description: string;

  /** @example "Service" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  itemType: string;

  /** Hundredths of a unit (10000 = 100 units). @example 10000 */
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  quantity: number;

  /** Cents per unit. @example 500 */
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS_INPUT)
  unitPrice: number;
}

/** CreateInvoicePaymentRequest. */
export class CreateInvoicePaymentRequestDto {
  /** Cents; at most the invoice's balance. @example 100 */
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS_INPUT)
  amount: number;

  /** @example "This is a sample note for this invoice payment." */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  /** Defaults to now. @example "2021-01-01T12:00:00Z" */
  @IsOptional()
  @IsDateString({ strict: true })
  paymentDate?: string;
}
