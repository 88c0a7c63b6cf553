import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SortedPageQueryDto } from '../../../common/dto/sorted-page-query.dto';
import { ToBoolean } from '../../../common/dto/transforms';
import { MEMBERSHIP_STATUSES } from '../../workspaces/entities/workspace-member.entity';

/** Filters of GET .../projects/{projectId}/tasks. */
export class TaskListQueryDto extends SortedPageQueryDto {
  /** Tasks whose name contains this text (case-insensitive). @example "bug" */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  /** With `name`: only tasks whose name is exactly it (case-insensitive). @example false */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'strict-name-search'?: boolean;

  /** true: only ACTIVE tasks; false: only DONE ones; absent: all. @example true */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'is-active'?: boolean;

  /** @example "NAME" */
  @IsOptional()
  @IsIn(['ID', 'NAME'])
  'sort-column'?: 'ID' | 'NAME';
}

/** Query of POST/PUT task: `contains-assignee=false` stores the task without assignees. */
export class TaskWriteQueryDto {
  /** @example true */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'contains-assignee'?: boolean;

  /** Accepted for compatibility; has no effect. @example "ACTIVE" */
  @IsOptional()
  @IsIn([...MEMBERSHIP_STATUSES, 'ALL'])
  'membership-status'?: string;
}
