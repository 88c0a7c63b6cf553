import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import type { ProjectDto } from './dto/project.dto';
import type { CreateProjectFromTemplateDto } from './dto/project-requests.dto';
import { Project } from './entities/project.entity';
import { ProjectAccessService } from './project-access.service';
import { NewTask, ProjectChanges, RateRow, projectNameConflicts } from './project-changes';
import type { TaskRow } from './project.mapper';

/** A template's task as the copy reads it: the task columns of a TaskRow, without project and rates. */
type TemplateTaskRow = Pick<TaskRow, 'id' | 'name' | 'status' | 'estimate' | 'budget_estimate' | 'billable' | 'assignee_ids' | 'group_ids'>;

interface TemplateRateRow {
  kind: 'HOURLY' | 'COST';
  user_id: string | null;
  task_id: string | null;
  amount: string;
  currency: string;
  since: Date;
}

/** POST projects/from-template: a new project with the template's settings, members, rates and tasks, in one transaction. */
@Injectable()
export class ProjectTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessService,
    private readonly changes: ProjectChanges,
  ) {}

  async createFromTemplate(ws: WorkspaceContext, body: CreateProjectFromTemplateDto): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      const workspace = await this.changes.workspace(manager, ws.workspaceId);
      if (!ws.isAdmin && workspace.settings.onlyAdminsCreateProject) {
        throw new ForbiddenException('Only workspace admins may create projects in this workspace');
      }
      await this.access.assertVisible(ws, body.templateProjectId, manager);
      const template = await manager.getRepository(Project).findOneByOrFail({ workspaceId: ws.workspaceId, id: body.templateProjectId });
      if (!template.isTemplate) throw new BadRequestException('The project is not a template');
      const clientId = body.clientId === undefined ? template.clientId : body.clientId || null;
      if (clientId && clientId !== template.clientId) await this.changes.assertClient(manager, ws.workspaceId, clientId);

      const project: Project = manager.getRepository(Project).create({
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
      });
      await conflictOnUnique(projectNameConflicts(project.name, clientId), () => manager.insert(Project, project));

      await manager.query(
        `INSERT INTO project_members (workspace_id, project_id, user_id, user_group_id)
         SELECT workspace_id, $3, user_id, user_group_id FROM project_members WHERE workspace_id = $1 AND project_id = $2
         ON CONFLICT DO NOTHING`,
        [ws.workspaceId, template.id, project.id],
      );
      await this.changes.addMembers(manager, ws.workspaceId, project.id, [ws.userId], []);

      const rates: TemplateRateRow[] = await manager.query(
        'SELECT kind, user_id, task_id, amount, currency, since FROM rates WHERE workspace_id = $1 AND project_id = $2',
        [ws.workspaceId, template.id],
      );
      const toRate = (r: TemplateRateRow): RateRow => ({
        kind: r.kind, userId: r.user_id, taskId: null, amount: Number(r.amount), currency: r.currency, since: r.since,
      });
      await this.changes.insertRates(manager, ws.workspaceId, project.id, rates.filter((r) => r.task_id === null).map(toRate));

      const tasks: TemplateTaskRow[] = await manager.query(
        `SELECT t.id, t.name, t.status, t.estimate, t.budget_estimate, t.billable,
                coalesce((SELECT array_agg(ta.user_id::text) FROM task_assignees ta WHERE ta.task_id = t.id), '{}') AS assignee_ids,
                coalesce((SELECT array_agg(tg.user_group_id::text) FROM task_user_groups tg WHERE tg.task_id = t.id), '{}') AS group_ids
           FROM tasks t WHERE t.workspace_id = $1 AND t.project_id = $2 ORDER BY t.created_at, t.id`,
        [ws.workspaceId, template.id],
      );
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
      await this.changes.insertTasks(manager, ws.workspaceId, project.id, copies);
      return this.changes.record(manager, ws.workspaceId, project.id, 'NEW_PROJECT');
    });
  }
}
