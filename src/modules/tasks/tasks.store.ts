import { EntityManager } from 'typeorm';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { limitOffset } from '../../common/dto/page';
import type { TaskListQueryDto } from './dto/task-query.dto';
import { TaskAssignee } from './entities/task-assignee.entity';
import { TaskUserGroup } from './entities/task-user-group.entity';
import { Task } from './entities/task.entity';

/** `%` and `_` in a search text match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An assignee (`A`, `ref` a user id) or a user group (`G`, `ref` a group id) of a task. */
export interface LinkRow {
  kind: 'A' | 'G';
  task_id: string;
  ref: string;
}

/** The rate of a task in force now. */
export interface RateRow {
  task_id: string;
  kind: 'HOURLY' | 'COST';
  amount: string;
  currency: string;
}

/** The columns of a task an update writes. */
export type TaskChanges = Pick<Task, 'name' | 'status' | 'estimate' | 'budgetEstimate' | 'billable'>;

/** SQL of tasks, their assignees and groups (the caller passes the manager, and with it its transaction). */
export const TasksStore = {
  /** One page of a project's tasks, filtered and sorted as GET .../tasks asks, and how many match. */
  page(
    manager: EntityManager,
    workspaceId: string,
    projectId: string,
    query: TaskListQueryDto,
    request: PageRequest,
  ): Promise<[Task[], number]> {
    const qb = manager
      .createQueryBuilder(Task, 't')
      .where('t.workspace_id = :workspaceId AND t.project_id = :projectId', { workspaceId, projectId });
    if (query.name) {
      if (query['strict-name-search']) qb.andWhere('lower(t.name) = lower(:name)', { name: query.name });
      else qb.andWhere("t.name ILIKE '%' || :name || '%' ESCAPE '\\'", { name: escapeLike(query.name) });
    }
    if (query['is-active'] !== undefined)
      qb.andWhere('t.status = :status', { status: query['is-active'] ? 'ACTIVE' : 'DONE' });
    const order = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    if (query['sort-column'] === 'ID') qb.orderBy('t.id', order);
    else qb.orderBy('lower(t.name)', order).addOrderBy('t.id', order);
    const { limit, offset } = limitOffset(request);
    return qb.limit(limit).offset(offset).getManyAndCount();
  },

  /** The task of that project in that workspace; null when there is none. */
  find(manager: EntityManager, workspaceId: string, projectId: string, taskId: string): Promise<Task | null> {
    return manager.findOne(Task, { where: { workspaceId, projectId, id: taskId } });
  },

  /** Assignees and user groups of these tasks, ordered by kind, task and id. */
  links(manager: EntityManager, workspaceId: string, taskIds: readonly string[]): Promise<LinkRow[]> {
    return manager.query(
      `SELECT 'A' AS kind, task_id, user_id AS ref FROM task_assignees WHERE workspace_id = $1 AND task_id = ANY($2)
       UNION ALL
       SELECT 'G' AS kind, task_id, user_group_id AS ref FROM task_user_groups WHERE workspace_id = $1 AND task_id = ANY($2)
       ORDER BY kind, task_id, ref`,
      [workspaceId, taskIds],
    );
  },

  /** The rates of these tasks in force at `at`, one per task and kind. */
  rates(manager: EntityManager, workspaceId: string, taskIds: readonly string[], at: Date): Promise<RateRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (task_id, kind) task_id, kind, amount, currency
         FROM rates
        WHERE workspace_id = $1 AND task_id = ANY($2) AND user_id IS NULL AND since <= $3
        ORDER BY task_id, kind, since DESC`,
      [workspaceId, taskIds, at],
    );
  },

  /** Whether the project's new tasks are billable by default (the project exists: the caller has checked). */
  async projectBillable(manager: EntityManager, workspaceId: string, projectId: string): Promise<boolean> {
    const [project] = (await manager.query(`SELECT billable FROM projects WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      projectId,
    ])) as { billable: boolean }[];
    return project.billable;
  },

  /** The workspace's currency. */
  async workspaceCurrency(manager: EntityManager, workspaceId: string): Promise<string> {
    const [workspace] = (await manager.query(`SELECT currency FROM workspaces WHERE id = $1`, [workspaceId])) as {
      currency: string;
    }[];
    return workspace.currency;
  },

  /** The workspace setting `onlyAdminsCreateTask` (null when unset). */
  async onlyAdminsCreateTask(manager: EntityManager, workspaceId: string): Promise<boolean | null | undefined> {
    const [row] = (await manager.query(
      `SELECT (settings->>'onlyAdminsCreateTask')::boolean AS only_admins FROM workspaces WHERE id = $1`,
      [workspaceId],
    )) as { only_admins: boolean | null }[];
    return row?.only_admins;
  },

  async insert(manager: EntityManager, values: Omit<Task, 'createdAt'>): Promise<Task> {
    const task = manager.create(Task, values);
    await manager.insert(Task, task);
    return task;
  },

  async update(manager: EntityManager, workspaceId: string, id: string, changes: TaskChanges): Promise<void> {
    await manager.update(Task, { workspaceId, id }, changes);
  },

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.delete(Task, { workspaceId, id });
  },

  /** Marks the tasks of the client's projects done (archiving a client with `mark-tasks-as-done`). */
  async markDoneForClient(manager: EntityManager, workspaceId: string, clientId: string): Promise<void> {
    await manager.query(
      `UPDATE tasks SET status = 'DONE'
        WHERE workspace_id = $1 AND project_id IN (SELECT id FROM projects WHERE workspace_id = $1 AND client_id = $2)`,
      [workspaceId, clientId],
    );
  },

  /** How many of these (distinct) user ids are members of the workspace. */
  async countMembers(manager: EntityManager, workspaceId: string, userIds: readonly string[]): Promise<number> {
    const found = (await manager.query(
      `SELECT user_id FROM workspace_members WHERE workspace_id = $1 AND user_id = ANY($2)`,
      [workspaceId, userIds],
    )) as unknown[];
    return found.length;
  },

  /** How many of these (distinct) ids are user groups of the workspace. */
  async countUserGroups(manager: EntityManager, workspaceId: string, groupIds: readonly string[]): Promise<number> {
    const found = (await manager.query(`SELECT id FROM user_groups WHERE workspace_id = $1 AND id = ANY($2)`, [
      workspaceId,
      groupIds,
    ])) as unknown[];
    return found.length;
  },

  async replaceAssignees(
    manager: EntityManager,
    workspaceId: string,
    taskId: string,
    userIds: readonly string[],
  ): Promise<void> {
    await manager.delete(TaskAssignee, { workspaceId, taskId });
    if (userIds.length)
      await manager.insert(
        TaskAssignee,
        userIds.map((userId) => ({ workspaceId, taskId, userId })),
      );
  },

  async replaceUserGroups(
    manager: EntityManager,
    workspaceId: string,
    taskId: string,
    groupIds: readonly string[],
  ): Promise<void> {
    await manager.delete(TaskUserGroup, { workspaceId, taskId });
    if (groupIds.length)
      await manager.insert(
        TaskUserGroup,
        groupIds.map((userGroupId) => ({ workspaceId, taskId, userGroupId })),
      );
  },
};
