import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AddonTokenService } from '../../common/auth/addon-token.service';
import { newId } from '../../common/utils/ids';
import { Workspace } from '../workspaces/entities/workspace.entity';
import { Addon } from './entities/addon.entity';

/**
 * Add-on installations. An add-on's token reaches exactly the workspace it was
 * installed in, acting as an admin there and, where an endpoint needs a user,
 * as the workspace owner who installed it.
 */
@Injectable()
export class AddonsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AddonTokenService,
  ) {}

  async install(workspaceId: string, name: string): Promise<{ addonId: string; token: string }> {
    const workspace = await this.dataSource.getRepository(Workspace).findOneBy({ id: workspaceId });
    if (!workspace) throw new NotFoundException(`Workspace ${workspaceId} not found`);
    const addon = { id: newId(), workspaceId, name: name.trim(), userId: workspace.ownerId, revokedAt: null };
    await this.dataSource.getRepository(Addon).insert(addon);
    return { addonId: addon.id, token: await this.tokens.sign({ workspaceId, addonId: addon.id }) };
  }

  /** Revokes the add-on's token and deletes its webhooks (with their delivery logs), in one transaction. */
  async uninstall(addonId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(Addon)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: () => 'now()' })
        .where('id = :addonId AND revoked_at IS NULL', { addonId })
        .execute();
      if (!result.affected) throw new NotFoundException(`No installed add-on ${addonId}`);
      await manager.query('DELETE FROM webhooks WHERE addon_id = $1', [addonId]);
    });
  }
}
