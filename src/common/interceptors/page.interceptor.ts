import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { Page } from '../dto/page';

/** The list headers of the conventions; also for lists whose body is an object (`{categories, count}`). */
export function setPageHeaders(res: Response, total: number, page: number, pageSize: number): void {
  res.setHeader('X-Total-Count', String(total));
  res.setHeader('X-Page', String(page));
  res.setHeader('X-Page-Size', String(pageSize));
  res.setHeader('Last-Page', String(page * pageSize >= total));
}

/** Unwraps a Page: the items as the body, the totals as headers. */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof Page)) return value;
        setPageHeaders(
          context.switchToHttp().getResponse<Response>(),
          value.total,
          value.request.page,
          value.request.pageSize,
        );
        return value.items;
      }),
    );
  }
}
