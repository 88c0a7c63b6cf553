import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { env } from '../../config/env.validation';
import { hashApiKey } from '../auth/api-key';
import type { AuthenticatedRequest } from '../auth/principal';
import { isPublicRoute } from '../decorators/auth.decorators';
import { RateLimitStore } from './rate-limit.store';

const CLEANUP_SHARE = 0.01;

/** The count of the caller's current one-second window, this request included. */
export interface RateWindow {
  count: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

/** A request whose rate counter was already incremented (by AuthGuard, in the query that checked the key). */
export interface RateCountedRequest extends AuthenticatedRequest {
  rateWindow?: RateWindow;
}

const hashes = new WeakMap<AuthenticatedRequest, string>();

/**
 * The caller's credential (API key or add-on token) as a hash (for an API key, the stored one): the key of its
 * counters and stored responses. Computed once per request (the guards and the idempotency interceptor ask).
 */
export function credentialHash(request: AuthenticatedRequest): string | undefined {
  const known = hashes.get(request);
  if (known) return known;
  const credential = request.header('x-api-key') || request.header('x-addon-token');
  if (!credential) return undefined;
  const hash = hashApiKey(credential);
  hashes.set(request, hash);
  return hash;
}

/** The counter a request counts on: its credential and the route's workspace. */
export function rateLimitKey(request: AuthenticatedRequest): string | undefined {
  const credential = credentialHash(request);
  return credential ? `${credential}:${request.params?.workspaceId ?? ''}` : undefined;
}

/**
 * Rate limit: RATE_LIMIT_PER_SECOND requests per credential and workspace, in
 * one-second windows counted in PostgreSQL (one upsert per request, so every
 * app instance shares the count). For API keys AuthGuard does the upsert in
 * the query that checks the key (see `rateLimitKey`, `countRequestSql` in rate-limit.store);
 * otherwise it is done here. Sets RateLimit-Limit / -Remaining / -Reset on
 * every authenticated response; past the limit, 429 with Retry-After.
 * Runs right after AuthGuard: public routes and unauthenticated calls are not counted.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly store: RateLimitStore;

  constructor(
    dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {
    this.store = new RateLimitStore(dataSource);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<RateCountedRequest>();
    const key = request.principal ? rateLimitKey(request) : undefined;
    if (!key) return true;

    const { count, resetMs } = request.rateWindow ?? (await this.store.count(key));
    if (Math.random() < CLEANUP_SHARE) this.cleanUp();

    const limit = env().RATE_LIMIT_PER_SECOND;
    const resetSeconds = String(Math.max(1, Math.ceil(resetMs / 1000)));
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('RateLimit-Limit', String(limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, limit - count)));
    response.setHeader('RateLimit-Reset', resetSeconds);
    if (count > limit) {
      response.setHeader('Retry-After', resetSeconds);
      throw new HttpException(`Rate limit of ${limit} requests per second exceeded`, HttpStatus.TOO_MANY_REQUESTS);
    }
    return true;
  }

  /** Old windows are dropped by a share of the requests, in the background. */
  private cleanUp(): void {
    this.store.dropOldWindows().catch(() => undefined);
  }
}
