import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { pageOf } from '../../common/dto/page-query.dto';
import { Page } from '../../common/dto/page';
import type { RateDto } from '../../common/dto/rate.dto';
import { toIsoDuration } from '../../common/utils/time';
import type { TaskListQueryDto } from './dto/task-query.dto';
import type { TaskDto } from './dto/task.dto';
import type { Task } from './entities/task.entity';
import { type RateRow, TasksStore } from './tasks.store';

/**
 * Turns task rows into TaskDtoV1: assignees, groups and current rates of a
 * whole page are loaded in one query each (no per-task queries).
 */
@Injectable()
export class TaskViewsService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of a project's tasks, filtered and sorted as GET .../tasks asks. */
  async list(workspaceId: string, projectId: string, query: TaskListQueryDto): Promise<Page<TaskDto>> {
    const [tasks, total] = await TasksStore.page(this.dataSource.manager, workspaceId, projectId, query, pageOf(query));
    return new Page(await this.many(workspaceId, tasks), total, pageOf(query));
  }

  /** The task of that project in that workspace, or 404. */
  async findEntity(
    workspaceId: string,
    projectId: string,
    taskId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Task> {
    const task = await TasksStore.find(manager, workspaceId, projectId, taskId);
    if (!task) throw new NotFoundException('Task not found');
    return task;
  }

  async one(workspaceId: string, task: Task, manager: EntityManager = this.dataSource.manager): Promise<TaskDto> {
    const [dto] = await this.many(workspaceId, [task], manager);
    return dto;
  }

  async many(workspaceId: string, tasks: Task[], manager: EntityManager = this.dataSource.manager): Promise<TaskDto[]> {
    if (!tasks.length) return [];
    const ids = tasks.map((t) => t.id);
    const links = await TasksStore.links(manager, workspaceId, ids);
    // The app's clock, as RatesService stamps `since` with it (now() would be the transaction's start).
    const rates = await TasksStore.rates(manager, workspaceId, ids, new Date());
    const assignees = new Map<string, string[]>();
    const groups = new Map<string, string[]>();
    for (const link of links) {
      const target = link.kind === 'A' ? assignees : groups;
      target.set(link.task_id, [...(target.get(link.task_id) ?? []), link.ref]);
    }
    const rateByKey = new Map(rates.map((r) => [`${r.task_id}:${r.kind}`, r]));
    const rateOf = (taskId: string, kind: RateRow['kind']): RateDto | null => {
      const row = rateByKey.get(`${taskId}:${kind}`);
      return row ? { amount: Number(row.amount), currency: row.currency } : null;
    };
    return tasks.map((task) => {
      const assigneeIds = assignees.get(task.id) ?? [];
      return {
        id: task.id,
        name: task.name,
        projectId: task.projectId,
        assigneeIds,
        assigneeId: assigneeIds[0] ?? null,
        userGroupIds: groups.get(task.id) ?? [],
        estimate: toIsoDuration(task.estimate ?? 0) ?? 'PT0S',
        status: task.status,
        duration: 'PT0S',
        billable: task.billable,
        hourlyRate: rateOf(task.id, 'HOURLY'),
        costRate: rateOf(task.id, 'COST'),
        budgetEstimate: task.budgetEstimate,
      };
    });
  }
}
