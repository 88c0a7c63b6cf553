import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { AssignmentDto } from './assignment.dto';

export const SERIES_UPDATE_OPTIONS = ['THIS_ONE', 'THIS_AND_FOLLOWING', 'ALL'] as const;
export type SeriesUpdateOption = (typeof SERIES_UPDATE_OPTIONS)[number];

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** RecurringAssignmentRequestV1: repeat weekly for `weeks` weeks. */
export class RecurringAssignmentRequestDto {
  /** Indicates whether assignment is recurring or not. @example true */
  @IsOptional()
  @IsBoolean()
  repeat?: boolean;

  /** Indicates number of weeks for assignment (1 to 99). @example 5 */
  @IsInt()
  @Min(1)
  @Max(99)
  weeks: number;
}

/** The fields shared by create and update. */
class AssignmentFieldsDto {
  /** Represents a start date in the yyyy-MM-ddThh:mm:ssZ format (read as a day in the caller's time zone). @example 2020-01-01T00:00:00Z */
  @IsISO8601({ strict: true })
  start: string;

  /** Represents an end date in the yyyy-MM-ddThh:mm:ssZ format (the last day, inclusive). @example 2020-01-05T00:00:00Z */
  @IsISO8601({ strict: true })
  end: string;

  /** Indicates whether assignment is billable or not. @example true */
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  /** Indicates whether to include non-working days or not. @example false */
  @IsOptional()
  @IsBoolean()
  includeNonWorkingDays?: boolean;

  /** Represents an assignment note. @example "This is a sample note for an assignment." */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  note?: string;

  /** Represents a start time in the hh:mm:ss format. @example "10:00:00" */
  @IsOptional()
  @Matches(TIME_PATTERN, { message: 'startTime must be hh:mm:ss' })
  startTime?: string;

  /** Represents a task identifier across the system. @example "56b687e29ae1f428e7ebe505" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'taskId must be a 24-character hex id' })
  taskId?: string;
}

/** AssignmentCreateRequestV1. */
@AcceptsReadOnlyFieldsOf(AssignmentDto)
export class AssignmentCreateRequestDto extends AssignmentFieldsDto {
  /** Represents a user identifier across the system. @example "72a687e29ae1f428e7ebe109" */
  @Matches(OBJECT_ID_PATTERN, { message: 'userId must be a 24-character hex id' })
  userId: string;

  /** Represents a project identifier across the system. @example "56b687e29ae1f428e7ebe504" */
  @Matches(OBJECT_ID_PATTERN, { message: 'projectId must be a 24-character hex id' })
  projectId: string;

  /** Represents assignment total hours per day (more than 0, at most 24). @example 7.5 */
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(24)
  hoursPerDay: number;

  /** Repeat weekly. */
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurringAssignmentRequestDto)
  recurringAssignment?: RecurringAssignmentRequestDto;
}

/** AssignmentUpdateRequestV1. */
@AcceptsReadOnlyFieldsOf(AssignmentDto)
export class AssignmentUpdateRequestDto extends AssignmentFieldsDto {
  /** Represents assignment total hours per day. @example 7.5 */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(24)
  hoursPerDay?: number;

  /** Which occurrences of a series change (default THIS_ONE). @example "THIS_ONE" */
  @IsOptional()
  @IsIn(SERIES_UPDATE_OPTIONS)
  seriesUpdateOption?: SeriesUpdateOption;
}

/** CopyAssignmentRequestV1. */
export class CopyAssignmentRequestDto {
  /** Represents a user identifier across the system. @example "72a687e29ae1f428e7ebe109" */
  @Matches(OBJECT_ID_PATTERN, { message: 'userId must be a 24-character hex id' })
  userId: string;

  /** Which occurrences of a series are copied (default THIS_ONE). @example "THIS_ONE" */
  @IsOptional()
  @IsIn(SERIES_UPDATE_OPTIONS)
  seriesUpdateOption?: SeriesUpdateOption;
}

/** The `seriesUpdateOption` query of DELETE recurring/{assignmentId}. */
export class DeleteAssignmentQueryDto {
  /** Represents a series option (default THIS_ONE). @example "ALL" */
  @IsOptional()
  @IsIn(SERIES_UPDATE_OPTIONS)
  seriesUpdateOption?: SeriesUpdateOption;
}
