import type { EntityManager } from 'typeorm';
import type { RateKind } from '../rates/entities/rate.entity';
import type { EntryRepricer } from '../rates/rate-extensions';
import { RateLevel, shadowingLevels } from '../rates/rate-resolver';
import { levelOf, type RateScope, SCOPE_ENTRIES, SCOPE_PARAM_TYPES } from '../rates/rates.store';

/**
 * For each level, "a step of this level for the entry `te` is in force at its start", over the CTE `r`
 * (the workspace's steps of one kind, the first `since` of each scope): a scope's rate, once set, stays in force.
 */
const IN_FORCE: Record<RateLevel, string> = {
  [RateLevel.Workspace]:
    'EXISTS (SELECT 1 FROM r WHERE r.user_id IS NULL AND r.project_id IS NULL AND r.since <= te.start_at)',
  [RateLevel.WorkspaceMember]:
    'EXISTS (SELECT 1 FROM r WHERE r.user_id = te.user_id AND r.project_id IS NULL AND r.since <= te.start_at)',
  [RateLevel.Project]:
    'EXISTS (SELECT 1 FROM r WHERE r.project_id = te.project_id AND r.task_id IS NULL AND r.user_id IS NULL AND r.since <= te.start_at)',
  [RateLevel.ProjectMember]:
    'EXISTS (SELECT 1 FROM r WHERE r.project_id = te.project_id AND r.task_id IS NULL AND r.user_id = te.user_id AND r.since <= te.start_at)',
  [RateLevel.Task]: 'EXISTS (SELECT 1 FROM r WHERE r.task_id = te.task_id AND r.since <= te.start_at)',
};

const COLUMN: Record<RateKind, string> = { HOURLY: 'hourly_rate', COST: 'cost_rate' };

/**
 * The one statement that re-prices the entries a rate change reaches: those of the scope, starting at or after
 * `since` (all of them without it), not invoiced, whose rate no stronger level decides (task > project member >
 * project > member > workspace). After `RatesStore.replaceSteps` the scope's only step from `since` on is the new
 * one, so each of them gets exactly the new amount: no per-entry resolution is needed, only anti-joins with the
 * few stronger scopes. Entries already at that amount are left alone (no new row version, no feed document).
 * Every row it changes gets `updated_at = now()`, the transaction's timestamp, which the change feed uses to find
 * them again (see `repricedEntriesSql`).
 * Parameters: $1 workspace, $2 user, $3 project, $4 task, $5 kind, $6 amount, $7 currency, $8 since or null.
 */
export function repriceSql(level: RateLevel, kind: RateKind): string {
  const column = COLUMN[kind];
  const shadowed = shadowingLevels(level).map((l) => `NOT ${IN_FORCE[l]}`);
  // Hourly rates decide an entry's currency; a cost rate only when the entry has no hourly rate (as TimeEntryWriter).
  const currency = kind === 'HOURLY' ? '$7' : 'CASE WHEN te.hourly_rate IS NULL THEN $7 ELSE te.currency END';
  return `WITH ${SCOPE_PARAM_TYPES}, r AS MATERIALIZED (
       SELECT user_id, project_id, task_id, min(since) AS since FROM rates
        WHERE workspace_id = $1 AND kind = $5 GROUP BY user_id, project_id, task_id)
     UPDATE time_entries te
        SET ${column} = $6, currency = ${currency}, version = te.version + 1, updated_at = now()
      WHERE te.workspace_id = $1 AND ${SCOPE_ENTRIES[level]}
        AND ($8::timestamptz IS NULL OR te.start_at >= $8::timestamptz)
        AND NOT te.invoiced
        AND NOT EXISTS (SELECT 1 FROM invoice_item_time_entries ii WHERE ii.workspace_id = $1 AND ii.time_entry_id = te.id)
        AND te.${column} IS DISTINCT FROM $6::bigint${shadowed.map((s) => `\n        AND ${s}`).join('')}`;
}

/** The re-pricing of entries a rate change runs (rates call it through `EntryRepricer`). */
export const TimeEntryRepricingStore: EntryRepricer = {
  /** Re-prices the entries the change reaches (see `repriceSql`); answers how many changed. */
  async reprice(
    manager: EntityManager,
    scope: RateScope,
    kind: RateKind,
    amount: number,
    currency: string,
    since: Date | null,
  ): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(repriceSql(levelOf(scope), kind), [
      scope.workspaceId,
      scope.userId ?? null,
      scope.projectId ?? null,
      scope.taskId ?? null,
      kind,
      amount,
      currency,
      since,
    ]);
    return count;
  },
};
