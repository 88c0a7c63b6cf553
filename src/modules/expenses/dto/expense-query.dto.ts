import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Query of GET /expenses: the reference's `user-id`, plus category and date filters (extensions). */
export class ExpenseQueryDto extends PageQueryDto {
  /** Only this user's expenses. @example "5a0ab5acb07987125438b60f" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'user-id must be a 24-character hex id' })
  'user-id'?: string;

  /** Only expenses of this category (extension). @example "45a687e29ae1f428e7ebe890" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, { message: 'category-id must be a 24-character hex id' })
  'category-id'?: string;

  /** Only expenses dated on or after this day, yyyy-MM-dd (extension). @example "2024-01-01" */
  @IsOptional()
  @Matches(DATE, { message: 'start-date must be yyyy-MM-dd' })
  'start-date'?: string;

  /** Only expenses dated on or before this day, yyyy-MM-dd (extension). @example "2024-12-31" */
  @IsOptional()
  @Matches(DATE, { message: 'end-date must be yyyy-MM-dd' })
  'end-date'?: string;
}
