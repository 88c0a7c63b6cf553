import { IsInt, Max, Min } from 'class-validator';
import { ToInt } from './transforms';

export const MAX_PAGE_SIZE = 1000;

/**
 * `page` (from 1) and `page-size` (1..1000), named as the reference names them.
 * Lists with another limit (time entries: 5000) extend this and override `page-size`.
 */
export class PageQueryDto {
  /** Page number, from 1. @example 1 */
  @ToInt()
  @IsInt()
  @Min(1)
  page: number = 1;

  /** Page size, 1 to 1000. @example 50 */
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  'page-size': number = 50;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export function pageOf(query: PageQueryDto): PageRequest {
  return { page: query.page, pageSize: query['page-size'] };
}
