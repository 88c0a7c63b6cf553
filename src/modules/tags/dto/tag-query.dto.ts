import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SortedPageQueryDto } from '../../../common/dto/sorted-page-query.dto';
import { ToArray, ToBoolean } from '../../../common/dto/transforms';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';

export const TAG_SORT_COLUMNS = ['ID', 'NAME'] as const;

/** Query of GET /tags. */
export class TagQueryDto extends SortedPageQueryDto {
  /** Tags whose name contains this text (case-insensitive); with strict-name-search, equals it. @example "Sprint" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  /** Only tags whose name equals `name` (case-insensitively). */
  @ToBoolean()
  @IsBoolean()
  'strict-name-search': boolean = false;

  /** Tags to leave out (repeated or comma-separated). @example ["90a687e29ae1f428e7ebe657"] */
  @IsOptional()
  @ToArray()
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'excluded-ids must be 24-character hex ids' })
  'excluded-ids'?: string[];

  /** true: only archived tags; false (default): only active ones. */
  @ToBoolean()
  @IsBoolean()
  archived: boolean = false;

  /** @example "NAME" */
  @IsOptional()
  @IsIn(TAG_SORT_COLUMNS)
  'sort-column'?: (typeof TAG_SORT_COLUMNS)[number];
}
