import { EntityManager } from 'typeorm';
import { projectVisibleSql, teamManagerSql } from '../../common/access';
import { preparedQuery } from '../../database/prepared-query';
import { type RateCandidateRow, rateCandidatesSql } from '../rates/rates.store';
import type { EntrySettings } from './time-entry-rules';

/** What the write of an entry reads about its user, project, task, tags, workspace settings and rates. */
export interface RefsRow {
  settings: EntrySettings;
  rates_version: string;
  currency: string;
  user_exists: boolean;
  managed: boolean;
  project_exists: boolean;
  project_billable: boolean | null;
  project_visible: boolean;
  project_has_tasks: boolean;
  task_project_id: string | null;
  tag_count: number;
  /** The rate candidates, when the entry is (re)priced. */
  rates: RateCandidateRow[] | null;
  /** The row's fingerprint (see `referencesUnchangedSql`). */
  fingerprint: string;
}

/** A custom field as the write of an entry checks a value against it. */
export interface EntryCustomFieldRow {
  id: string;
  name: string;
  type: string;
  allowed_values: string[];
  entity_type: string;
}

/** Whether the user is a member of the workspace, and whether the caller is their team manager. */
export interface AccessRow {
  user_exists: boolean;
  managed: boolean;
}

/** The SQL expressions (parameters) a references statement reads: the entry's and the caller's ids, and the start. */
export interface ReferenceParams {
  workspace: string;
  user: string;
  project: string;
  task: string;
  tags: string;
  caller: string;
  at: string;
}

/** The variant of the references statement: projects visible to all for admins, rate candidates only when priced. */
export interface ReferencesVariant {
  isAdmin: boolean;
  priced: boolean;
}

const READ_PARAMS: ReferenceParams = {
  workspace: '$1',
  user: '$2',
  project: '$3',
  task: '$4',
  tags: '$5',
  caller: '$6',
  at: '$7',
};

/** The one SELECT of an entry's references, over the given parameter expressions (one row; its columns: RefsRow). */
function referencesSelect({ isAdmin, priced }: ReferencesVariant, p: ReferenceParams): string {
  const visible = isAdmin ? 'true' : projectVisibleSql({ project: 'p', user: p.user });
  const rates = priced
    ? `(SELECT COALESCE(json_agg(r ORDER BY r.kind, r.level, r.since, r.amount), '[]')
      FROM (${rateCandidatesSql({ workspaceId: p.workspace, userId: p.user, projectId: p.project, taskId: p.task, at: p.at })}) r)`
    : 'NULL';
  return `SELECT w.settings, w.currency, w.rates_version::text AS rates_version,
        EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = w.id AND m.user_id = ${p.user}) AS user_exists,
        ${teamManagerSql({ workspace: 'w.id', manager: p.caller, user: p.user })} AS managed,
        p.id IS NOT NULL AS project_exists, p.billable AS project_billable,
        CASE WHEN p.id IS NULL THEN false ELSE ${visible} END AS project_visible,
        EXISTS (SELECT 1 FROM tasks t WHERE t.workspace_id = w.id AND t.project_id = p.id AND t.status = 'ACTIVE') AS project_has_tasks,
        (SELECT t.project_id FROM tasks t WHERE t.workspace_id = w.id AND t.id = ${p.task}) AS task_project_id,
        (SELECT count(*)::int FROM tags g WHERE g.workspace_id = w.id AND g.id = ANY(${p.tags}::char(24)[])) AS tag_count,
        ${rates} AS rates
   FROM workspaces w LEFT JOIN projects p ON p.workspace_id = w.id AND p.id = ${p.project}
  WHERE w.id = ${p.workspace}`;
}

/**
 * The fingerprint of a references row: the same text whenever the row is the same (jsonb prints canonically; the
 * rate candidates are aggregated in a fixed order, as plans may read them in any).
 */
const fingerprintOf = (row: string) => `md5(to_jsonb(${row})::text)`;

const statements = new Map<string, string>();

/** Built once per variant and parameter list: the hot statements are looked up by their text (see preparedQuery). */
function built(key: string, build: () => string): string {
  let sql = statements.get(key);
  if (!sql) statements.set(key, (sql = build()));
  return sql;
}

function referencesSql(variant: ReferencesVariant): string {
  return built(`read:${variant.isAdmin}:${variant.priced}`, () => {
    return `SELECT r.*, ${fingerprintOf('r')} AS fingerprint FROM (${referencesSelect(variant, READ_PARAMS)}) r`;
  });
}

/**
 * A condition for a write: the entry's references, read again by the write's own statement over its parameters,
 * are still the row of `fingerprint` (what the rules judged, possibly remembered from an earlier request).
 */
export function referencesUnchangedSql(variant: ReferencesVariant, p: ReferenceParams, fingerprint: string): string {
  const key = `guard:${variant.isAdmin}:${variant.priced}:${Object.values(p).join(',')}:${fingerprint}`;
  return built(key, () => `(SELECT ${fingerprintOf('r')} FROM (${referencesSelect(variant, p)}) r) = ${fingerprint}`);
}

/** The reads of an entry's write: the first is a prepared statement on a hot path, so its SQL text stays as it is. */
export const TimeEntryReferencesStore = {
  /** Every reference of the entry in one statement, with its fingerprint. */
  async references(
    manager: EntityManager,
    variant: ReferencesVariant,
    params: {
      workspaceId: string;
      userId: string;
      projectId: string | null;
      taskId: string | null;
      tagIds: string[];
      callerId: string;
      start: Date;
    },
  ): Promise<RefsRow> {
    const { workspaceId, userId, projectId, taskId, tagIds, callerId, start } = params;
    const rows = await preparedQuery<RefsRow>(manager, referencesSql(variant), [
      workspaceId,
      userId,
      projectId,
      taskId,
      tagIds,
      callerId,
      ...(variant.priced ? [start] : []),
    ]);
    return rows[0];
  },

  async access(manager: EntityManager, workspaceId: string, userId: string, callerId: string): Promise<AccessRow> {
    const rows: AccessRow[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = $1 AND m.user_id = $2) AS user_exists,
              ${teamManagerSql({ workspace: '$1', manager: '$3', user: '$2' })} AS managed`,
      [workspaceId, userId, callerId],
    );
    return rows[0];
  },

  customFields(manager: EntityManager, workspaceId: string, ids: string[]): Promise<EntryCustomFieldRow[]> {
    return manager.query(
      `SELECT id, name, type, allowed_values, entity_type FROM custom_fields WHERE workspace_id = $1 AND id = ANY($2::char(24)[])`,
      [workspaceId, ids],
    );
  },
};
