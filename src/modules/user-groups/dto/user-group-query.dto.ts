import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SortedPageQueryDto } from '../../../common/dto/sorted-page-query.dto';
import { ToBoolean } from '../../../common/dto/transforms';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';

export const GROUP_SORT_COLUMNS = ['ID', 'NAME'] as const;

/** Query of GET /user-groups. */
export class UserGroupQueryDto extends SortedPageQueryDto {
  /** Groups that are members of this project. @example "5a0ab5acb07987125438b60f" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'project-id must be a 24-character hex id' })
  'project-id'?: string;

  /** Groups whose name contains this text (case-insensitive). @example "development" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  /** @example "NAME" */
  @IsOptional()
  @IsIn(GROUP_SORT_COLUMNS)
  'sort-column'?: (typeof GROUP_SORT_COLUMNS)[number];

  /** Fill `teamManagers` with the team managers of each group. */
  @ToBoolean()
  @IsBoolean()
  includeTeamManagers: boolean = false;
}
