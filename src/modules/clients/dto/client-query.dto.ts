import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SortedPageQueryDto } from '../../../common/dto/sorted-page-query.dto';
import { ToBoolean } from '../../../common/dto/transforms';

export const CLIENT_SORT_COLUMNS = ['NAME', 'ID'] as const;

/** Query of GET /clients. */
export class ClientQueryDto extends SortedPageQueryDto {
  /** Clients whose name contains this text (case-insensitive). @example "Client X" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  /** true: only archived clients; false: only active ones; absent: both. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  archived?: boolean;

  /** @example "NAME" */
  @IsOptional()
  @IsIn(CLIENT_SORT_COLUMNS)
  'sort-column'?: (typeof CLIENT_SORT_COLUMNS)[number];
}

/** Query of PUT /clients/{id}. */
export class UpdateClientQueryDto {
  /** When archiving the client, archive its projects too. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'archive-projects'?: boolean;

  /** With archive-projects, also mark the tasks of those projects as done. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'mark-tasks-as-done'?: boolean;
}
