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
  IsObject,
} from 'class-validator';
import { OBJECT_ID_PATTERN } from '../../../../common/utils/ids';

export const HALF_DAY_PERIODS = ['FIRST_HALF', 'SECOND_HALF', 'NOT_DEFINED'] as const;
export type HalfDayPeriod = (typeof HALF_DAY_PERIODS)[number];
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T.*)?$/;

/** PeriodV1Request: start and end dates (yyyy-MM-dd), or start and a number of days. */
export class PeriodRequestDto {
  /** First day. @example "2021-12-23" */
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: 'start must be a yyyy-MM-dd date' })
  start: string;

  /** Last day (inclusive). @example "2021-12-25" */
  @IsOptional()
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: 'end must be a yyyy-MM-dd date' })
  end?: string;

  /** Number of calendar days, when end is not given. @example 3 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  days?: number;
}

/** TimeOffRequestPeriodV1Request. */
export class TimeOffPeriodRequestDto {
  @IsObject()
  @ValidateNested()
  @Type(() => PeriodRequestDto)
  period: PeriodRequestDto;

  /** Whether the request is for half of one day (the policy must allow it). @example false */
  @IsOptional()
  @IsBoolean()
  isHalfDay?: boolean;

  /** @example "NOT_DEFINED" */
  @IsOptional()
  @IsIn(HALF_DAY_PERIODS)
  halfDayPeriod?: HalfDayPeriod;

  /** Same as halfDayPeriod. */
  @IsOptional()
  @IsIn(HALF_DAY_PERIODS)
  timeOffHalfDayPeriod?: HalfDayPeriod;
}

/** CreateTimeOffRequestV1Request. */
export class CreateTimeOffRequestDto {
  /** @example "Create Time Off Note" */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  note?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => TimeOffPeriodRequestDto)
  timeOffPeriod: TimeOffPeriodRequestDto;
}

/** StatusTimeOffRequestV1Request. */
export class ChangeTimeOffRequestStatusDto {
  /** @example "APPROVED" */
  @IsIn(['APPROVED', 'REJECTED'])
  status: 'APPROVED' | 'REJECTED';

  /** @example "Enjoy" */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  note?: string;
}

/** GetTimeOffRequestsV1Request. */
export class GetTimeOffRequestsDto {
  /** @example 1 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;

  /** @example 50 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  /** Requests whose period ends at or after this instant. @example "2022-08-26T08:00:06.281873Z" */
  @IsOptional()
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: 'start must be an instant (yyyy-MM-ddThh:mm:ssZ)' })
  start?: string;

  /** Requests whose period starts at or before this instant. @example "2022-08-26T23:55:06.281873Z" */
  @IsOptional()
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: 'end must be an instant (yyyy-MM-ddThh:mm:ssZ)' })
  end?: string;

  /** @example ["APPROVED", "PENDING"] */
  @IsOptional()
  @IsArray()
  @IsIn(['PENDING', 'APPROVED', 'REJECTED', 'ALL'], { each: true })
  statuses?: ('PENDING' | 'APPROVED' | 'REJECTED' | 'ALL')[];

  /** Requests of these users (all visible users when empty). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'each value in users must be a 24-character hex id' })
  users?: string[];

  /** Requests of members of these groups. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'each value in userGroups must be a 24-character hex id' })
  userGroups?: string[];
}
