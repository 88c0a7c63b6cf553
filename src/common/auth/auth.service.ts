import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import type { Role } from './roles';
import { countRequestSql, credentialHash, RateWindow } from '../guards/rate-limit.guard';
import { AddonTokenService } from './addon-token.service';
import type { AuthenticatedRequest, Principal } from './principal';

/** An API key's principal, and the rate window counted in the same query when asked to. */
export interface ApiKeyAuth {
  principal: Principal;
  rateWindow?: RateWindow;
}

export interface Membership {
  status: string;
  roles: Role[];
}

/** The key's user and, for `$2` (a workspace id or null), the user's membership with its roles. */
const KEY_SQL = `SELECT k.id, k.user_id, m.status, m.roles
         FROM api_keys k
         JOIN users u ON u.id = k.user_id
         LEFT JOIN LATERAL (
           SELECT wm.status,
                  ARRAY(SELECT DISTINCT r.role FROM member_roles r
                         WHERE r.workspace_id = wm.workspace_id AND r.user_id = wm.user_id) AS roles
             FROM workspace_members wm
            WHERE $2::char(24) IS NOT NULL AND wm.workspace_id = $2 AND wm.user_id = k.user_id
         ) m ON true
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.status <> 'DELETED'`;
/** KEY_SQL, with the request counted on rate counter `$3` when the key is valid. */
const KEY_COUNTED_SQL = `WITH a AS (${KEY_SQL}), r AS (${countRequestSql('$3', 'EXISTS (SELECT 1 FROM a)')})
  SELECT a.*, r.count, r.reset_ms FROM a LEFT JOIN r ON true`;

/** Turns credentials into a principal, and a principal plus workspace into a membership. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly addonTokens: AddonTokenService,
  ) {}

  /**
   * The user of the API key with this hash (`hashApiKey`); with `workspaceId` (a workspace route), also the user's
   * membership of it, and with `rateKey` the request counted on that rate
   * counter (when the key is valid), in the same query: one round trip
   * authenticates, authorizes and rate-limits a request.
   */
  async fromApiKeyHash(keyHash: string, workspaceId?: string, rateKey?: string): Promise<ApiKeyAuth | null> {
    const rows: { id: string; user_id: string; status: string | null; roles: Role[] | null; count?: number; reset_ms?: number }[] = rateKey
      ? await preparedQuery(this.dataSource, KEY_COUNTED_SQL, [keyHash, workspaceId ?? null, rateKey])
      : await preparedQuery(this.dataSource, KEY_SQL, [keyHash, workspaceId ?? null]);
    if (!rows.length) return null;
    const [row] = rows;
    const membership = workspaceId ? { workspaceId, member: row.status ? { status: row.status, roles: row.roles ?? [] } : null } : undefined;
    return {
      principal: { kind: 'user', userId: row.user_id, apiKeyId: row.id, membership },
      rateWindow: row.count === undefined || row.reset_ms === undefined ? undefined : { count: row.count, resetMs: row.reset_ms },
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
    const rows: { user_id: string; scopes: string[] | null; legacy: boolean }[] = await preparedQuery(
      this.dataSource,
      `SELECT user_id, scopes, token_kid IS NULL AS legacy FROM addons
        WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL AND status = 'ACTIVE'`,
      [claims.addonId, claims.workspaceId],
    );
    if (!rows.length || rows[0].legacy !== claims.legacy) return null;
    const asMember = claims.tokenType === 'USER';
    return {
      kind: 'addon',
      userId: asMember ? claims.user : rows[0].user_id,
      addonId: claims.addonId,
      workspaceId: claims.workspaceId,
      scopes: rows[0].scopes,
      asMember,
    };
  }

  /** The user's membership of the workspace with its roles, or null when there is none. */
  async membership(workspaceId: string, userId: string): Promise<Membership | null> {
    const rows: Membership[] = await this.dataSource.query(
      `SELECT m.status,
              ARRAY(SELECT DISTINCT r.role FROM member_roles r
                     WHERE r.workspace_id = m.workspace_id AND r.user_id = m.user_id) AS roles
         FROM workspace_members m
        WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0] ?? null;
  }

  async workspaceExists(workspaceId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM workspaces WHERE id = $1', [workspaceId]);
    return rows.length > 0;
  }
}
