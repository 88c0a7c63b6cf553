import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { ReportFilterBaseDto } from '../../filter/report-filter.dto';

export const WEEKLY_GROUPS = ['USER', 'PROJECT'] as const;
export type WeeklyGroup = (typeof WEEKLY_GROUPS)[number];

/** WeeklyFilterV1. */
export class WeeklyFilterDto {
  /** Rows: one per USER or per PROJECT. @example "USER" */
  @IsIn(WEEKLY_GROUPS)
  group: WeeklyGroup;

  /** TIME (durations; the only subgroup of the reference). @example "TIME" */
  @IsOptional()
  @IsIn(['TIME', 'EARNED'])
  subgroup?: 'TIME' | 'EARNED';
}

/** WeeklyReportFilterV1: the week that holds dateRangeStart (in timeZone, starting on weekStart). */
export class WeeklyReportFilterDto extends ReportFilterBaseDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => WeeklyFilterDto)
  weeklyFilter: WeeklyFilterDto;
}
