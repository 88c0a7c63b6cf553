import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';
import { parseIsoDuration } from '../../../common/utils/time';
import { TASK_STATUSES, type TaskStatus } from '../entities/task.entity';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { TaskDto } from './task.dto';

const ID_MESSAGE = 'must be a 24-character hex id';

/** An ISO-8601 duration such as `PT1H30M`. */
const IsIsoDuration = () =>
  ValidateBy({
    name: 'isIsoDuration',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseIsoDuration(value) !== null,
      defaultMessage: () => 'estimate must be an ISO-8601 duration such as PT1H30M',
    },
  });

/** Body of PUT .../tasks/{taskId} (UpdateTaskRequest). Omitted optional fields keep their values. */
@AcceptsReadOnlyFieldsOf(TaskDto)
export class UpdateTaskRequestDto {
  /** @example "Bugfixing" */
  @IsString()
  @Length(1, 1000)
  name: string;

  /** Ids of workspace members to assign (replaces the current assignees). @example ["45b687e29ae1f428e7ebe123"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: `each assigneeIds item ${ID_MESSAGE}` })
  assigneeIds?: string[];

  /** A single assignee (older clients); added to assigneeIds. @example "45b687e29ae1f428e7ebe123" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: `assigneeId ${ID_MESSAGE}` })
  assigneeId?: string;

  /** Ids of user groups to assign (replaces the current groups). @example ["67b687e29ae1f428e7ebe123"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: `each userGroupIds item ${ID_MESSAGE}` })
  userGroupIds?: string[];

  /** Estimated duration, ISO-8601. @example "PT1H30M" */
  @IsOptional()
  @IsIsoDuration()
  estimate?: string;

  /** Budget estimate in cents. @example 10000 */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetEstimate?: number;

  /** @example "DONE" */
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  /** @example true */
  @IsOptional()
  @IsBoolean()
  billable?: boolean;
}

/** Body of POST .../tasks (TaskRequestV1). `billable` defaults to the project's. */
@AcceptsReadOnlyFieldsOf(TaskDto)
export class CreateTaskRequestDto extends UpdateTaskRequestDto {
  /** Ignored: the server assigns ids. @example "57a687e29ae1f428e7ebe107" */
  @IsOptional()
  @IsString()
  id?: string;
}
