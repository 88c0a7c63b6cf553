import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import type { RateRequestDto } from '../../common/dto/rate.dto';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import { parseIsoDuration } from '../../common/utils/time';
import { RatesService } from '../rates/rates.service';
import { MemberRolesStore } from '../workspaces/member-roles.store';
import type { ProjectDto } from './dto/project.dto';
import type { ProjectQueryDto } from './dto/project-query.dto';
import type { ProjectRequestDto, TaskRequestDto, UpdateProjectRequestDto } from './dto/project-requests.dto';
import { ProjectAccessService } from './project-access.service';
import { PROJECT_TASKS, type ProjectTasks } from './project-extensions';
import { ProjectChangesService, projectNameConflicts } from './project-changes.service';
import { ProjectViewsService } from './project-views.service';
import { type NewTask, ProjectWritesStore } from './project-writes.store';
import { DEFAULT_TIME_ESTIMATE } from './project.mapper';

const DEFAULT_COLOR = '#03A9F4';

function emptyToNull(id: string | null | undefined): string | null | undefined {
  return id === '' ? null : id;
}

export function toNewTask(task: TaskRequestDto, projectBillable: boolean, currency: string): NewTask {
  const rates = (['HOURLY', 'COST'] as const).flatMap((kind) => {
    const r = kind === 'HOURLY' ? task.hourlyRate : task.costRate;
    return r ? [{ kind, amount: r.amount, currency, since: r.since ? new Date(r.since) : new Date() }] : [];
  });
  return {
    name: task.name,
    status: task.status ?? 'ACTIVE',
    estimate: task.estimate ? parseIsoDuration(task.estimate) : null,
    budgetEstimate: task.budgetEstimate ?? null,
    billable: task.billable ?? projectBillable,
    assigneeIds: [...(task.assigneeIds ?? []), ...(task.assigneeId ? [task.assigneeId] : [])],
    groupIds: task.userGroupIds ?? [],
    rates,
  };
}

/** Projects: create, read, update, archive/delete, template flag. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessService,
    private readonly views: ProjectViewsService,
    private readonly changes: ProjectChangesService,
    private readonly rates: RatesService,
    private readonly memberRoles: MemberRolesStore,
    @Inject(PROJECT_TASKS) private readonly tasks: ProjectTasks,
  ) {}

  async findOne(ws: WorkspaceContext, projectId: string, query: ProjectQueryDto): Promise<ProjectDto> {
    await this.access.assertVisible(ws, projectId);
    return this.views.findDto(ws.workspaceId, projectId, {
      hydrated: query.hydrated,
      customFieldEntityType: query['custom-field-entity-type'],
    });
  }

  async create(ws: WorkspaceContext, body: ProjectRequestDto): Promise<ProjectDto> {
    const clientId = emptyToNull(body.clientId) ?? null;
    return conflictOnUnique(projectNameConflicts(body.name, clientId), () =>
      this.dataSource.transaction(async (manager) => {
        const workspace = await this.changes.workspace(manager, ws.workspaceId);
        if (!ws.isAdmin && workspace.settings.onlyAdminsCreateProject) {
          throw new ForbiddenException('Only workspace admins may create projects in this workspace');
        }
        if (clientId) await this.changes.assertClient(manager, ws.workspaceId, clientId);
        const billable = body.billable ?? workspace.settings.defaultBillableProjects ?? true;
        const estimateSeconds = body.estimate?.estimate ? (parseIsoDuration(body.estimate.estimate) ?? 0) : 0;
        const project = await ProjectWritesStore.insert(manager, {
          id: newId(),
          workspaceId: ws.workspaceId,
          name: body.name.trim(),
          clientId,
          color: body.color ?? DEFAULT_COLOR,
          note: body.note ?? '',
          billable,
          isPublic: body.isPublic ?? workspace.settings.isProjectPublicByDefault ?? true,
          archived: false,
          isTemplate: false,
          timeEstimate: body.estimate
            ? {
                ...DEFAULT_TIME_ESTIMATE,
                active: estimateSeconds > 0,
                estimate: estimateSeconds,
                type: body.estimate.type ?? 'MANUAL',
              }
            : null,
          budgetEstimate: null,
          estimateReset: null,
        });

        const memberships = body.memberships ?? [];
        const groupIds = memberships.filter((m) => m.membershipType === 'USERGROUP').map((m) => m.userId);
        const users = memberships.filter((m) => m.membershipType !== 'USERGROUP');
        // The creator is a member of what they create, as in Clockify.
        const userIds = [ws.userId, ...users.map((m) => m.userId)];
        const tasks = (body.tasks ?? []).map((t) => toNewTask(t, billable, workspace.currency));
        await this.changes.assertUsers(manager, ws.workspaceId, [...userIds, ...tasks.flatMap((t) => t.assigneeIds)]);
        await this.changes.assertGroups(manager, ws.workspaceId, [...groupIds, ...tasks.flatMap((t) => t.groupIds)]);
        await ProjectWritesStore.addMembers(manager, ws.workspaceId, project.id, userIds, groupIds);
        for (const m of users) {
          await this.setRate(manager, ws.workspaceId, project.id, m.userId, 'HOURLY', m.hourlyRate, workspace.currency);
          await this.setRate(manager, ws.workspaceId, project.id, m.userId, 'COST', m.costRate, workspace.currency);
        }
        await this.setRate(manager, ws.workspaceId, project.id, null, 'HOURLY', body.hourlyRate, workspace.currency);
        await this.setRate(manager, ws.workspaceId, project.id, null, 'COST', body.costRate, workspace.currency);
        await this.tasks.insertMany(manager, ws.workspaceId, project.id, tasks);
        return this.changes.record(manager, ws.workspaceId, project.id, 'NEW_PROJECT');
      }),
    );
  }

  async update(ws: WorkspaceContext, projectId: string, body: UpdateProjectRequestDto): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      const project = await ProjectWritesStore.find(manager, ws.workspaceId, projectId);
      const clientId = body.clientId === undefined ? project.clientId : (emptyToNull(body.clientId) ?? null);
      if (clientId && clientId !== project.clientId) await this.changes.assertClient(manager, ws.workspaceId, clientId);
      const name = body.name?.trim() ?? project.name;
      await conflictOnUnique(projectNameConflicts(name, clientId), () =>
        ProjectWritesStore.update(manager, ws.workspaceId, projectId, {
          name,
          clientId,
          color: body.color ?? project.color,
          note: body.note ?? project.note,
          isPublic: body.isPublic ?? project.isPublic,
          billable: body.billable ?? project.billable,
          archived: body.archived ?? project.archived,
        }),
      );
      const { currency } = await this.changes.workspace(manager, ws.workspaceId);
      await this.setRate(manager, ws.workspaceId, projectId, null, 'HOURLY', body.hourlyRate, currency);
      await this.setRate(manager, ws.workspaceId, projectId, null, 'COST', body.costRate, currency);
      return this.changes.record(manager, ws.workspaceId, projectId, 'PROJECT_UPDATED');
    });
  }

  /**
   * Only archived projects may be deleted (as Clockify: archive first). Its
   * members, tasks, rates and custom-field settings go with it (FK cascades);
   * PROJECT_MANAGER roles over it are revoked.
   */
  async remove(ws: WorkspaceContext, projectId: string): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      const dto = await this.views.findDto(ws.workspaceId, projectId, {}, manager);
      if (!dto.archived) throw new BadRequestException('Cannot delete an active project; archive it first');
      await this.memberRoles.revokeOverProject(manager, ws.workspaceId, projectId);
      await ProjectWritesStore.delete(manager, ws.workspaceId, projectId);
      return this.changes.record(manager, ws.workspaceId, projectId, 'PROJECT_DELETED', dto);
    });
  }

  async setTemplate(ws: WorkspaceContext, projectId: string, isTemplate: boolean): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      await ProjectWritesStore.update(manager, ws.workspaceId, projectId, { isTemplate });
      return this.changes.record(manager, ws.workspaceId, projectId, 'PROJECT_UPDATED');
    });
  }

  /** Sets a rate of the project (userId null) or of a project member, when given. */
  async setRate(
    manager: EntityManager,
    workspaceId: string,
    projectId: string,
    userId: string | null,
    kind: 'HOURLY' | 'COST',
    value: RateRequestDto | undefined,
    currency: string,
  ): Promise<void> {
    if (!value) return;
    await this.rates.set(
      manager,
      { workspaceId, projectId, userId },
      kind,
      { amount: value.amount, currency },
      value.since ? new Date(value.since) : undefined,
    );
  }
}
