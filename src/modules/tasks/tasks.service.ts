import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import type { RateRequestDto } from '../../common/dto/rate.dto';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { parseIsoDuration } from '../../common/utils/time';
import { conflictOnUnique } from '../../common/utils/sql';
import { ProjectAccessService } from '../projects/project-access.service';
import type { RateKind } from '../rates/entities/rate.entity';
import { RatesService } from '../rates/rates.service';
import type { CreateTaskRequestDto, UpdateTaskRequestDto } from './dto/task-request.dto';
import type { TaskDto } from './dto/task.dto';
import type { Task } from './entities/task.entity';
import { TaskViewsService } from './task-views.service';
import { TasksStore } from './tasks.store';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({ tasks_name_key: `A task named "${name}" already exists on this project` });

type TaskEvent = 'NEW_TASK' | 'TASK_UPDATED' | 'TASK_DELETED';

/** Creating, changing and deleting tasks, with their assignees, groups and rates. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessService,
    private readonly views: TaskViewsService,
    private readonly rates: RatesService,
    private readonly outbox: OutboxService,
  ) {}

  async create(
    ws: WorkspaceContext,
    projectId: string,
    body: CreateTaskRequestDto,
    withAssignees = true,
  ): Promise<TaskDto> {
    const name = body.name.trim();
    return conflictOnUnique(nameTaken(name), () =>
      this.dataSource.transaction(async (manager) => {
        await this.assertMayCreate(ws, projectId, manager);
        const projectBillable = await TasksStore.projectBillable(manager, ws.workspaceId, projectId);
        const task = await TasksStore.insert(manager, {
          id: newId(),
          workspaceId: ws.workspaceId,
          projectId,
          name,
          status: body.status ?? 'ACTIVE',
          estimate: body.estimate ? parseIsoDuration(body.estimate) : null,
          budgetEstimate: body.budgetEstimate ?? null,
          billable: body.billable ?? projectBillable,
        });
        await this.replaceLinks(
          manager,
          ws.workspaceId,
          task.id,
          withAssignees ? (assigneesOf(body) ?? []) : [],
          body.userGroupIds ?? [],
        );
        return this.emit(manager, ws.workspaceId, task, 'NEW_TASK');
      }),
    );
  }

  async update(
    ws: WorkspaceContext,
    projectId: string,
    taskId: string,
    body: UpdateTaskRequestDto,
    withAssignees = true,
  ): Promise<TaskDto> {
    const name = body.name.trim();
    return conflictOnUnique(nameTaken(name), () =>
      this.dataSource.transaction(async (manager) => {
        await this.access.assertManageable(ws, projectId, manager);
        const task = await this.views.findEntity(ws.workspaceId, projectId, taskId, manager);
        task.name = name;
        if (body.status != null) task.status = body.status;
        if (body.estimate !== undefined) task.estimate = parseIsoDuration(body.estimate);
        if (body.budgetEstimate !== undefined) task.budgetEstimate = body.budgetEstimate;
        if (body.billable != null) task.billable = body.billable;
        const { status, estimate, budgetEstimate, billable } = task;
        await TasksStore.update(manager, ws.workspaceId, task.id, {
          name: task.name,
          status,
          estimate,
          budgetEstimate,
          billable,
        });
        const assignees = withAssignees ? assigneesOf(body) : [];
        await this.replaceLinks(manager, ws.workspaceId, task.id, assignees, body.userGroupIds);
        return this.emit(manager, ws.workspaceId, task, 'TASK_UPDATED');
      }),
    );
  }

  async remove(ws: WorkspaceContext, projectId: string, taskId: string): Promise<TaskDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      const task = await this.views.findEntity(ws.workspaceId, projectId, taskId, manager);
      const dto = await this.views.one(ws.workspaceId, task, manager);
      await TasksStore.delete(manager, ws.workspaceId, task.id);
      await this.outbox.record(manager, {
        workspaceId: ws.workspaceId,
        entityType: 'TASK',
        entityId: task.id,
        event: 'TASK_DELETED',
        payload: dto,
      });
      return dto;
    });
  }

  /** PUT .../tasks/{id}/hourly-rate and cost-rate: a new step in the task's rate history. */
  async setRate(
    ws: WorkspaceContext,
    projectId: string,
    taskId: string,
    kind: RateKind,
    body: RateRequestDto,
  ): Promise<TaskDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      const task = await this.views.findEntity(ws.workspaceId, projectId, taskId, manager);
      const currency = await TasksStore.workspaceCurrency(manager, ws.workspaceId);
      const scope = { workspaceId: ws.workspaceId, projectId, taskId: task.id };
      await this.rates.set(
        manager,
        scope,
        kind,
        { amount: body.amount, currency },
        body.since ? new Date(body.since) : undefined,
      );
      return this.emit(manager, ws.workspaceId, task, 'TASK_UPDATED');
    });
  }

  /** Managers may always create; other members who see the project may unless onlyAdminsCreateTask. */
  private async assertMayCreate(ws: WorkspaceContext, projectId: string, manager: EntityManager): Promise<void> {
    if (await TasksStore.onlyAdminsCreateTask(manager, ws.workspaceId))
      await this.access.assertManageable(ws, projectId, manager);
    else await this.access.assertVisible(ws, projectId, manager);
  }

  /** Replaces assignees / groups when given (undefined keeps them); unknown ids are 404. */
  private async replaceLinks(
    manager: EntityManager,
    workspaceId: string,
    taskId: string,
    userIds?: string[],
    groupIds?: string[],
  ): Promise<void> {
    if (userIds) {
      const ids = [...new Set(userIds)];
      const found = await TasksStore.countMembers(manager, workspaceId, ids);
      if (found !== ids.length) throw new NotFoundException('Assignee not found in this workspace');
      await TasksStore.replaceAssignees(manager, workspaceId, taskId, ids);
    }
    if (groupIds) {
      const ids = [...new Set(groupIds)];
      const found = await TasksStore.countUserGroups(manager, workspaceId, ids);
      if (found !== ids.length) throw new NotFoundException('User group not found in this workspace');
      await TasksStore.replaceUserGroups(manager, workspaceId, taskId, ids);
    }
  }

  private async emit(manager: EntityManager, workspaceId: string, task: Task, event: TaskEvent): Promise<TaskDto> {
    const dto = await this.views.one(workspaceId, task, manager);
    await this.outbox.record(manager, { workspaceId, entityType: 'TASK', entityId: task.id, event, payload: dto });
    return dto;
  }
}

/** `assigneeIds` plus the single `assigneeId`; undefined when neither was sent. */
function assigneesOf(body: UpdateTaskRequestDto): string[] | undefined {
  if (body.assigneeIds === undefined && body.assigneeId === undefined) return undefined;
  const ids = [...(body.assigneeIds ?? [])];
  if (body.assigneeId && !ids.includes(body.assigneeId)) ids.push(body.assigneeId);
  return ids;
}
