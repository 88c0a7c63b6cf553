import type { EntityManager } from 'typeorm';
import type { NewTask } from './project-writes.store';

/**
 * What creating a project writes in the tasks module's tables (a project created with its tasks, or from a
 * template), as an interface projects owns: tasks (which imports projects) implements it and
 * `modules/extensions.module.ts` wires it in.
 */
export interface ProjectTasks {
  /** Inserts the new project's tasks with their assignees, groups and rates, set-based. */
  insertMany(manager: EntityManager, workspaceId: string, projectId: string, tasks: NewTask[]): Promise<void>;
}
export const PROJECT_TASKS = Symbol('PROJECT_TASKS');
