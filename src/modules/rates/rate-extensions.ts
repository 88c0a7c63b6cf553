import type { EntityManager } from 'typeorm';
import type { RateKind } from './entities/rate.entity';
import type { RateScope } from './rates.store';

/**
 * What a rate change writes in tables of modules that import rates, as interfaces rates owns: time entries and
 * workspaces implement them and `modules/extensions.module.ts` wires them in, so nothing under rates/ imports them.
 */

export interface EntryRepricer {
  /**
   * Re-prices the entries the change of the scope's rate reaches, from `since` (all time when null), in one
   * statement; answers how many changed.
   */
  reprice(
    manager: EntityManager,
    scope: RateScope,
    kind: RateKind,
    amount: number,
    currency: string,
    since: Date | null,
  ): Promise<number>;
}
export const ENTRY_REPRICER = Symbol('ENTRY_REPRICER');

export interface RatesVersions {
  /** Bumps the workspace's rates version, which a write that priced its entry outside the lock checks. */
  bump(manager: EntityManager, workspaceId: string): Promise<void>;
}
export const RATES_VERSIONS = Symbol('RATES_VERSIONS');
