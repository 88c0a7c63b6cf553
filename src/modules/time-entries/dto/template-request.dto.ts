import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../common/dto/trim';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TEMPLATE_NAME_MAX = 100;
export const TEMPLATE_ENTRY_TYPES = ['REGULAR', 'BREAK'] as const;

/** ProjectTaskTupleRequest: one row of a template. */
export class ProjectTaskTupleRequestDto {
  /** Represents a project identifier across the system. @example "25b687e29ae1f428e7ebe123" */
  @IsString()
  @Matches(OBJECT_ID_PATTERN, { message: 'projectId must be a 24-character hex id' })
  projectId: string;

  /** Represents a task identifier across the system; the task must belong to the project. @example "54m377ddd3fcab07cfbb432w" */
  @IsOptional()
  @IsString()
  @Matches(OBJECT_ID_PATTERN, { message: 'taskId must be a 24-character hex id' })
  taskId?: string;

  /** Represents a time entry type. @example "REGULAR" */
  @IsOptional()
  @IsIn(TEMPLATE_ENTRY_TYPES)
  type?: (typeof TEMPLATE_ENTRY_TYPES)[number];
}

/** TemplateRequest: one template to create (the create body is an array of these). */
export class TemplateRequestDto {
  /** Represents a template name. @example "exampleTemplate" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEMPLATE_NAME_MAX)
  name: string;

  /** Represents a list of template's projects and tasks. */
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProjectTaskTupleRequestDto)
  projectsAndTasks: ProjectTaskTupleRequestDto[];

  /** Represents a set of template time entry ids (the caller's own entries). @example ["64c777ddd3fcab07cfbb210c"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'timeEntryIds must be 24-character hex ids' })
  timeEntryIds?: string[];

  /** Represents a date of the starting day of the week in the yyyy-MM-dd format. @example "2019-08-24" */
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'weekStart must be yyyy-MM-dd' })
  @IsISO8601({ strict: true }, { message: 'weekStart must be a valid date' })
  weekStart?: string;
}

/** TemplatePatchRequest: renames a template. */
export class TemplatePatchRequestDto {
  /** Represents a template name. @example "exampleTemplate" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEMPLATE_NAME_MAX)
  name: string;
}
