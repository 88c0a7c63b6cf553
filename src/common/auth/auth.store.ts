import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import { countRequestSql } from '../guards/rate-limit.store';
import type { Role } from './roles';

/** An API key's row: its user, the membership of the asked workspace, and the rate window when counted. */
export interface ApiKeyRow {
  id: string;
  user_id: string;
  status: string | null;
  roles: Role[] | null;
  count?: number;
  reset_ms?: number;
}

export interface LiveAddonRow {
  user_id: string;
  scopes: string[] | null;
  legacy: boolean;
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

/**
 * The SQL of authentication. The key and add-on statements run on every request: they are prepared
 * (`preparedQuery`, found by their text, so the texts must not change from call to call).
 */
export class AuthStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The live key with this hash (none: empty), with the membership of `workspaceId`, counting the request on `rateKey` when given. */
  apiKey(keyHash: string, workspaceId?: string, rateKey?: string): Promise<ApiKeyRow[]> {
    return rateKey
      ? preparedQuery(this.dataSource, KEY_COUNTED_SQL, [keyHash, workspaceId ?? null, rateKey])
      : preparedQuery(this.dataSource, KEY_SQL, [keyHash, workspaceId ?? null]);
  }

  /** The installation when it is live (not uninstalled, not failed, not disabled). */
  async liveAddon(addonId: string, workspaceId: string): Promise<LiveAddonRow | undefined> {
    const rows: LiveAddonRow[] = await preparedQuery(
      this.dataSource,
      `SELECT user_id, scopes, token_kid IS NULL AS legacy FROM addons
        WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL AND status = 'ACTIVE'`,
      [addonId, workspaceId],
    );
    return rows[0];
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
