import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { toInstant, toIsoDuration } from '../../common/utils/time';
import { ProjectAccessService } from '../projects/project-access.service';
import type { TemplateListQueryDto, TemplateViewQueryDto } from './dto/template-query.dto';
import type {
  ProjectTaskTupleRequestDto,
  TemplatePatchRequestDto,
  TemplateRequestDto,
} from './dto/template-request.dto';
import type {
  ProjectTaskTupleDto,
  TemplateDto,
  TemplateEntryDto,
  TemplateProjectDto,
  TemplateTaskDto,
} from './dto/template.dto';
import type { Template, TemplateProjectTask } from './entities/template.entity';
import { type ProjectRow, type TaskRow, TemplatesStore } from './templates.store';

const ENTITY_TYPE = 'TEMPLATE';
const PLAIN_VIEW: TemplateViewQueryDto = { cleansed: false, hydrated: false };

/**
 * Timesheet templates. A template belongs to the user who made it: everyone,
 * admins included, sees and changes only their own (others' are 404), as in
 * Clockify where templates are personal. Its rows must name projects the user
 * may see and tasks of those projects.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly access: ProjectAccessService,
  ) {}

  async list(ws: WorkspaceContext, query: TemplateListQueryDto): Promise<Page<TemplateDto>> {
    const request = pageOf(query);
    const [templates, total] = await TemplatesStore.page(
      this.dataSource.manager,
      ws.workspaceId,
      ws.userId,
      query.name,
      request,
    );
    return new Page(await this.render(this.dataSource.manager, ws, templates, query), total, request);
  }

  async get(ws: WorkspaceContext, id: string, view: TemplateViewQueryDto): Promise<TemplateDto> {
    const template = await this.find(this.dataSource.manager, ws, id);
    const [result] = await this.render(this.dataSource.manager, ws, [template], view);
    return result;
  }

  /** Creates all templates of the body in one transaction: one bad template and none is created. */
  async create(ws: WorkspaceContext, bodies: TemplateRequestDto[]): Promise<TemplateDto[]> {
    if (!bodies.length) throw new BadRequestException('At least one template is required');
    return this.dataSource.transaction(async (manager) => {
      const values: Omit<Template, 'createdAt'>[] = [];
      for (const body of bodies) {
        const rows = await this.checkRows(manager, ws, body.projectsAndTasks);
        const timeEntryIds = await this.checkEntries(manager, ws, body.timeEntryIds ?? []);
        values.push({
          id: newId(),
          workspaceId: ws.workspaceId,
          userId: ws.userId,
          name: body.name,
          projectsAndTasks: rows,
          timeEntryIds,
          weekStart: body.weekStart ?? null,
        });
      }
      const templates = await TemplatesStore.insert(manager, values);
      const results = await this.render(manager, ws, templates, PLAIN_VIEW);
      await this.outbox.record(manager, ...results.map((r) => this.event(r, 'TEMPLATE_CREATED')));
      return results;
    });
  }

  async update(ws: WorkspaceContext, id: string, body: TemplatePatchRequestDto): Promise<TemplateDto> {
    return this.dataSource.transaction(async (manager) => {
      const template = await this.find(manager, ws, id, true);
      template.name = body.name;
      await TemplatesStore.rename(manager, ws.workspaceId, id, body.name);
      const [result] = await this.render(manager, ws, [template], PLAIN_VIEW);
      await this.outbox.record(manager, this.event(result, 'TEMPLATE_UPDATED'));
      return result;
    });
  }

  async delete(ws: WorkspaceContext, id: string): Promise<TemplateDto> {
    return this.dataSource.transaction(async (manager) => {
      const template = await this.find(manager, ws, id, true);
      const [result] = await this.render(manager, ws, [template], PLAIN_VIEW);
      await TemplatesStore.delete(manager, ws.workspaceId, id);
      await this.outbox.record(manager, this.event(result, 'TEMPLATE_DELETED'));
      return result;
    });
  }

  private async find(manager: EntityManager, ws: WorkspaceContext, id: string, lock = false): Promise<Template> {
    const template = await TemplatesStore.find(manager, ws.workspaceId, ws.userId, id, lock);
    if (!template) throw new NotFoundException('Template not found');
    return template;
  }

  /** Projects must be visible to the caller (404), tasks must exist (404) and belong to their row's project (400). Duplicate rows collapse. */
  private async checkRows(
    manager: EntityManager,
    ws: WorkspaceContext,
    tuples: ProjectTaskTupleRequestDto[],
  ): Promise<TemplateProjectTask[]> {
    const unique = new Map<string, TemplateProjectTask>();
    for (const t of tuples) {
      const row: TemplateProjectTask = {
        projectId: t.projectId,
        taskId: t.taskId ?? null,
        ...(t.type ? { type: t.type } : {}),
      };
      unique.set(`${row.projectId}/${row.taskId ?? ''}/${row.type ?? 'REGULAR'}`, row);
    }
    const rows = [...unique.values()];
    for (const projectId of new Set(rows.map((r) => r.projectId)))
      await this.access.assertVisible(ws, projectId, manager);
    const taskIds = [...new Set(rows.flatMap((r) => (r.taskId ? [r.taskId] : [])))];
    if (taskIds.length) {
      const tasks = await TemplatesStore.taskProjects(manager, ws.workspaceId, taskIds);
      const projectOf = new Map(tasks.map((t) => [t.id, t.project_id]));
      for (const row of rows) {
        if (!row.taskId) continue;
        const projectId = projectOf.get(row.taskId);
        if (!projectId) throw new NotFoundException('Task not found');
        if (projectId !== row.projectId)
          throw new BadRequestException(`Task ${row.taskId} does not belong to project ${row.projectId}`);
      }
    }
    return rows;
  }

  /** A template copies the caller's own time entries of this workspace; any other id is 404. */
  private async checkEntries(manager: EntityManager, ws: WorkspaceContext, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const found = await TemplatesStore.countUserEntries(manager, ws.workspaceId, ws.userId, ids);
    if (found !== ids.length) throw new NotFoundException('Time entry not found');
    return ids;
  }

  /** Response shapes of a batch of the caller's templates: one query per related table, whatever the batch size. */
  private async render(
    manager: EntityManager,
    ws: WorkspaceContext,
    templates: Template[],
    view: TemplateViewQueryDto,
  ): Promise<TemplateDto[]> {
    const needCatalog = view.cleansed || view.hydrated;
    const projects = needCatalog ? await this.loadProjects(manager, ws, templates) : new Map<string, ProjectRow>();
    const tasks = needCatalog ? await this.loadTasks(manager, ws.workspaceId, templates) : new Map<string, TaskRow>();
    const entries = await this.loadEntries(manager, ws, templates);
    return templates.map((t) => {
      let rows = t.projectsAndTasks;
      if (view.cleansed) {
        rows = rows.filter((r) => {
          const project = projects.get(r.projectId);
          const task = r.taskId ? tasks.get(r.taskId) : undefined;
          return project && !project.archived && project.visible && (!r.taskId || (task && task.status === 'ACTIVE'));
        });
      }
      return {
        id: t.id,
        name: t.name,
        projectsAndTasks: rows.map((r) => tupleDto(r, view.hydrated, projects, tasks)),
        entries: t.timeEntryIds.flatMap((id) => entries.get(id) ?? []),
        weekStart: t.weekStart,
        userId: t.userId,
        workspaceId: t.workspaceId,
      };
    });
  }

  private async loadProjects(
    manager: EntityManager,
    ws: WorkspaceContext,
    templates: Template[],
  ): Promise<Map<string, ProjectRow>> {
    const ids = [...new Set(templates.flatMap((t) => t.projectsAndTasks.map((r) => r.projectId)))];
    if (!ids.length) return new Map();
    const rows = await TemplatesStore.projects(manager, ws, ids);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async loadTasks(
    manager: EntityManager,
    workspaceId: string,
    templates: Template[],
  ): Promise<Map<string, TaskRow>> {
    const ids = [...new Set(templates.flatMap((t) => t.projectsAndTasks.flatMap((r) => (r.taskId ? [r.taskId] : []))))];
    if (!ids.length) return new Map();
    const rows = await TemplatesStore.tasks(manager, workspaceId, ids);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The templates' time entries that still exist, with their tags and custom field values. */
  private async loadEntries(
    manager: EntityManager,
    ws: WorkspaceContext,
    templates: Template[],
  ): Promise<Map<string, TemplateEntryDto>> {
    const ids = [...new Set(templates.flatMap((t) => t.timeEntryIds))];
    if (!ids.length) return new Map();
    const { rows, tags, fields } = await TemplatesStore.entries(manager, ws.workspaceId, ws.userId, ids);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          description: r.description,
          billable: r.billable,
          projectId: r.project_id,
          taskId: r.task_id,
          tagIds: tags.filter((l) => l.time_entry_id === r.id).map((l) => l.tag_id ?? ''),
          timeInterval: {
            start: toInstant(r.start_at) ?? '',
            end: toInstant(r.end_at),
            duration: toIsoDuration(r.duration),
          },
          type: r.type,
          customFieldValues: fields
            .filter((l) => l.time_entry_id === r.id)
            .map((l) => ({
              customFieldId: l.custom_field_id ?? '',
              sourceType: 'TIMEENTRY',
              timeEntryId: r.id,
              value: l.value ?? null,
            })),
          userId: r.user_id,
          workspaceId: ws.workspaceId,
        },
      ]),
    );
  }

  private event(template: TemplateDto, event: string) {
    return {
      workspaceId: template.workspaceId,
      entityType: ENTITY_TYPE,
      entityId: template.id,
      event,
      payload: template,
    };
  }
}

function tupleDto(
  row: TemplateProjectTask,
  hydrated: boolean,
  projects: Map<string, ProjectRow>,
  tasks: Map<string, TaskRow>,
): ProjectTaskTupleDto {
  const dto: ProjectTaskTupleDto = { projectId: row.projectId, taskId: row.taskId };
  if (!hydrated) return dto;
  const p = projects.get(row.projectId);
  const t = row.taskId ? tasks.get(row.taskId) : undefined;
  const project: TemplateProjectDto | null = p?.visible
    ? {
        id: p.id,
        name: p.name,
        color: p.color,
        clientId: p.client_id,
        archived: p.archived,
        billable: p.billable,
        public: p.is_public,
      }
    : null;
  const task: TemplateTaskDto | null = t ? { id: t.id, name: t.name, projectId: t.project_id, status: t.status } : null;
  return { ...dto, project, task };
}
