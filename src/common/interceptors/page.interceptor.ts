import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { Page } from '../dto/page';

/** Unwraps a Page: the items as the body, the totals as headers. */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof Page)) return value;
        const response = context.switchToHttp().getResponse<Response>();
        response.setHeader('X-Total-Count', String(value.total));
        response.setHeader('X-Page', String(value.request.page));
        response.setHeader('X-Page-Size', String(value.request.pageSize));
        response.setHeader('Last-Page', String(value.isLast));
        return value.items;
      }),
    );
  }
}
