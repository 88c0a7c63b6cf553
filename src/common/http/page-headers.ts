import type { Response } from 'express';

/** The list headers of the conventions; also for lists whose body is an object (`{categories, count}`). */
export function setPageHeaders(res: Response, total: number, page: number, pageSize: number): void {
  res.setHeader('X-Total-Count', String(total));
  res.setHeader('X-Page', String(page));
  res.setHeader('X-Page-Size', String(pageSize));
  res.setHeader('Last-Page', String(page * pageSize >= total));
}
