import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

export const SORT_ORDERS = ['ASCENDING', 'DESCENDING'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Paging plus `sort-order`, as the reference's sorted lists take them; each list adds its own `sort-column`. */
export class SortedPageQueryDto extends PageQueryDto {
  /** Default ASCENDING. @example "ASCENDING" */
  @IsOptional()
  @IsIn(SORT_ORDERS)
  'sort-order'?: SortOrder;
}
