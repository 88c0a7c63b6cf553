import { IsIn, IsOptional } from 'class-validator';
import { SortedPageQueryDto } from '../../../common/dto/sorted-page-query.dto';
import { APPROVAL_STATES, type ApprovalState } from './approval-requests.dto';

export const APPROVAL_SORT_COLUMNS = ['ID', 'USER_ID', 'START', 'UPDATED_AT'] as const;
export type ApprovalSortColumn = (typeof APPROVAL_SORT_COLUMNS)[number];

/** Query of GET /approval-requests. */
export class ApprovalQueryDto extends SortedPageQueryDto {
  /** Only requests in this approval state. @example "PENDING" */
  @IsOptional()
  @IsIn(APPROVAL_STATES)
  status?: ApprovalState;

  /** Sorting column, START (the period start) by default. @example "START" */
  @IsOptional()
  @IsIn(APPROVAL_SORT_COLUMNS)
  'sort-column'?: ApprovalSortColumn;
}
