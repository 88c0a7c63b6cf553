import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ReportFilterBaseDto } from '../../filter/report-filter.dto';

export const COMPARISONS = ['EXACTLY', 'LARGER_THAN', 'SMALLER_THAN'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const ATTENDANCE_SORT_COLUMNS = [
  'USER',
  'DATE',
  'START',
  'END',
  'BREAK',
  'WORK',
  'CAPACITY',
  'OVERTIME',
  'TIME_OFF',
] as const;
export type AttendanceSortColumn = (typeof ATTENDANCE_SORT_COLUMNS)[number];

/** CompareBreakFilter / CompareWorkFilter / CompareCapacityFilter / CompareOvertimeFilter: hours × 100 ("750" = 7.5 h). */
export class CompareDurationFilterDto {
  /** @example "LARGER_THAN" */
  @IsIn(COMPARISONS)
  filtrationType: Comparison;

  /** Hours multiplied by 100. @example "750" */
  @Matches(/^-?\d{1,6}$/, { message: 'value must be hours multiplied by 100, e.g. "750"' })
  value: string;
}

/** CompareStartFilter / CompareEndFilter: a time of day in 24-hour notation. */
export class CompareTimeFilterDto {
  /** @example "SMALLER_THAN" */
  @IsIn(COMPARISONS)
  filtrationType: Comparison;

  /** @example "09:00" */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'value must be a time of day HH:mm' })
  value: string;
}

/** AttendanceFilterV1. */
export class AttendanceFilterDto {
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CompareDurationFilterDto)
  breakFilters?: CompareDurationFilterDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CompareDurationFilterDto)
  capacityFilters?: CompareDurationFilterDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CompareTimeFilterDto)
  endFilters?: CompareTimeFilterDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CompareDurationFilterDto)
  overtimeFilters?: CompareDurationFilterDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CompareTimeFilterDto)
  startFilters?: CompareTimeFilterDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CompareDurationFilterDto)
  workFilters?: CompareDurationFilterDto[];

  /** Include time off (TIME_OFF and HOLIDAY entries) in `timeOff`. @example true */
  @IsOptional()
  @IsBoolean()
  hasTimeOff?: boolean;

  /** @example 1 */
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  /** @example 50 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize?: number;

  /** @example "USER" */
  @IsOptional()
  @IsIn(ATTENDANCE_SORT_COLUMNS)
  sortColumn?: AttendanceSortColumn;
}

/** AttendanceReportFilterV1. */
export class AttendanceReportFilterDto extends ReportFilterBaseDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => AttendanceFilterDto)
  attendanceFilter: AttendanceFilterDto;
}
