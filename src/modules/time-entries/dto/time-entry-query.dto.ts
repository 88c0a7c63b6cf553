import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ToArray, ToBoolean, ToInt } from '../../../common/dto/transforms';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';

export const MAX_ENTRY_PAGE_SIZE = 5000;

/** `hydrated` alone (GET /time-entries/{id}, bulk update). */
export class HydratedQueryDto {
  /** Include the project, task, tags and user objects. */
  @ToBoolean()
  @IsBoolean()
  hydrated: boolean = false;
}

/** Query of GET /user/{userId}/time-entries. */
export class TimeEntryListQueryDto {
  /** Page number, from 1. @example 1 */
  @ToInt()
  @IsInt()
  @Min(1)
  page: number = 1;

  /** Page size, 1 to 5000. @example 50 */
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(MAX_ENTRY_PAGE_SIZE)
  'page-size': number = 50;

  /** Entries whose description contains this text (case-insensitive). @example "meeting" */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  description?: string;

  /** Entries starting at or after this instant. @example "2020-01-01T00:00:00Z" */
  @IsOptional()
  @IsDateString({ strict: true })
  start?: string;

  /** Entries starting at or before this instant. @example "2021-01-01T00:00:00Z" */
  @IsOptional()
  @IsDateString({ strict: true })
  end?: string;

  /** @example "5b641568b07987035750505e" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'project must be a 24-character hex id' })
  project?: string;

  /** @example "64c777ddd3fcab07cfbb210c" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'task must be a 24-character hex id' })
  task?: string;

  /** Entries with any of these tags (repeated or comma-separated). @example ["5e4117fe8c625f38930d57b7"] */
  @IsOptional()
  @ToArray()
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'tags must be 24-character hex ids' })
  tags?: string[];

  /** Only entries with a project. */
  @ToBoolean()
  @IsBoolean()
  'project-required': boolean = false;

  /** Only entries with a task. */
  @ToBoolean()
  @IsBoolean()
  'task-required': boolean = false;

  /** Include the project, task, tags and user objects. */
  @ToBoolean()
  @IsBoolean()
  hydrated: boolean = false;

  /** true: only the running entry; false: only finished ones. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'in-progress'?: boolean;

  /** Entries of the week before this instant that have a project or task. @example "2020-01-01T00:00:00Z" */
  @IsOptional()
  @IsDateString({ strict: true })
  'get-week-before'?: string;
}

/** Query of GET /time-entries/status/in-progress (page-size default 10). */
export class InProgressQueryDto {
  /** Page number, from 1. @example 1 */
  @ToInt()
  @IsInt()
  @Min(1)
  page: number = 1;

  /** Page size, 1 to 1000. @example 10 */
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(1000)
  'page-size': number = 10;
}

/** Query of POST /user/{userId}/time-entries. */
export class FromEntryQueryDto {
  /** Copy project, task, tags, description and billable from this entry (the body's fields win). @example "64c777ddd3fcab07cfbb210c" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'from-entry must be a 24-character hex id' })
  'from-entry'?: string;
}

/** Query of DELETE /user/{userId}/time-entries. */
export class BulkDeleteQueryDto {
  /**
   * Required; checked after the caller's access to the user's time (a member deleting another's is 403, not 400).
   * @example ["5a0ab5acb07987125438b60f"]
   */
  @ApiProperty({ required: true, type: [String] })
  @ToArray()
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'time-entry-ids must be 24-character hex ids' })
  'time-entry-ids': string[];
}
