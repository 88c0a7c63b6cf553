import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { customFieldFromRow } from '../custom-fields/custom-field.mapper';
import type { CustomFieldDto } from '../custom-fields/dto/custom-field.dto';
import type { ProjectDto } from './dto/project.dto';
import { toMembershipDto, toProjectDto, toTaskDto } from './project.mapper';
import { type CustomFieldRow, type ProjectRow, ProjectsStore } from './projects.store';

export interface HydrateOptions {
  hydrated?: boolean;
  customFieldEntityType?: 'TIMEENTRY' | 'USER';
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
export class ProjectViewsService {
  constructor(private readonly dataSource: DataSource) {}

  /** One project as the API returns it (no visibility check); 404 when absent. */
  async findDto(
    workspaceId: string,
    projectId: string,
    options: HydrateOptions = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectDto> {
    const row = await ProjectsStore.row(manager, workspaceId, projectId);
    if (!row) throw new NotFoundException('Project not found');
    const [dto] = await this.toDtos(workspaceId, [row], options, manager);
    return dto;
  }

  async toDtos(
    workspaceId: string,
    rows: ProjectRow[],
    options: HydrateOptions = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [members, tasks, fields] = await Promise.all([
      ProjectsStore.members(manager, workspaceId, ids),
      options.hydrated ? ProjectsStore.tasks(manager, workspaceId, ids) : Promise.resolve(null),
      options.hydrated
        ? ProjectsStore.customFields(manager, workspaceId, ids, options.customFieldEntityType ?? 'TIMEENTRY')
        : Promise.resolve(null),
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
}

function toCustomField(row: CustomFieldRow, projectId: string, own: CustomFieldRow['overrides']): CustomFieldDto {
  const projectDefaultValues = own.map((o) => ({ projectId, status: o.status, value: o.value }));
  return customFieldFromRow(row, projectDefaultValues, own[0]?.status ?? row.status);
}
