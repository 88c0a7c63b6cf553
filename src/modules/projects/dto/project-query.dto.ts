import { IntersectionType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { SortedPageQueryDto } from '../../../common/dto/sorted-page-query.dto';
import { ToArray, ToBoolean, ToInt } from '../../../common/dto/transforms';
import { IsObjectId } from './validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Query of GET projects/{id}. */
export class ProjectQueryDto {
  /** true: add the project's tasks and custom fields. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  hydrated?: boolean;

  /** The entity type of the custom fields of a hydrated project. @example "TIMEENTRY" */
  @IsOptional()
  @IsIn(['TIMEENTRY', 'USER'])
  'custom-field-entity-type'?: 'TIMEENTRY' | 'USER';

  /** Maximum number of expenses of a hydrated project (expenses are not part of the project yet). */
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(0)
  'expense-limit'?: number;

  /** Expenses dated before this day (yyyy-MM-dd). */
  @IsOptional()
  @Matches(DATE, { message: 'expense-date must be yyyy-MM-dd' })
  'expense-date'?: string;
}

export const PROJECT_SORT_COLUMNS = ['ID', 'NAME', 'CLIENT_NAME', 'DURATION', 'BUDGET', 'PROGRESS'] as const;

/** Query of GET projects: every filter of the reference; `hydrated` and the expense options as for one project. */
export class ProjectListQueryDto extends IntersectionType(
  SortedPageQueryDto,
  PickType(ProjectQueryDto, ['hydrated', 'expense-limit', 'expense-date'] as const),
) {
  /** Part of the name (or the whole name with strict-name-search). */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  name?: string;

  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'strict-name-search'?: boolean;

  /** true: archived only; false: active only; absent: both. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  archived?: boolean;

  /** true: billable only; false: non-billable only; absent: both. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  billable?: boolean;

  @IsOptional()
  @ToArray()
  @IsObjectId({ each: true })
  clients?: string[];

  /** false: projects whose client is NOT one of `clients`. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'contains-client'?: boolean;

  @IsOptional()
  @IsIn(['ACTIVE', 'ARCHIVED', 'ALL'])
  'client-status'?: 'ACTIVE' | 'ARCHIVED' | 'ALL';

  @IsOptional()
  @ToArray()
  @IsObjectId({ each: true })
  users?: string[];

  /** false: projects that none of `users` is a member of. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'contains-user'?: boolean;

  /** The workspace status the matching `users` must have. */
  @IsOptional()
  @IsIn(['PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE', 'ALL'])
  'user-status'?: string;

  @IsOptional()
  @ToArray()
  @IsObjectId({ each: true })
  userGroups?: string[];

  /** false: projects that none of `userGroups` is a member of. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'contains-group'?: boolean;

  /** true: templates only; false: no templates; absent: both. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'is-template'?: boolean;

  @IsOptional()
  @IsIn(PROJECT_SORT_COLUMNS)
  'sort-column'?: (typeof PROJECT_SORT_COLUMNS)[number];

  @IsOptional()
  @IsIn(['PUBLIC', 'PRIVATE'])
  access?: 'PUBLIC' | 'PRIVATE';
}
