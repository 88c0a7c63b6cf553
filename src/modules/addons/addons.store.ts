import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Workspace } from '../workspaces/entities/workspace.entity';
import { Addon, AddonStatus } from './entities/addon.entity';

/** The SQL of add-on installations; every query takes the workspace id first. */
@Injectable()
export class AddonsStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, addon: Omit<Addon, 'createdAt' | 'revokedAt' | 'failedReason'>): Promise<void> {
    await manager.query(
      `INSERT INTO addons (id, workspace_id, name, user_id, key, manifest, scopes, status, settings, token_kid)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        addon.id,
        addon.workspaceId,
        addon.name,
        addon.userId,
        addon.key,
        addon.manifest && JSON.stringify(addon.manifest),
        addon.scopes,
        addon.status,
        addon.settings && JSON.stringify(addon.settings),
        addon.tokenKid,
      ],
    );
  }

  async liveKeyExists(manager: EntityManager, workspaceId: string, key: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM addons WHERE workspace_id = $1 AND key = $2 AND revoked_at IS NULL',
      [workspaceId, key],
    );
    return rows.length > 0;
  }

  /** The live installation (not uninstalled), locked when asked; `workspaceId` null: any workspace (the operator CLI). */
  async findLive(
    manager: EntityManager,
    workspaceId: string | null,
    addonId: string,
    lock = false,
  ): Promise<Addon | null> {
    const qb = manager
      .getRepository(Addon)
      .createQueryBuilder('a')
      .where('a.id = :addonId AND a.revoked_at IS NULL', { addonId });
    if (workspaceId) qb.andWhere('a.workspace_id = :workspaceId', { workspaceId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** Any installation of the workspace, uninstalled or failed ones too (for reading). */
  async find(workspaceId: string, addonId: string, manager = this.dataSource.manager): Promise<Addon | null> {
    return manager.getRepository(Addon).findOneBy({ workspaceId, id: addonId });
  }

  async list(workspaceId: string): Promise<Addon[]> {
    return this.dataSource
      .getRepository(Addon)
      .find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Revokes the installation's token. */
  async revoke(manager: EntityManager, workspaceId: string, addonId: string): Promise<void> {
    await manager.query('UPDATE addons SET revoked_at = now() WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      addonId,
    ]);
  }

  /** ACTIVE or INACTIVE. */
  async setStatus(
    manager: EntityManager,
    workspaceId: string,
    addonId: string,
    status: Exclude<AddonStatus, 'FAILED'>,
  ): Promise<void> {
    await manager.query('UPDATE addons SET status = $3 WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      addonId,
      status,
    ]);
  }

  async saveSettings(manager: EntityManager, workspaceId: string, addonId: string, settings: unknown): Promise<void> {
    await manager.query('UPDATE addons SET settings = $3 WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      addonId,
      JSON.stringify(settings),
    ]);
  }

  /** Whether the user is an active member of the workspace. */
  async isActiveMember(workspaceId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 AND status = 'ACTIVE'`,
      [workspaceId, userId],
    );
    return rows.length > 0;
  }

  findWorkspace(workspaceId: string): Promise<Workspace | null> {
    return this.dataSource.getRepository(Workspace).findOneBy({ id: workspaceId });
  }
}
