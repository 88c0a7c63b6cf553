import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A manifest webhook of an add-on being installed. */
export interface NewAddonWebhook {
  id: string;
  url: string;
  event: string;
  name: string;
  token: string;
  tokenKid: string;
  secret: string;
}

/**
 * The writes the add-ons module makes to webhooks (an installation's manifest webhooks, removed with it, enabled
 * with it): the webhooks table stays this module's. Every statement runs in the caller's transaction.
 */
@Injectable()
export class AddonWebhooksStore {
  /** Manifest webhooks belong to the add-on (deleted with it); delivered to every matching event of the workspace. */
  async insert(
    manager: EntityManager,
    workspaceId: string,
    addonId: string,
    userId: string,
    webhooks: NewAddonWebhook[],
  ): Promise<void> {
    for (const w of webhooks) {
      await manager.query(
        `INSERT INTO webhooks (id, workspace_id, addon_id, user_id, name, url, webhook_event, trigger_source, trigger_source_type, token, token_kid, secret)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', 'WORKSPACE_ID', $8, $9, $10)`,
        [w.id, workspaceId, addonId, userId, w.name, w.url, w.event, w.token, w.tokenKid, w.secret],
      );
    }
  }

  /** The workspace's webhooks, of every creator. */
  async countOfWorkspace(manager: EntityManager, workspaceId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM webhooks WHERE workspace_id = $1',
      [workspaceId],
    );
    return row.n;
  }

  /** Deletes the add-on's webhooks (with their delivery logs). */
  async deleteOfAddon(manager: EntityManager, workspaceId: string, addonId: string): Promise<void> {
    await manager.query('DELETE FROM webhooks WHERE workspace_id = $1 AND addon_id = $2', [workspaceId, addonId]);
  }

  /** A disabled add-on's webhooks are not delivered. */
  async enableOfAddon(manager: EntityManager, workspaceId: string, addonId: string, enabled: boolean): Promise<void> {
    await manager.query(
      'UPDATE webhooks SET enabled = $3, updated_at = now() WHERE workspace_id = $1 AND addon_id = $2',
      [workspaceId, addonId, enabled],
    );
  }
}
