import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../auth/principal';
import { NO_SCOPE, requiredScope } from '../auth/scopes';
import { isPublicRoute } from '../decorators/auth.decorators';

/**
 * Add-on scopes, in one place: a request with an add-on token whose manifest
 * lists scopes may only call operations needing one of them (table in
 * `auth/scopes.ts`); otherwise 403 naming the missing scope. Add-ons installed
 * without a manifest (`scopes` null) keep full access; API keys are not concerned.
 */
@Injectable()
export class AddonScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { route?: { path?: string } }>();
    const principal = request.principal;
    if (principal?.kind !== 'addon' || principal.scopes === null) return true;
    if (isPublicRoute(this.reflector, context)) return true;
    const needed = requiredScope(request.method, request.route?.path ?? request.path);
    if (needed === NO_SCOPE) return true;
    if (needed === null) throw new ForbiddenException('This operation is not available to add-on tokens with scopes');
    if (!principal.scopes.includes(needed))
      throw new ForbiddenException(`The add-on's manifest does not grant the scope ${needed}`);
    return true;
  }
}
