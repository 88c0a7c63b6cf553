import { EntityManager } from 'typeorm';
import { projectVisibleSql } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import { SqlConditions } from '../../common/utils/sql';
import { customFieldColumns, type CustomFieldSqlRow } from '../custom-fields/custom-fields.store';
import type { ProjectMembershipDto } from './dto/project.dto';
import type { ProjectListQueryDto } from './dto/project-query.dto';
import type { BudgetEstimate, EstimateReset, TimeEstimate } from './entities/project.entity';

/** A row of `PROJECT_SELECT` (with `total` in a list page). */
export interface ProjectRow {
  id: string;
  workspace_id: string;
  name: string;
  client_id: string | null;
  client_name: string | null;
  color: string;
  note: string;
  billable: boolean;
  is_public: boolean;
  archived: boolean;
  is_template: boolean;
  time_estimate: TimeEstimate | null;
  budget_estimate: BudgetEstimate | null;
  estimate_reset: EstimateReset | null;
  currency: string;
  hourly_amount: string | null;
  hourly_currency: string | null;
  cost_amount: string | null;
  cost_currency: string | null;
  task_estimate: string;
  task_budget: string;
  total?: string;
}

/** A project membership with the member's project rates. */
export interface MemberRow {
  project_id: string;
  user_id: string | null;
  user_group_id: string | null;
  status: ProjectMembershipDto['membershipStatus'] | null;
  hourly_amount: string | null;
  hourly_currency: string | null;
  cost_amount: string | null;
  cost_currency: string | null;
}

/** A task of a project with its assignees, groups and rates. */
export interface TaskRow {
  id: string;
  project_id: string;
  name: string;
  status: 'ACTIVE' | 'DONE';
  estimate: string | null;
  budget_estimate: string | null;
  billable: boolean;
  assignee_ids: string[];
  group_ids: string[];
  hourly_amount: string | null;
  hourly_currency: string | null;
  cost_amount: string | null;
  cost_currency: string | null;
}

/** A TIMEENTRY or USER custom field with the values of the projects asked for. */
export interface CustomFieldRow extends CustomFieldSqlRow {
  overrides: { projectId: string; status: string; value: unknown }[];
}

/** The latest rate step of a scope in force now, as a lateral join named `alias`. */
function rateJoin(alias: string, kind: 'HOURLY' | 'COST', scope: string): string {
  return `LEFT JOIN LATERAL (
    SELECT r.amount, r.currency FROM rates r
     WHERE ${scope} AND r.kind = '${kind}' AND r.since <= clock_timestamp()
     ORDER BY r.since DESC LIMIT 1) ${alias} ON true`;
}

const PROJECT_SCOPE = (kind: 'HOURLY' | 'COST') =>
  rateJoin(
    kind === 'HOURLY' ? 'hr' : 'cr',
    kind,
    'r.workspace_id = p.workspace_id AND r.project_id = p.id AND r.user_id IS NULL AND r.task_id IS NULL',
  );

/**
 * `SELECT ... FROM projects p ...` with the client's name, the workspace's
 * currency, the project's current rates and the sums of its tasks' estimates:
 * everything of a ProjectDto but its memberships. Callers add WHERE/ORDER BY.
 */
const PROJECT_SELECT = `
  SELECT p.id, p.workspace_id, p.name, p.client_id, c.name AS client_name, p.color, p.note, p.billable,
         p.is_public, p.archived, p.is_template, p.time_estimate, p.budget_estimate, p.estimate_reset,
         w.currency, hr.amount AS hourly_amount, hr.currency AS hourly_currency,
         cr.amount AS cost_amount, cr.currency AS cost_currency, te.task_estimate, te.task_budget
    FROM projects p
    JOIN workspaces w ON w.id = p.workspace_id
    LEFT JOIN clients c ON c.workspace_id = p.workspace_id AND c.id = p.client_id
    ${PROJECT_SCOPE('HOURLY')}
    ${PROJECT_SCOPE('COST')}
    LEFT JOIN LATERAL (
      SELECT coalesce(sum(t.estimate), 0) AS task_estimate, coalesce(sum(t.budget_estimate), 0) AS task_budget
        FROM tasks t WHERE t.workspace_id = p.workspace_id AND t.project_id = p.id) te ON true`;

/** ORDER BY expressions over the columns of PROJECT_SELECT (`q`). No time is tracked yet, so every
 * project's duration and progress are 0 and the name decides. */
const SORT_EXPRESSIONS: Record<string, string | null> = {
  ID: 'q.id',
  NAME: null,
  CLIENT_NAME: "lower(coalesce(q.client_name, ''))",
  DURATION: null,
  PROGRESS: null,
  BUDGET:
    "CASE WHEN coalesce(q.budget_estimate->>'type', 'AUTO') = 'AUTO' THEN q.task_budget ELSE (q.budget_estimate->>'estimate')::bigint END",
};

function filters(ws: WorkspaceContext, q: ProjectListQueryDto): SqlConditions {
  const c = new SqlConditions();
  c.add(`p.workspace_id = ${c.param(ws.workspaceId)}`);
  if (!ws.isAdmin) c.add(projectVisibleSql({ project: 'p', user: c.param(ws.userId) }));
  if (q.name !== undefined && q.name !== '') {
    c.add(
      q['strict-name-search']
        ? `lower(p.name) = lower(${c.param(q.name)})`
        : `strpos(lower(p.name), lower(${c.param(q.name)})) > 0`,
    );
  }
  if (q.archived !== undefined) c.add(`p.archived = ${c.param(q.archived)}`);
  if (q.billable !== undefined) c.add(`p.billable = ${c.param(q.billable)}`);
  if (q['is-template'] !== undefined) c.add(`p.is_template = ${c.param(q['is-template'])}`);
  if (q.access) c.add(`p.is_public = ${c.param(q.access === 'PUBLIC')}`);
  if (q.clients?.length) {
    const ids = c.param(q.clients);
    c.add(
      q['contains-client'] === false
        ? `(p.client_id IS NULL OR NOT p.client_id = ANY(${ids}))`
        : `p.client_id = ANY(${ids})`,
    );
  }
  if (q['client-status'] === 'ACTIVE') c.add('(c.id IS NULL OR NOT c.archived)');
  if (q['client-status'] === 'ARCHIVED') c.add('c.archived');
  if (q.users?.length) {
    const users = c.param(q.users);
    const status = q['user-status'] && q['user-status'] !== 'ALL' ? `AND wm.status = ${c.param(q['user-status'])}` : '';
    const has = `EXISTS (
      SELECT 1 FROM project_members pm
        JOIN workspace_members wm ON wm.workspace_id = pm.workspace_id AND wm.user_id = ANY(${users})
       WHERE pm.workspace_id = p.workspace_id AND pm.project_id = p.id ${status}
         AND (pm.user_id = wm.user_id OR pm.user_group_id IN (
               SELECT ugm.user_group_id FROM user_group_members ugm
                WHERE ugm.workspace_id = p.workspace_id AND ugm.user_id = wm.user_id)))`;
    c.add(q['contains-user'] === false ? `NOT ${has}` : has);
  }
  if (q.userGroups?.length) {
    const has = `EXISTS (SELECT 1 FROM project_members pm
       WHERE pm.workspace_id = p.workspace_id AND pm.project_id = p.id AND pm.user_group_id = ANY(${c.param(q.userGroups)}))`;
    c.add(q['contains-group'] === false ? `NOT ${has}` : has);
  }
  return c;
}

/** What GET projects asks for: its filters, its sort and its page. */
export interface ProjectListPage {
  query: ProjectListQueryDto;
  limit: number;
  offset: number;
}

/** Reading projects as the API returns them (the caller passes the manager, and with it its transaction). */
export const ProjectsStore = {
  /** The project's row; undefined when it is not in this workspace. */
  async row(manager: EntityManager, workspaceId: string, projectId: string): Promise<ProjectRow | undefined> {
    const rows: ProjectRow[] = await manager.query(`${PROJECT_SELECT} WHERE p.workspace_id = $1 AND p.id = $2`, [
      workspaceId,
      projectId,
    ]);
    return rows[0];
  },

  /** A page of GET projects, each row with the `total` of matching projects (none on a page past the end). */
  async page(
    manager: EntityManager,
    ws: WorkspaceContext,
    { query, limit, offset }: ProjectListPage,
  ): Promise<ProjectRow[]> {
    const c = filters(ws, query);
    const where = c.sql;
    const direction = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    const sort = SORT_EXPRESSIONS[query['sort-column'] ?? 'NAME'];
    const order = [...(sort ? [sort] : []), 'lower(q.name)', 'q.id'].map((e) => `${e} ${direction}`).join(', ');
    return manager.query(
      `SELECT q.*, count(*) OVER () AS total FROM (${PROJECT_SELECT} WHERE ${where}) q
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${offset}`,
      c.params,
    );
  },

  /** How many projects GET projects matches. */
  async count(manager: EntityManager, ws: WorkspaceContext, query: ProjectListQueryDto): Promise<number> {
    const c = filters(ws, query);
    const where = c.sql;
    const [{ count }] = (await manager.query(
      `SELECT count(*) AS count FROM (${PROJECT_SELECT} WHERE ${where}) q`,
      c.params,
    )) as { count: string }[];
    return Number(count);
  },

  /** The memberships of these projects, with the members' project rates. */
  members(manager: EntityManager, workspaceId: string, ids: string[]): Promise<MemberRow[]> {
    const scope =
      'r.workspace_id = pm.workspace_id AND r.project_id = pm.project_id AND r.user_id = pm.user_id AND r.task_id IS NULL';
    return manager.query(
      `SELECT pm.project_id, pm.user_id, pm.user_group_id, wm.status,
              hr.amount AS hourly_amount, hr.currency AS hourly_currency, cr.amount AS cost_amount, cr.currency AS cost_currency
         FROM project_members pm
         LEFT JOIN workspace_members wm ON wm.workspace_id = pm.workspace_id AND wm.user_id = pm.user_id
         ${rateJoin('hr', 'HOURLY', scope)}
         ${rateJoin('cr', 'COST', scope)}
        WHERE pm.workspace_id = $1 AND pm.project_id = ANY($2)
        ORDER BY pm.project_id, pm.user_group_id NULLS FIRST, pm.created_at, pm.user_id`,
      [workspaceId, ids],
    );
  },

  /** The tasks of these projects, with their assignees, groups and rates. */
  tasks(manager: EntityManager, workspaceId: string, ids: string[]): Promise<TaskRow[]> {
    const scope =
      'r.workspace_id = t.workspace_id AND r.project_id = t.project_id AND r.task_id = t.id AND r.user_id IS NULL';
    return manager.query(
      `SELECT t.id, t.project_id, t.name, t.status, t.estimate, t.budget_estimate, t.billable,
              coalesce((SELECT array_agg(ta.user_id::text ORDER BY ta.user_id) FROM task_assignees ta WHERE ta.task_id = t.id), '{}') AS assignee_ids,
              coalesce((SELECT array_agg(tg.user_group_id::text ORDER BY tg.user_group_id) FROM task_user_groups tg
                WHERE tg.task_id = t.id), '{}') AS group_ids,
              hr.amount AS hourly_amount, hr.currency AS hourly_currency, cr.amount AS cost_amount, cr.currency AS cost_currency
         FROM tasks t
         ${rateJoin('hr', 'HOURLY', scope)}
         ${rateJoin('cr', 'COST', scope)}
        WHERE t.workspace_id = $1 AND t.project_id = ANY($2)
        ORDER BY t.project_id, lower(t.name), t.id`,
      [workspaceId, ids],
    );
  },

  /** The workspace's active custom fields of an entity type, with the values of these projects. */
  customFields(
    manager: EntityManager,
    workspaceId: string,
    ids: string[],
    entityType: string,
  ): Promise<CustomFieldRow[]> {
    return manager.query(
      `SELECT ${customFieldColumns('cf')},
              coalesce((SELECT json_agg(json_build_object('projectId', pcf.project_id, 'status', pcf.status, 'value', pcf.default_value))
                          FROM project_custom_fields pcf
                         WHERE pcf.workspace_id = cf.workspace_id AND pcf.custom_field_id = cf.id AND pcf.project_id = ANY($2)), '[]') AS overrides
         FROM custom_fields cf
        WHERE cf.workspace_id = $1 AND cf.entity_type = $3 AND cf.status <> 'INACTIVE'
        ORDER BY lower(cf.name), cf.id`,
      [workspaceId, ids, entityType],
    );
  },
};
