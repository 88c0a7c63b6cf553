import { EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import { OutboxStore } from '../../common/outbox/outbox.store';
import { newId } from '../../common/utils/ids';
import { Rate, type RateKind } from './entities/rate.entity';
import { RateLevel } from './rate-resolver';

/** Which rate: the workspace's, a member's, a project's, a project member's or a task's. */
export interface RateScope {
  workspaceId: string;
  userId?: string | null;
  projectId?: string | null;
  taskId?: string | null;
}

/** The level of a scope: task (project + task), project member (project + user), project, member (user), workspace. */
export function levelOf(scope: RateScope): RateLevel {
  if (scope.taskId) return RateLevel.Task;
  if (scope.projectId) return scope.userId ? RateLevel.ProjectMember : RateLevel.Project;
  return scope.userId ? RateLevel.WorkspaceMember : RateLevel.Workspace;
}

/**
 * The entries of `te` a scope's rate applies to when nothing stronger does, over the parameters
 * $1 workspace, $2 user, $3 project, $4 task.
 */
export const SCOPE_ENTRIES: Record<RateLevel, string> = {
  [RateLevel.Workspace]: 'true',
  [RateLevel.WorkspaceMember]: 'te.user_id = $2',
  [RateLevel.Project]: 'te.project_id = $3',
  [RateLevel.ProjectMember]: 'te.project_id = $3 AND te.user_id = $2',
  [RateLevel.Task]: 'te.project_id = $3 AND te.task_id = $4',
};

/** Types the scope parameters, which the statement of some levels does not use. */
export const SCOPE_PARAM_TYPES =
  'scope AS (SELECT $2::char(24) AS user_id, $3::char(24) AS project_id, $4::char(24) AS task_id)';

/** What the rate-change record of the outbox says (its payload): enough for the change feed to find the entries again. */
export interface RateChangeRecord {
  kind: RateKind;
  userId: string | null;
  projectId: string | null;
  taskId: string | null;
  /** ISO instant, or null: all time. */
  since: string | null;
  amount: number;
  currency: string;
  /** The transaction's now(), which every re-priced entry carries as `updated_at`. */
  at: string;
  /** How many entries it re-priced. */
  entries: number;
}

/** The outbox entity type of a re-pricing (one row per rate change, however many entries it touched). */
export const RATE_CHANGE_ENTITY = 'TIME_ENTRY_RATE_CHANGE';
export const RATE_CHANGE_EVENT = 'TIME_ENTRIES_REPRICED';

/**
 * The entries a rate-change record re-priced and that nothing changed since, after `afterId`, by id, with their
 * current rates. Parameters: $1 workspace, $2 user, $3 project, $4 task, $5 at, $6 since or null, $7 after id, $8 limit.
 */
export function repricedEntriesSql(level: RateLevel): string {
  return `WITH ${SCOPE_PARAM_TYPES}
          SELECT te.id, te.hourly_rate::text AS hourly_rate, te.cost_rate::text AS cost_rate, te.currency
            FROM time_entries te
           WHERE te.workspace_id = $1 AND ${SCOPE_ENTRIES[level]} AND te.updated_at = $5::timestamptz
             AND ($6::timestamptz IS NULL OR te.start_at >= $6::timestamptz) AND te.id > $7
           ORDER BY te.id LIMIT $8`;
}

/**
 * The advisory lock that orders rate changes and entry pricing in a workspace: key (RATES_LOCK_CLASS,
 * hashtext(workspace id)). Transaction-level, so it ends with the transaction (and works behind PgBouncer's
 * transaction mode); it writes nothing, unlike a row lock on the workspace (whose KEY SHARE lockers made a MultiXact
 * per concurrent pair). Two workspaces whose ids hash alike merely wait for each other.
 */
const RATES_LOCK_CLASS = 0x52415445; // 'RATE'
const ratesLockKey = (workspace: string) => `${RATES_LOCK_CLASS}, hashtext(${workspace})`;

/**
 * The condition of a write that priced its entry outside any lock and writes it in one statement (no transaction):
 * true when no rate change of the workspace runs now (the shared lock is free to take, and is then held to the
 * statement's end) and none committed since the pricing read `rates_version` (read by `rates_version_of`, a
 * VOLATILE function, so with a snapshot taken after the lock: the statement's own may predate a change that
 * committed just before). False: price again under `lockForPricing`.
 */
export function ratesUnchangedSql(workspace: string, version: string): string {
  const locked = `pg_try_advisory_xact_lock_shared(${ratesLockKey(workspace)})`;
  return `CASE WHEN ${locked} THEN rates_version_of(${workspace}) = ${version}::bigint ELSE false END`;
}

function scopeWhere(scope: RateScope, kind: RateKind) {
  return {
    workspaceId: scope.workspaceId,
    kind,
    userId: scope.userId ?? IsNull(),
    projectId: scope.projectId ?? IsNull(),
    taskId: scope.taskId ?? IsNull(),
  };
}

/** A candidate rate as `rateCandidatesSql` selects it (as JSON, `since` is text and `amount` may be a number). */
export interface RateCandidateRow {
  kind: RateKind;
  level: number;
  amount: string | number;
  currency: string;
  /** Epoch milliseconds (a string from a plain query, a number from JSON). */
  since: string | number;
}

/**
 * SQL selecting every rate step that may apply to an entry (each level's steps
 * up to `at`), given the SQL expressions (usually parameters) of the entry's
 * workspace, user, project, task and start. Embeddable in a larger read so
 * that the rates come with it; `resolveCandidates` then applies precedence.
 */
export function rateCandidatesSql(p: {
  workspaceId: string;
  userId: string;
  projectId: string;
  taskId: string;
  at: string;
}): string {
  // `since` as epoch milliseconds: exact, and independent of the session's time zone (ALL_TIME is year 1).
  return `SELECT kind, amount, currency, (extract(epoch FROM since) * 1000)::bigint AS since,
              CASE WHEN task_id IS NOT NULL THEN 5
                   WHEN project_id IS NOT NULL AND user_id IS NOT NULL THEN 4
                   WHEN project_id IS NOT NULL THEN 3
                   WHEN user_id IS NOT NULL THEN 2
                   ELSE 1 END AS level
         FROM rates
        WHERE workspace_id = ${p.workspaceId} AND since <= ${p.at}
          AND (   (task_id = ${p.taskId} AND user_id IS NULL)
               OR (task_id IS NULL AND project_id = ${p.projectId} AND (user_id = ${p.userId} OR user_id IS NULL))
               OR (task_id IS NULL AND project_id IS NULL AND (user_id = ${p.userId} OR user_id IS NULL)))`;
}

/** A rate step of a project's scopes (project, project member, task), as `insertProjectSteps` writes it. */
export interface ProjectRateStep {
  kind: RateKind;
  userId: string | null;
  taskId: string | null;
  amount: number;
  currency: string;
  since: Date;
}

/** Rate history SQL (the caller holds the transaction). */
export const RatesStore = {
  /**
   * Serialises rate changes of a workspace against each other and against writes that price entries (which hold
   * the same lock shared, see `lockForPricing`). The caller then bumps the version that writes priced outside the
   * lock check (`RatesVersions`).
   */
  async lockForChange(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(${ratesLockKey('$1')})`, [workspaceId]);
  },

  /**
   * Taken first by a transaction that prices entries: waits while a rate change of the workspace runs (then its
   * statements see the new rates), and keeps one from starting until this transaction ends.
   */
  async lockForPricing(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(${ratesLockKey('$1')})`, [workspaceId]);
  },

  /** Replaces the scope's steps from `from` on by one step at `from`. */
  async replaceSteps(
    manager: EntityManager,
    id: string,
    scope: RateScope,
    kind: RateKind,
    amount: number,
    currency: string,
    from: Date,
  ): Promise<void> {
    const params = [scope.workspaceId, kind, scope.userId ?? null, scope.projectId ?? null, scope.taskId ?? null, from];
    await manager.query(
      `DELETE FROM rates WHERE workspace_id = $1 AND kind = $2 AND user_id IS NOT DISTINCT FROM $3 AND project_id IS NOT DISTINCT FROM $4
          AND task_id IS NOT DISTINCT FROM $5 AND since >= $6`,
      params,
    );
    await manager.query(
      `INSERT INTO rates (id, workspace_id, kind, user_id, project_id, task_id, amount, currency, since) VALUES ($7, $1, $2, $3, $4, $5, $8, $9, $6)`,
      [...params, id, amount, currency],
    );
  },

  /**
   * Inserts rate steps of a new project's scopes as given, set-based (a project created with its tasks or from a
   * template: it has no entries yet, so nothing is re-priced).
   */
  async insertProjectSteps(
    manager: EntityManager,
    workspaceId: string,
    projectId: string,
    rates: ProjectRateStep[],
  ): Promise<void> {
    if (!rates.length) return;
    await manager.query(
      `INSERT INTO rates (id, workspace_id, kind, user_id, project_id, task_id, amount, currency, since)
       SELECT r.id, $1, r.kind, r.user_id, $2, r.task_id, r.amount, r.currency, r.since
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::timestamptz[])
              AS r(id, kind, user_id, task_id, amount, currency, since)`,
      [
        workspaceId,
        projectId,
        rates.map(() => newId()),
        rates.map((r) => r.kind),
        rates.map((r) => r.userId),
        rates.map((r) => r.taskId),
        rates.map((r) => r.amount),
        rates.map((r) => r.currency),
        rates.map((r) => r.since),
      ],
    );
  },

  /** The rate-change record of the outbox (for the change feed; no webhook subscribes to its event). */
  async recordChange(
    manager: EntityManager,
    scope: RateScope,
    rateId: string,
    record: Omit<RateChangeRecord, 'at'>,
  ): Promise<void> {
    await OutboxStore.insertStamped(manager, {
      workspaceId: scope.workspaceId,
      entityType: RATE_CHANGE_ENTITY,
      entityId: rateId,
      event: RATE_CHANGE_EVENT,
      payload: record,
    });
  },

  /** The step of exactly this scope in force at `at`, or null. */
  stepAt(manager: EntityManager, scope: RateScope, kind: RateKind, at: Date): Promise<Rate | null> {
    return manager.getRepository(Rate).findOne({
      where: { ...scopeWhere(scope, kind), since: LessThanOrEqual(at) },
      order: { since: 'DESC' },
    });
  },

  /** Every step that may apply to an entry of `target` starting at `at` (see `rateCandidatesSql`). */
  candidates(
    manager: EntityManager,
    target: { workspaceId: string; userId: string; projectId?: string | null; taskId?: string | null },
    at: Date,
  ): Promise<RateCandidateRow[]> {
    return manager.query(
      rateCandidatesSql({ workspaceId: '$1', userId: '$2', projectId: '$3', taskId: '$4', at: '$5' }),
      [target.workspaceId, target.userId, target.projectId ?? null, target.taskId ?? null, at],
    );
  },

  /** The member-level step of each user in force at `at`. */
  memberSteps(
    manager: EntityManager,
    workspaceId: string,
    kind: RateKind,
    at: Date,
  ): Promise<{ user_id: string; amount: string; currency: string }[]> {
    return manager.query(
      `SELECT DISTINCT ON (user_id) user_id, amount, currency
         FROM rates
        WHERE workspace_id = $1 AND kind = $2 AND user_id IS NOT NULL AND project_id IS NULL AND task_id IS NULL
          AND since <= $3
        ORDER BY user_id, since DESC`,
      [workspaceId, kind, at],
    );
  },
};
