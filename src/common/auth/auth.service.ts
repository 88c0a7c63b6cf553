import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { credentialHash, RateWindow } from '../guards/rate-limit.guard';
import { AddonTokenService } from './addon-token.service';
import { AuthStore, type Membership } from './auth.store';
import type { AuthenticatedRequest, Principal } from './principal';

/** An API key's principal, and the rate window counted in the same query when asked to. */
export interface ApiKeyAuth {
  principal: Principal;
  rateWindow?: RateWindow;
}

/** Turns credentials into a principal, and a principal plus workspace into a membership. */
@Injectable()
export class AuthService {
  private readonly store: AuthStore;

  constructor(
    dataSource: DataSource,
    private readonly addonTokens: AddonTokenService,
  ) {
    this.store = new AuthStore(dataSource);
  }

  /**
   * The user of the API key with this hash (`hashApiKey`); with `workspaceId` (a workspace route), also the user's
   * membership of it, and with `rateKey` the request counted on that rate
   * counter (when the key is valid), in the same query: one round trip
   * authenticates, authorizes and rate-limits a request.
   */
  async fromApiKeyHash(keyHash: string, workspaceId?: string, rateKey?: string): Promise<ApiKeyAuth | null> {
    const rows = await this.store.apiKey(keyHash, workspaceId, rateKey);
    if (!rows.length) return null;
    const [row] = rows;
    const membership = workspaceId
      ? { workspaceId, member: row.status ? { status: row.status, roles: row.roles ?? [] } : null }
      : undefined;
    return {
      principal: { kind: 'user', userId: row.user_id, apiKeyId: row.id, membership },
      rateWindow:
        row.count === undefined || row.reset_ms === undefined ? undefined : { count: row.count, resetMs: row.reset_ms },
    };
  }

  /** The caller of a request by its X-Api-Key or X-Addon-Token, without counting it; for public routes that may serve private data. */
  async principalOf(request: AuthenticatedRequest): Promise<Principal | undefined> {
    const keyHash = request.header('x-api-key') ? credentialHash(request) : undefined;
    if (keyHash) return (await this.fromApiKeyHash(keyHash))?.principal;
    const addonToken = request.header('x-addon-token');
    return addonToken ? ((await this.fromAddonToken(addonToken)) ?? undefined) : undefined;
  }

  /**
   * The add-on principal of an installation or user token: the installation must
   * be live (not uninstalled, not failed, not disabled); HS256 tokens only for
   * installations made before RS256 (no `token_kid`).
   */
  async fromAddonToken(token: string): Promise<Principal | null> {
    const claims = await this.addonTokens.verify(token);
    if (!claims || (claims.tokenType !== 'INSTALLATION' && claims.tokenType !== 'USER')) return null;
    const addon = await this.store.liveAddon(claims.addonId, claims.workspaceId);
    if (!addon || addon.legacy !== claims.legacy) return null;
    const asMember = claims.tokenType === 'USER';
    return {
      kind: 'addon',
      userId: asMember ? claims.user : addon.user_id,
      addonId: claims.addonId,
      workspaceId: claims.workspaceId,
      scopes: addon.scopes,
      asMember,
    };
  }

  /** The user's membership of the workspace with its roles, or null when there is none. */
  membership(workspaceId: string, userId: string): Promise<Membership | null> {
    return this.store.membership(workspaceId, userId);
  }

  workspaceExists(workspaceId: string): Promise<boolean> {
    return this.store.workspaceExists(workspaceId);
  }
}
