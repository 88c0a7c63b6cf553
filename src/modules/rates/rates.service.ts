import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../common/utils/ids';
import type { RateKind } from './entities/rate.entity';
import { ENTRY_REPRICER, type EntryRepricer, RATES_VERSIONS, type RatesVersions } from './rate-extensions';
import { ALL_TIME, RateLevel, resolveRates, ResolvedRates } from './rate-resolver';
import type { RateValue } from './rate-value';
import { type RateCandidateRow, RateScope, RatesStore } from './rates.store';

export type { RateScope } from './rates.store';

// Its own file so that rate-resolver need not import this service (they imported each other).
export type { RateValue } from './rate-value';

/** The rates in force at `at` among the candidates of `rateCandidatesSql`. */
export function resolveCandidates(rows: readonly RateCandidateRow[], at: Date): ResolvedRates {
  return resolveRates(
    rows.map((r) => ({
      kind: r.kind,
      level: r.level as RateLevel,
      amount: Number(r.amount),
      currency: r.currency,
      since: new Date(Number(r.since)),
    })),
    at,
  );
}

/**
 * Rates have a history, and a change re-prices time as Clockify does: without
 * `since` the rate applies to all time (the scope's history becomes that one
 * step), with `since` to time from then on (the scope's steps at or after it
 * are replaced). In the same transaction the entries it reaches get their
 * stored rate (one UPDATE, see `repriceSql` in time-entries), invoiced ones excepted, and the
 * outbox one rate-change record for the change feed.
 */
@Injectable()
export class RatesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENTRY_REPRICER) private readonly entries: EntryRepricer,
    @Inject(RATES_VERSIONS) private readonly versions: RatesVersions,
  ) {}

  /** Answers how many entries were re-priced. */
  async set(manager: EntityManager, scope: RateScope, kind: RateKind, value: RateValue, since?: Date): Promise<number> {
    if (!manager.queryRunner?.isTransactionActive)
      throw new Error('A rate change runs in the transaction of its request');
    await RatesStore.lockForChange(manager, scope.workspaceId);
    await this.versions.bump(manager, scope.workspaceId);
    const id = newId();
    await RatesStore.replaceSteps(manager, id, scope, kind, value.amount, value.currency, since ?? ALL_TIME);
    const entries = await this.entries.reprice(manager, scope, kind, value.amount, value.currency, since ?? null);
    if (entries > 0) {
      await RatesStore.recordChange(manager, scope, id, {
        kind,
        userId: scope.userId ?? null,
        projectId: scope.projectId ?? null,
        taskId: scope.taskId ?? null,
        since: since?.toISOString() ?? null,
        amount: value.amount,
        currency: value.currency,
        entries,
      });
    }
    return entries;
  }

  /** Taken first by a transaction that prices entries (see `RatesStore.lockForPricing`). */
  lockForPricing(manager: EntityManager, workspaceId: string): Promise<void> {
    return RatesStore.lockForPricing(manager, workspaceId);
  }

  /** The rate in force at `at` (default now) for exactly this scope, or null when none was set. */
  async at(
    scope: RateScope,
    kind: RateKind,
    at = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RateValue | null> {
    const rate = await RatesStore.stepAt(manager, scope, kind, at);
    return rate ? { amount: rate.amount, currency: rate.currency } : null;
  }

  /**
   * The hourly and cost rates an entry of `userId` on `projectId`/`taskId`
   * starting at `at` gets: one query for every candidate level, then the
   * precedence rule of `resolveRates`.
   */
  async resolve(
    target: { workspaceId: string; userId: string; projectId?: string | null; taskId?: string | null },
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResolvedRates> {
    const rows = await RatesStore.candidates(manager, target, at);
    return resolveCandidates(rows, at);
  }

  /**
   * Current rates of every member of a workspace (user-level scope), keyed by
   * user id, in one query.
   */
  async memberRates(
    workspaceId: string,
    kind: RateKind,
    manager: EntityManager = this.dataSource.manager,
    at = new Date(),
  ): Promise<Map<string, RateValue>> {
    // `at` comes from the app's clock, as `since` does: SQL now() is the transaction's start,
    // which would hide a rate set a moment ago in the same transaction.
    const rows = await RatesStore.memberSteps(manager, workspaceId, kind, at);
    return new Map(rows.map((r) => [r.user_id, { amount: Number(r.amount), currency: r.currency }]));
  }
}
