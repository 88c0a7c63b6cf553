import { EntityManager } from 'typeorm';
import { Workspace } from '../workspaces/entities/workspace.entity';
import { Project } from './entities/project.entity';
import type { TaskRow } from './projects.store';

export interface NewTask {
  name: string;
  status: 'ACTIVE' | 'DONE';
  estimate: number | null;
  budgetEstimate: number | null;
  billable: boolean;
  assigneeIds: string[];
  groupIds: string[];
  /** Rate steps of the task (amount in cents, from `since`). */
  rates: { kind: 'HOURLY' | 'COST'; amount: number; currency: string; since: Date }[];
}

/** A template's task as the copy reads it: the task columns of a TaskRow, without project and rates. */
export type TemplateTaskRow = Pick<
  TaskRow,
  'id' | 'name' | 'status' | 'estimate' | 'budget_estimate' | 'billable' | 'assignee_ids' | 'group_ids'
>;

/** A rate step of a template's scopes (project, project member, task). */
export interface TemplateRateRow {
  kind: 'HOURLY' | 'COST';
  user_id: string | null;
  task_id: string | null;
  amount: string;
  currency: string;
  since: Date;
}

/** The columns of a project an update writes. */
export type ProjectChanges = Partial<Omit<Project, 'id' | 'workspaceId' | 'createdAt'>>;

/** Writing projects, their members and tasks (the caller passes the manager, and with it its transaction). */
export const ProjectWritesStore = {
  workspace(manager: EntityManager, workspaceId: string): Promise<Workspace | null> {
    return manager.getRepository(Workspace).findOneBy({ id: workspaceId });
  },

  async clientExists(manager: EntityManager, workspaceId: string, clientId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM clients WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      clientId,
    ]);
    return rows.length > 0;
  },

  /** How many of these (distinct) user ids are members of the workspace. */
  async countMembers(manager: EntityManager, workspaceId: string, ids: string[]): Promise<number> {
    const rows: { user_id: string }[] = await manager.query(
      'SELECT user_id FROM workspace_members WHERE workspace_id = $1 AND user_id = ANY($2)',
      [workspaceId, ids],
    );
    return rows.length;
  },

  /** How many of these (distinct) ids are user groups of the workspace. */
  async countGroups(manager: EntityManager, workspaceId: string, ids: string[]): Promise<number> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM user_groups WHERE workspace_id = $1 AND id = ANY($2)',
      [workspaceId, ids],
    );
    return rows.length;
  },

  /** The project entity (it exists: the caller has checked it is visible). */
  find(manager: EntityManager, workspaceId: string, projectId: string): Promise<Project> {
    return manager.getRepository(Project).findOneByOrFail({ workspaceId, id: projectId });
  },

  async insert(manager: EntityManager, values: Omit<Project, 'createdAt'>): Promise<Project> {
    const project: Project = manager.getRepository(Project).create(values);
    await manager.insert(Project, project);
    return project;
  },

  async update(manager: EntityManager, workspaceId: string, projectId: string, changes: ProjectChanges): Promise<void> {
    await manager.getRepository(Project).update({ workspaceId, id: projectId }, changes);
  },

  /** Archives the client's projects (archiving a client). */
  async archiveForClient(manager: EntityManager, workspaceId: string, clientId: string): Promise<void> {
    await manager.query(`UPDATE projects SET archived = true WHERE workspace_id = $1 AND client_id = $2`, [
      workspaceId,
      clientId,
    ]);
  },

  /** Deletes the project (its members, tasks, rates and custom-field values go by FK cascades). */
  async delete(manager: EntityManager, workspaceId: string, projectId: string): Promise<void> {
    await manager.delete(Project, { workspaceId, id: projectId });
  },

  /** Adds users and groups as members (existing memberships stay). */
  async addMembers(
    manager: EntityManager,
    workspaceId: string,
    projectId: string,
    userIds: string[],
    groupIds: string[],
  ): Promise<void> {
    const users = [...new Set(userIds)];
    const groups = [...new Set(groupIds)];
    if (!users.length && !groups.length) return;
    await manager.query(
      `INSERT INTO project_members (workspace_id, project_id, user_id, user_group_id)
       SELECT $1, $2, u, NULL FROM unnest($3::text[]) u
       UNION ALL
       SELECT $1, $2, NULL, g FROM unnest($4::text[]) g
       ON CONFLICT DO NOTHING`,
      [workspaceId, projectId, users, groups],
    );
  },

  /** Removes these users and groups from the project's members. */
  async removeMembers(
    manager: EntityManager,
    workspaceId: string,
    projectId: string,
    userIds: string[],
    groupIds: string[],
  ): Promise<void> {
    await manager.query(
      `DELETE FROM project_members WHERE workspace_id = $1 AND project_id = $2 AND (user_id = ANY($3) OR user_group_id = ANY($4))`,
      [workspaceId, projectId, userIds, groupIds],
    );
  },

  /** Removes the user members that are not in `userIds`. */
  async keepUsers(manager: EntityManager, workspaceId: string, projectId: string, userIds: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM project_members WHERE workspace_id = $1 AND project_id = $2 AND user_id IS NOT NULL AND NOT user_id = ANY($3)`,
      [workspaceId, projectId, userIds],
    );
  },

  /** Removes the group members that are not in `groupIds`. */
  async keepGroups(manager: EntityManager, workspaceId: string, projectId: string, groupIds: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM project_members WHERE workspace_id = $1 AND project_id = $2 AND user_group_id IS NOT NULL AND NOT user_group_id = ANY($3)`,
      [workspaceId, projectId, groupIds],
    );
  },

  /** Whether the user is a direct member of the project. */
  async isDirectMember(
    manager: EntityManager,
    workspaceId: string,
    projectId: string,
    userId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM project_members WHERE workspace_id = $1 AND project_id = $2 AND user_id = $3',
      [workspaceId, projectId, userId],
    );
    return rows.length > 0;
  },

  /** Gives the new project the template's members. */
  async copyMembers(manager: EntityManager, workspaceId: string, templateId: string, projectId: string): Promise<void> {
    await manager.query(
      `INSERT INTO project_members (workspace_id, project_id, user_id, user_group_id)
       SELECT workspace_id, $3, user_id, user_group_id FROM project_members WHERE workspace_id = $1 AND project_id = $2
       ON CONFLICT DO NOTHING`,
      [workspaceId, templateId, projectId],
    );
  },

  /** Every rate step of the template's scopes. */
  templateRates(manager: EntityManager, workspaceId: string, templateId: string): Promise<TemplateRateRow[]> {
    return manager.query(
      'SELECT kind, user_id, task_id, amount, currency, since FROM rates WHERE workspace_id = $1 AND project_id = $2',
      [workspaceId, templateId],
    );
  },

  /** The template's tasks, in the order they were created. */
  templateTasks(manager: EntityManager, workspaceId: string, templateId: string): Promise<TemplateTaskRow[]> {
    return manager.query(
      `SELECT t.id, t.name, t.status, t.estimate, t.budget_estimate, t.billable,
              coalesce((SELECT array_agg(ta.user_id::text) FROM task_assignees ta WHERE ta.task_id = t.id), '{}') AS assignee_ids,
              coalesce((SELECT array_agg(tg.user_group_id::text) FROM task_user_groups tg WHERE tg.task_id = t.id), '{}') AS group_ids
         FROM tasks t WHERE t.workspace_id = $1 AND t.project_id = $2 ORDER BY t.created_at, t.id`,
      [workspaceId, templateId],
    );
  },
};
