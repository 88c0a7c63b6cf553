import { ArrayNotEmpty, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ToArray, ToInt } from '../../../common/dto/transforms';
import { FEED_TYPE_NAMES } from '../change-types';

export const MAX_FEED_LIMIT = 1000;

export class EntityChangesQueryDto {
  /**
   * Document types, at least one (repeat the parameter or separate with commas): CLIENTS, PROJECTS, TAGS, TASKS,
   * SCHEDULED_ASSIGNMENT, TIME_ENTRY, TIME_ENTRY_RATE, TIME_ENTRY_CUSTOM_FIELD_VALUE; also the singular forms
   * and USER, USER_GROUP, CUSTOM_FIELD, TEMPLATE, EXPENSE, INVOICE.
   * @example ["TIME_ENTRY"]
   */
  @ToArray()
  @ArrayNotEmpty({ message: 'type must name at least one document type' })
  @IsIn(FEED_TYPE_NAMES, { each: true })
  type: string[];

  /**
   * Start of the date range (yyyy-MM-ddThh:mm:ssZ). Without it: 30 days before `end` (or before now).
   * Ignored with `cursor`. @example 2024-10-29T10:00:00Z
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  start?: string;

  /**
   * End of the date range (yyyy-MM-ddThh:mm:ssZ). Without it: 30 days after `start` (or now).
   * Ignored with `cursor`. @example 2024-11-28T10:00:00Z
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  end?: string;

  /** Page number (0 and 1 are both the first page). Ignored with `cursor`. @example 0 */
  @ToInt()
  @IsInt()
  @Min(0)
  page: number = 0;

  /** Changes per page, 1 to 1000. @example 50 */
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_LIMIT)
  limit: number = 50;

  /**
   * Not in Clockify: continue after the last change of a previous response (its `X-Next-Cursor` header, or
   * `nextCursor` of /deleted). Changes then come in order, each exactly once, including those of transactions
   * that committed out of order; `start`, `end` and `page` are ignored. Keep `type` the same between calls.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,600}$/, { message: 'cursor is not a cursor returned by this API' })
  cursor?: string;
}
