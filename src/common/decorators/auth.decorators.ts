import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '../auth/roles';
import type { AuthenticatedRequest, Principal, WorkspaceContext } from '../auth/principal';
import { ErrorDto } from '../dto/error.dto';

export const IS_PUBLIC = 'isPublic';
export const REQUIRED_ROLES = 'requiredRoles';

/** The route needs no credentials (health, Swagger, public shared reports). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

const routeMetadataCache = new WeakMap<object, WeakMap<object, Map<string, unknown>>>();

/**
 * The route's `key` metadata (its handler's, else its controller's), read once per route: the guards ask on every
 * request, and each Reflector lookup walks the metadata of both.
 */
export function routeMetadata<T>(reflector: Reflector, context: ExecutionContext, key: string): T | undefined {
  const controller = context.getClass();
  const handler = context.getHandler();
  let handlers = routeMetadataCache.get(controller);
  if (!handlers) routeMetadataCache.set(controller, (handlers = new WeakMap()));
  let known = handlers.get(handler);
  if (!known) handlers.set(handler, (known = new Map()));
  if (!known.has(key)) known.set(key, reflector.getAllAndOverride<T>(key, [handler, controller]));
  return known.get(key) as T | undefined;
}

/** Whether the route is `@Public()`. */
export function isPublicRoute(reflector: Reflector, context: ExecutionContext): boolean {
  return routeMetadata<boolean>(reflector, context, IS_PUBLIC) === true;
}

/**
 * The caller must hold one of these roles in the route's workspace. OWNER and
 * WORKSPACE_ADMIN pass every role check; entity-scoped checks (which project a
 * PROJECT_MANAGER manages) stay in the service.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiForbiddenResponse({ type: ErrorDto, description: `Needs one of: ${roles.join(', ')}` }),
  );

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException();
  return principal;
});

/** The workspace context the workspace guard attached; fails closed when absent. */
export const CurrentWorkspace = createParamDecorator((_: unknown, ctx: ExecutionContext): WorkspaceContext => {
  const workspace = ctx.switchToHttp().getRequest<AuthenticatedRequest>().workspace;
  if (!workspace) throw new Error('CurrentWorkspace used on a route without :workspaceId');
  return workspace;
});
