import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { customFieldColumns, customFieldFromRow, type CustomFieldSqlRow } from '../custom-fields/custom-field-row';
import type { CustomFieldDto } from '../custom-fields/dto/custom-field.dto';
import type { ProjectDto } from './dto/project.dto';
import {
  MemberRow, ProjectRow, TaskRow, toMembershipDto, toProjectDto, toTaskDto,
} from './project.mapper';

/** The latest rate step of a scope in force now, as a lateral join named `alias`. */
function rateJoin(alias: string, kind: 'HOURLY' | 'COST', scope: string): string {
  return `LEFT JOIN LATERAL (
    SELECT r.amount, r.currency FROM rates r
     WHERE ${scope} AND r.kind = '${kind}' AND r.since <= clock_timestamp()
     ORDER BY r.since DESC LIMIT 1) ${alias} ON true`;
}

const PROJECT_SCOPE = (kind: 'HOURLY' | 'COST') =>
  rateJoin(kind === 'HOURLY' ? 'hr' : 'cr', kind, 'r.workspace_id = p.workspace_id AND r.project_id = p.id AND r.user_id IS NULL AND r.task_id IS NULL');

/**
 * `SELECT ... FROM projects p ...` with the client's name, the workspace's
 * currency, the project's current rates and the sums of its tasks' estimates:
 * everything of a ProjectDto but its memberships. Callers add WHERE/ORDER BY.
 */
export const PROJECT_SELECT = `
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

export interface HydrateOptions {
  hydrated?: boolean;
  customFieldEntityType?: 'TIMEENTRY' | 'USER';
}

interface CustomFieldRow extends CustomFieldSqlRow {
  overrides: { projectId: string; status: string; value: unknown }[];
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/**
 * Builds ProjectDtos for a set of project rows with a fixed number of queries,
 * whatever the number of projects: one for memberships (with their rates), and
 * with `hydrated` one for tasks and one for custom fields.
 */
@Injectable()
export class ProjectReader {
  constructor(private readonly dataSource: DataSource) {}

  /** One project as the API returns it (no visibility check); 404 when absent. */
  async findDto(workspaceId: string, projectId: string, options: HydrateOptions = {}, manager: EntityManager = this.dataSource.manager): Promise<ProjectDto> {
    const rows: ProjectRow[] = await manager.query(`${PROJECT_SELECT} WHERE p.workspace_id = $1 AND p.id = $2`, [workspaceId, projectId]);
    if (!rows.length) throw new NotFoundException('Project not found');
    const [dto] = await this.toDtos(workspaceId, rows, options, manager);
    return dto;
  }

  async toDtos(workspaceId: string, rows: ProjectRow[], options: HydrateOptions = {}, manager: EntityManager = this.dataSource.manager): Promise<ProjectDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [members, tasks, fields] = await Promise.all([
      this.members(manager, workspaceId, ids),
      options.hydrated ? this.tasks(manager, workspaceId, ids) : Promise.resolve(null),
      options.hydrated ? this.customFields(manager, workspaceId, ids, options.customFieldEntityType ?? 'TIMEENTRY') : Promise.resolve(null),
    ]);
    const membersByProject = groupBy(members, (m) => m.project_id);
    const tasksByProject = tasks ? groupBy(tasks, (t) => t.project_id) : null;
    const fieldOverrides = fields?.map((f) => ({ row: f, byProject: groupBy(f.overrides, (o) => o.projectId.trim()) }));
    return rows.map((row) => {
      const dto = toProjectDto(row, (membersByProject.get(row.id) ?? []).map(toMembershipDto));
      if (tasksByProject && fieldOverrides) {
        dto.tasks = (tasksByProject.get(row.id) ?? []).map(toTaskDto);
        dto.customFields = fieldOverrides.map((f) => toCustomField(f.row, row.id, f.byProject.get(row.id) ?? []));
      }
      return dto;
    });
  }

  private members(manager: EntityManager, workspaceId: string, ids: string[]): Promise<MemberRow[]> {
    const scope = 'r.workspace_id = pm.workspace_id AND r.project_id = pm.project_id AND r.user_id = pm.user_id AND r.task_id IS NULL';
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
  }

  private tasks(manager: EntityManager, workspaceId: string, ids: string[]): Promise<TaskRow[]> {
    const scope = 'r.workspace_id = t.workspace_id AND r.project_id = t.project_id AND r.task_id = t.id AND r.user_id IS NULL';
    return manager.query(
      `SELECT t.id, t.project_id, t.name, t.status, t.estimate, t.budget_estimate, t.billable,
              coalesce((SELECT array_agg(ta.user_id::text ORDER BY ta.user_id) FROM task_assignees ta WHERE ta.task_id = t.id), '{}') AS assignee_ids,
              coalesce((SELECT array_agg(tg.user_group_id::text ORDER BY tg.user_group_id) FROM task_user_groups tg WHERE tg.task_id = t.id), '{}') AS group_ids,
              hr.amount AS hourly_amount, hr.currency AS hourly_currency, cr.amount AS cost_amount, cr.currency AS cost_currency
         FROM tasks t
         ${rateJoin('hr', 'HOURLY', scope)}
         ${rateJoin('cr', 'COST', scope)}
        WHERE t.workspace_id = $1 AND t.project_id = ANY($2)
        ORDER BY t.project_id, lower(t.name), t.id`,
      [workspaceId, ids],
    );
  }

  private customFields(manager: EntityManager, workspaceId: string, ids: string[], entityType: string): Promise<CustomFieldRow[]> {
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
  }
}

function toCustomField(row: CustomFieldRow, projectId: string, own: CustomFieldRow['overrides']): CustomFieldDto {
  const projectDefaultValues = own.map((o) => ({ projectId, status: o.status, value: o.value }));
  return customFieldFromRow(row, projectDefaultValues, own[0]?.status ?? row.status);
}
