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

const referencesSqls = new Map<string, string>();

/**
 * The statement of `TimeEntryReferencesStore.references` (built once per variant: the hot statements are looked up by their
 * text, see preparedQuery): projects visible to all for admins, rate candidates only when the entry is priced.
 */
function referencesSql(isAdmin: boolean, priced: boolean): string {
  const variant = `${isAdmin}:${priced}`;
  let sql = referencesSqls.get(variant);
  if (sql) return sql;
  const visible = isAdmin ? 'true' : projectVisibleSql({ project: 'p', user: '$2' });
  const rates = priced
    ? `(SELECT COALESCE(json_agg(r), '[]')
      FROM (${rateCandidatesSql({ workspaceId: '$1', userId: '$2', projectId: '$3', taskId: '$4', at: '$7' })}) r)`
    : 'NULL';
  sql = `SELECT w.settings, w.currency, w.rates_version::text AS rates_version,
        EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = w.id AND m.user_id = $2) AS user_exists,
        ${teamManagerSql({ workspace: 'w.id', manager: '$6', user: '$2' })} AS managed,
        p.id IS NOT NULL AS project_exists, p.billable AS project_billable,
        CASE WHEN p.id IS NULL THEN false ELSE ${visible} END AS project_visible,
        EXISTS (SELECT 1 FROM tasks t WHERE t.workspace_id = w.id AND t.project_id = p.id AND t.status = 'ACTIVE') AS project_has_tasks,
        (SELECT t.project_id FROM tasks t WHERE t.workspace_id = w.id AND t.id = $4) AS task_project_id,
        (SELECT count(*)::int FROM tags g WHERE g.workspace_id = w.id AND g.id = ANY($5::char(24)[])) AS tag_count,
        ${rates} AS rates
   FROM workspaces w LEFT JOIN projects p ON p.workspace_id = w.id AND p.id = $3
  WHERE w.id = $1`;
  referencesSqls.set(variant, sql);
  return sql;
}

/** The reads of an entry's write: the first is a prepared statement on a hot path, so its SQL text stays as it is. */
export const TimeEntryReferencesStore = {
  /** Every reference of the entry in one statement (rate candidates only when `priced`). */
  async references(
    manager: EntityManager,
    isAdmin: boolean,
    priced: boolean,
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
    const rows = await preparedQuery<RefsRow>(manager, referencesSql(isAdmin, priced), [
      workspaceId,
      userId,
      projectId,
      taskId,
      tagIds,
      callerId,
      ...(priced ? [start] : []),
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
