import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SortedPageQueryDto } from '../../../common/dto/sorted-page-query.dto';
import { ToBoolean } from '../../../common/dto/transforms';

/** Query of GET /expenses/categories. */
export class ExpenseCategoryQueryDto extends SortedPageQueryDto {
  /** Only the categories whose name contains this text (case-insensitive). @example "procurement" */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  name?: string;

  /** true: only archived categories; false (default): only active ones. */
  @ToBoolean()
  @IsBoolean()
  archived: boolean = false;

  /** @example "NAME" */
  @IsOptional()
  @IsIn(['NAME'])
  'sort-column'?: 'NAME';
}
