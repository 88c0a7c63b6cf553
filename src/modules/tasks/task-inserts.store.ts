import type { EntityManager } from 'typeorm';
import { newId } from '../../common/utils/ids';
import type { ProjectTasks } from '../projects/project-extensions';
import type { NewTask } from '../projects/project-writes.store';
import { RatesStore } from '../rates/rates.store';

/** The tasks of a new project, written in one statement per table (projects call it through `ProjectTasks`). */
export const TaskInsertsStore: ProjectTasks = {
  async insertMany(manager: EntityManager, workspaceId: string, projectId: string, tasks: NewTask[]): Promise<void> {
    if (!tasks.length) return;
    const ids = tasks.map(() => newId());
    await manager.query(
      `INSERT INTO tasks (id, workspace_id, project_id, name, status, estimate, budget_estimate, billable)
       SELECT u.id, $1, $2, u.name, u.status, u.estimate, u.budget, u.billable
         FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::boolean[]) AS u(id, name,
           status, estimate, budget, billable)`,
      [
        workspaceId,
        projectId,
        ids,
        tasks.map((t) => t.name.trim()),
        tasks.map((t) => t.status),
        tasks.map((t) => t.estimate),
        tasks.map((t) => t.budgetEstimate),
        tasks.map((t) => t.billable),
      ],
    );
    const pairs = (pick: (t: NewTask) => string[]) =>
      tasks.flatMap((t, i) => [...new Set(pick(t))].map((other) => [ids[i], other]));
    const assignees = pairs((t) => t.assigneeIds);
    if (assignees.length) {
      await manager.query(
        `INSERT INTO task_assignees (workspace_id, task_id, user_id) SELECT $1, a.t, a.u FROM unnest($2::text[], $3::text[]) AS a(t, u)`,
        [workspaceId, assignees.map((p) => p[0]), assignees.map((p) => p[1])],
      );
    }
    const groups = pairs((t) => t.groupIds);
    if (groups.length) {
      await manager.query(
        `INSERT INTO task_user_groups (workspace_id, task_id, user_group_id) SELECT $1, a.t, a.g FROM unnest($2::text[], $3::text[]) AS a(t, g)`,
        [workspaceId, groups.map((p) => p[0]), groups.map((p) => p[1])],
      );
    }
    await RatesStore.insertProjectSteps(
      manager,
      workspaceId,
      projectId,
      tasks.flatMap((t, i) => t.rates.map((r) => ({ ...r, userId: null, taskId: ids[i] }))),
    );
  },
};
