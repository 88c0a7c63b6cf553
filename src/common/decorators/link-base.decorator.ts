import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { linkBase } from '../utils/links';

/** The request's link base (see linkBase): what a service prefixes to the absolute links it answers. */
export const LinkBase = createParamDecorator((_: unknown, ctx: ExecutionContext): string =>
  linkBase(ctx.switchToHttp().getRequest<Request>()),
);
