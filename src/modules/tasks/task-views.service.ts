import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { pageOf } from '../../common/dto/page-query.dto';
import { limitOffset, Page } from '../../common/dto/page';
import type { RateDto } from '../../common/dto/rate.dto';
import { toIsoDuration } from '../../common/utils/time';
import type { TaskListQueryDto } from './dto/task-query.dto';
import type { TaskDto } from './dto/task.dto';
import { Task } from './entities/task.entity';

/** `%` and `_` in a search text match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface LinkRow {
  kind: 'A' | 'G';
  task_id: string;
  ref: string;
}

interface RateRow {
  task_id: string;
  kind: 'HOURLY' | 'COST';
  amount: string;
  currency: string;
}

/**
 * Turns task rows into TaskDtoV1: assignees, groups and current rates of a
 * whole page are loaded in one query each (no per-task queries).
 */
@Injectable()
export class TaskViewsService {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of a project's tasks, filtered and sorted as GET .../tasks asks. */
  async list(workspaceId: string, projectId: string, query: TaskListQueryDto): Promise<Page<TaskDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Task, 't')
      .where('t.workspace_id = :workspaceId AND t.project_id = :projectId', { workspaceId, projectId });
    if (query.name) {
      if (query['strict-name-search']) qb.andWhere('lower(t.name) = lower(:name)', { name: query.name });
      else qb.andWhere("t.name ILIKE '%' || :name || '%' ESCAPE '\\'", { name: escapeLike(query.name) });
    }
    if (query['is-active'] !== undefined) qb.andWhere('t.status = :status', { status: query['is-active'] ? 'ACTIVE' : 'DONE' });
    const order = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    if (query['sort-column'] === 'ID') qb.orderBy('t.id', order);
    else qb.orderBy('lower(t.name)', order).addOrderBy('t.id', order);
    const { limit, offset } = limitOffset(pageOf(query));
    const [tasks, total] = await qb.limit(limit).offset(offset).getManyAndCount();
    return new Page(await this.many(workspaceId, tasks), total, pageOf(query));
  }

  /** The task of that project in that workspace, or 404. */
  async findEntity(workspaceId: string, projectId: string, taskId: string, manager: EntityManager = this.dataSource.manager): Promise<Task> {
    const task = await manager.findOne(Task, { where: { workspaceId, projectId, id: taskId } });
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
    const links: LinkRow[] = await manager.query(
      `SELECT 'A' AS kind, task_id, user_id AS ref FROM task_assignees WHERE workspace_id = $1 AND task_id = ANY($2)
       UNION ALL
       SELECT 'G' AS kind, task_id, user_group_id AS ref FROM task_user_groups WHERE workspace_id = $1 AND task_id = ANY($2)
       ORDER BY kind, task_id, ref`,
      [workspaceId, ids],
    );
    const rates: RateRow[] = await manager.query(
      `SELECT DISTINCT ON (task_id, kind) task_id, kind, amount, currency
         FROM rates
        WHERE workspace_id = $1 AND task_id = ANY($2) AND user_id IS NULL AND since <= $3
        ORDER BY task_id, kind, since DESC`,
      // The app's clock, as RatesService stamps `since` with it (now() would be the transaction's start).
      [workspaceId, ids, new Date()],
    );
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
