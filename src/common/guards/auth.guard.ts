import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from '../auth/auth.service';
import { isPublicRoute } from '../decorators/auth.decorators';
import { isObjectId } from '../utils/ids';
import { credentialHash, RateCountedRequest, rateLimitKey } from './rate-limit.guard';

/** Secure by default: every route needs X-Api-Key or X-Addon-Token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RateCountedRequest>();
    // Public routes never read credentials (health keeps answering while the database is down);
    // one that serves private data too (a private shared report) asks AuthService.principalOf itself.
    if (isPublicRoute(this.reflector, context)) return true;
    const apiKey = request.header('x-api-key');
    const addonToken = request.header('x-addon-token');
    if (!apiKey && !addonToken) throw new UnauthorizedException('Missing X-Api-Key or X-Addon-Token header');

    const workspaceId = request.params?.workspaceId;
    const keyHash = apiKey ? credentialHash(request) : undefined;
    if (keyHash) {
      // The request is counted for the rate limit in the same query (RateLimitGuard reads the count).
      const found = await this.auth.fromApiKeyHash(
        keyHash,
        isObjectId(workspaceId) ? workspaceId : undefined,
        rateLimitKey(request),
      );
      request.principal = found?.principal;
      request.rateWindow = found?.rateWindow;
    } else if (addonToken) request.principal = (await this.auth.fromAddonToken(addonToken)) ?? undefined;

    if (!request.principal) throw new UnauthorizedException(apiKey ? 'Invalid API key' : 'Invalid add-on token');
    return true;
  }
}
