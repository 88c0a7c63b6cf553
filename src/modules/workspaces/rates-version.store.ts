import type { EntityManager } from 'typeorm';
import type { RatesVersions } from '../rates/rate-extensions';

/** The workspace's `rates_version`, which every rate change bumps (see `ratesUnchangedSql` in rates). */
export const RatesVersionStore: RatesVersions = {
  async bump(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query('UPDATE workspaces SET rates_version = rates_version + 1 WHERE id = $1', [workspaceId]);
  },
};
