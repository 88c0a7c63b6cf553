import type { PageRequest } from './page-query.dto';

/**
 * One page of a list. Services return it; the HTTP adapter (common/http) sends `items` as
 * the body (a plain array, as Clockify does) and the totals as headers:
 * X-Total-Count, X-Page, X-Page-Size, Last-Page.
 */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly total: number,
    readonly request: PageRequest,
  ) {}

  get isLast(): boolean {
    return this.request.page * this.request.pageSize >= this.total;
  }

  map<U>(fn: (item: T) => U): Page<U> {
    return new Page(this.items.map(fn), this.total, this.request);
  }
}

/** SQL LIMIT/OFFSET of a page request. */
export function limitOffset({ page, pageSize }: PageRequest): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}
