import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import type { ProjectDto } from './dto/project.dto';
import type { CreateProjectFromTemplateDto } from './dto/project-requests.dto';
import { ProjectAccessService } from './project-access.service';
import { PROJECT_TASKS, type ProjectTasks } from './project-extensions';
import { ProjectChangesService, projectNameConflicts } from './project-changes.service';
import { type ProjectRateStep, RatesStore } from '../rates/rates.store';
import { type NewTask, ProjectWritesStore, type TemplateRateRow } from './project-writes.store';

/** POST projects/from-template: a new project with the template's settings, members, rates and tasks, in one transaction. */
@Injectable()
export class ProjectTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessService,
    private readonly changes: ProjectChangesService,
    @Inject(PROJECT_TASKS) private readonly tasks: ProjectTasks,
  ) {}

  async createFromTemplate(ws: WorkspaceContext, body: CreateProjectFromTemplateDto): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      const workspace = await this.changes.workspace(manager, ws.workspaceId);
      if (!ws.isAdmin && workspace.settings.onlyAdminsCreateProject) {
        throw new ForbiddenException('Only workspace admins may create projects in this workspace');
      }
      await this.access.assertVisible(ws, body.templateProjectId, manager);
      const template = await ProjectWritesStore.find(manager, ws.workspaceId, body.templateProjectId);
      if (!template.isTemplate) throw new BadRequestException('The project is not a template');
      const clientId = body.clientId === undefined ? template.clientId : body.clientId || null;
      if (clientId && clientId !== template.clientId)
        await this.changes.assertClient(manager, ws.workspaceId, clientId);

      const project = {
        id: newId(),
        workspaceId: ws.workspaceId,
        name: body.name.trim(),
        clientId,
        color: body.color ?? template.color,
        note: template.note,
        billable: template.billable,
        isPublic: body.isPublic ?? template.isPublic,
        archived: false,
        isTemplate: false,
        timeEstimate: template.timeEstimate,
        budgetEstimate: template.budgetEstimate,
        estimateReset: template.estimateReset,
      };
      await conflictOnUnique(projectNameConflicts(project.name, clientId), () =>
        ProjectWritesStore.insert(manager, project),
      );

      await ProjectWritesStore.copyMembers(manager, ws.workspaceId, template.id, project.id);
      await ProjectWritesStore.addMembers(manager, ws.workspaceId, project.id, [ws.userId], []);

      const rates = await ProjectWritesStore.templateRates(manager, ws.workspaceId, template.id);
      const toRate = (r: TemplateRateRow): ProjectRateStep => ({
        kind: r.kind,
        userId: r.user_id,
        taskId: null,
        amount: Number(r.amount),
        currency: r.currency,
        since: r.since,
      });
      await RatesStore.insertProjectSteps(
        manager,
        ws.workspaceId,
        project.id,
        rates.filter((r) => r.task_id === null).map(toRate),
      );

      const tasks = await ProjectWritesStore.templateTasks(manager, ws.workspaceId, template.id);
      const copies: NewTask[] = tasks.map((t) => ({
        name: t.name,
        status: t.status,
        estimate: t.estimate === null ? null : Number(t.estimate),
        budgetEstimate: t.budget_estimate === null ? null : Number(t.budget_estimate),
        billable: t.billable,
        assigneeIds: t.assignee_ids,
        groupIds: t.group_ids,
        rates: rates.filter((r) => r.task_id?.trim() === t.id.trim()).map(toRate),
      }));
      await this.tasks.insertMany(manager, ws.workspaceId, project.id, copies);
      return this.changes.record(manager, ws.workspaceId, project.id, 'NEW_PROJECT');
    });
  }
}
