import { PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ContainsArchivedFilterDto, ReportFilterBaseDto } from '../../filter/report-filter.dto';

export const EXPENSE_SORT_COLUMNS = ['ID', 'PROJECT', 'USER', 'CATEGORY', 'DATE', 'AMOUNT'] as const;
export type ExpenseSortColumn = (typeof EXPENSE_SORT_COLUMNS)[number];
export const MAX_EXPENSE_PAGE_SIZE = 1000;

/**
 * ExpenseReportFilterV1: the report filter fields that apply to expenses
 * (range, users, groups, clients, projects, tasks, currency, billable,
 * invoicing and approval states) plus categories, note and paging.
 */
export class ExpenseReportFilterDto extends PickType(ReportFilterBaseDto, [
  'dateRangeStart',
  'dateRangeEnd',
  'dateRangeType',
  'users',
  'userGroups',
  'clients',
  'projects',
  'tasks',
  'currency',
  'billable',
  'invoicingState',
  'approvalState',
  'sortOrder',
  'timeZone',
  'weekStart',
  'exportType',
  'userLocale',
  'zoomLevel',
] as const) {
  /** Expense categories (ids); `status` keeps the active or archived ones. */
  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsArchivedFilterDto)
  categories?: ContainsArchivedFilterDto;

  /** Expenses whose note contains this text (case-insensitive). @example "some note keyword" */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  note?: string;

  /** If set to 'true', report will only include entries with empty note. @example false */
  @IsOptional()
  @IsBoolean()
  withoutNote?: boolean;

  /** Page number, from 1. @example 1 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  /** Page size, 1..1000 (default 50). @example 50 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EXPENSE_PAGE_SIZE)
  pageSize?: number;

  /** Default DATE (newest first unless sortOrder is ASCENDING). @example "DATE" */
  @IsOptional()
  @IsIn(EXPENSE_SORT_COLUMNS)
  sortColumn?: ExpenseSortColumn;
}
