import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ReportFilterBaseDto } from '../../filter/report-filter.dto';

export const DETAILED_SORT_COLUMNS = [
  'ID',
  'DESCRIPTION',
  'USER',
  'DURATION',
  'DATE',
  'ZONED_DATE',
  'NATURAL',
  'USER_DATE',
] as const;
export type DetailedSortColumn = (typeof DETAILED_SORT_COLUMNS)[number];
export const MAX_DETAILED_PAGE_SIZE = 1000;

/** DetailedOptionsV1. */
export class DetailedOptionsDto {
  /** EXCLUDE skips the totals (an empty `totals` list). @example "CALCULATE" */
  @IsOptional()
  @IsIn(['CALCULATE', 'EXCLUDE'])
  totals?: 'CALCULATE' | 'EXCLUDE';
}

/** AuditFilterV1: entries matching any of the given criteria. */
export class AuditFilterDto {
  /** Hours: entries longer than this (shorter with durationShorter). @example 2 */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  duration?: number;

  /** @example false */
  @IsOptional()
  @IsBoolean()
  durationShorter?: boolean;

  /** @example false */
  @IsOptional()
  @IsBoolean()
  withoutProject?: boolean;

  /** @example true */
  @IsOptional()
  @IsBoolean()
  withoutTask?: boolean;
}

/** DetailedFilterV1. */
export class DetailedFilterDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditFilterDto)
  auditFilter?: AuditFilterDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => DetailedOptionsDto)
  options?: DetailedOptionsDto;

  /** From 1. @example 1 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  /** 1..1000. @example 50 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DETAILED_PAGE_SIZE)
  pageSize?: number;

  /** Default DATE (the entry's start). @example "DATE" */
  @IsOptional()
  @IsIn(DETAILED_SORT_COLUMNS)
  sortColumn?: DetailedSortColumn;
}

/** DetailedReportFilterV1: the shared filter plus `detailedFilter`. */
export class DetailedReportFilterDto extends ReportFilterBaseDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => DetailedFilterDto)
  detailedFilter: DetailedFilterDto;
}
