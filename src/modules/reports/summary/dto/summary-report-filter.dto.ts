import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { ReportFilterBaseDto } from '../../filter/report-filter.dto';

/** Every grouping of the summary report (the reference's list plus Clockify's USER, USER_GROUP, TAG and YEAR). */
export const SUMMARY_GROUPS = [
  'PROJECT',
  'CLIENT',
  'TASK',
  'TAG',
  'USER',
  'USER_GROUP',
  'DATE',
  'WEEK',
  'MONTH',
  'YEAR',
  'TIMEENTRY',
] as const;
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];
export const SUMMARY_SORT_COLUMNS = ['GROUP', 'DURATION', 'AMOUNT', 'EARNED', 'COST', 'PROFIT'] as const;
export type SummarySortColumn = (typeof SUMMARY_SORT_COLUMNS)[number];

/** SummaryFilterV1. */
export class SummaryFilterDto {
  /** Up to 3 grouping dimensions, applied in order (default ["PROJECT"]). @example ["PROJECT","USER","TASK"] */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(SUMMARY_GROUPS, { each: true })
  groups?: SummaryGroup[];

  /** Order of the groups at every level (default GROUP: by name). @example "GROUP" */
  @IsOptional()
  @IsIn(SUMMARY_SORT_COLUMNS)
  sortColumn?: SummarySortColumn;

  /** Which chart `chart` carries: per day totals (PROJECT, default) or billable per day (BILLABILITY). @example "PROJECT" */
  @IsOptional()
  @IsIn(['BILLABILITY', 'PROJECT'])
  summaryChartType?: 'BILLABILITY' | 'PROJECT';
}

/** SummaryReportFilterV1: the shared filter plus `summaryFilter`. */
export class SummaryReportFilterDto extends ReportFilterBaseDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => SummaryFilterDto)
  summaryFilter: SummaryFilterDto;
}
