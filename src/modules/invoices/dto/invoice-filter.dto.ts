import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../common/dto/page-query.dto';
import { SORT_ORDERS, SortedPageQueryDto } from '../../../common/dto/sorted-page-query.dto';
import { ToArray } from '../../../common/dto/transforms';
import { INVOICE_STATUSES, InvoiceStatus } from './invoice.dto';

export const INVOICE_SORT_COLUMNS = ['ID', 'CLIENT', 'DUE_ON', 'ISSUE_DATE', 'AMOUNT', 'BALANCE'] as const;
export type InvoiceSortColumn = (typeof INVOICE_SORT_COLUMNS)[number];
export const CONTAINS = ['CONTAINS', 'DOES_NOT_CONTAIN', 'CONTAINS_ONLY'] as const;
export const ENTITY_STATUSES = ['ACTIVE', 'ARCHIVED', 'ALL'] as const;
const OBJECT_ID = /^[0-9a-f]{24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Query of GET /invoices. */
export class InvoiceQueryDto extends SortedPageQueryDto {
  /** Any of these statuses (repeat the parameter or separate with commas). @example "UNSENT" */
  @IsOptional()
  @ToArray()
  @IsIn(INVOICE_STATUSES, { each: true })
  statuses?: InvoiceStatus[];

  /** Default ID. @example "ISSUE_DATE" */
  @IsOptional()
  @IsIn(INVOICE_SORT_COLUMNS)
  'sort-column'?: InvoiceSortColumn;
}

/** BaseFilterRequest. */
export class BaseFilterRequestDto {
  /** Default CONTAINS. @example "CONTAINS" */
  @IsOptional()
  @IsIn(CONTAINS)
  contains?: (typeof CONTAINS)[number];

  /** @example ["5a0ab5acb07987125438b60f"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(OBJECT_ID, { each: true, message: 'ids must be valid ids' })
  ids?: string[];
}

/** ContainsArchivedFilterRequest. */
export class ContainsArchivedFilterRequestDto extends BaseFilterRequestDto {
  /** Default ALL. @example "ACTIVE" */
  @IsOptional()
  @IsIn(ENTITY_STATUSES)
  status?: (typeof ENTITY_STATUSES)[number];
}

/** TimeRangeRequestDtoV1. */
export class TimeRangeRequestDto {
  /** Inclusive upper bound, yyyy-MM-dd. @example "2020-01-31" */
  @IsOptional()
  @Matches(DATE, { message: 'issue-date-end must be yyyy-MM-dd' })
  'issue-date-end'?: string;

  /** Inclusive lower bound, yyyy-MM-dd. @example "2020-01-01" */
  @IsOptional()
  @Matches(DATE, { message: 'issue-date-start must be yyyy-MM-dd' })
  'issue-date-start'?: string;
}

/** InvoiceFilterRequestV1: the body of POST invoices/info. Amounts in cents. */
export class InvoiceFilterRequestDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsArchivedFilterRequestDto)
  clients?: ContainsArchivedFilterRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => BaseFilterRequestDto)
  companies?: BaseFilterRequestDto;

  /** @example 1000 */
  @IsOptional()
  @IsInt()
  exactAmount?: number;

  /** @example 1000 */
  @IsOptional()
  @IsInt()
  exactBalance?: number;

  /** @example 500 */
  @IsOptional()
  @IsInt()
  greaterThanAmount?: number;

  /** @example 500 */
  @IsOptional()
  @IsInt()
  greaterThanBalance?: number;

  /** @example "Invoice-01" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  invoiceNumber?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => TimeRangeRequestDto)
  issueDate?: TimeRangeRequestDto;

  /** @example 500 */
  @IsOptional()
  @IsInt()
  lessThanAmount?: number;

  /** @example 500 */
  @IsOptional()
  @IsInt()
  lessThanBalance?: number;

  /** From 1. @example 1 */
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  /** 1..1000, default 50. @example 50 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  /** @example "ID" */
  @IsOptional()
  @IsIn(INVOICE_SORT_COLUMNS)
  sortColumn?: InvoiceSortColumn;

  /** @example "ASCENDING" */
  @IsOptional()
  @IsIn(SORT_ORDERS)
  sortOrder?: (typeof SORT_ORDERS)[number];

  /** @example ["SENT", "PAID", "PARTIALLY_PAID"] */
  @IsOptional()
  @IsArray()
  @IsIn(INVOICE_STATUSES, { each: true })
  statuses?: InvoiceStatus[];

  /** true: invoiceNumber must match exactly; otherwise numbers containing it match. */
  @IsOptional()
  @IsBoolean()
  strictSearch?: boolean;
}
