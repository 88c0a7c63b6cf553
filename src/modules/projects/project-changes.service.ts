import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { Workspace } from '../workspaces/entities/workspace.entity';
import type { ProjectDto } from './dto/project.dto';
import { ProjectReader } from './project-reader';

export type ProjectEvent = 'NEW_PROJECT' | 'PROJECT_UPDATED' | 'PROJECT_DELETED';

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

export interface RateRow {
  kind: 'HOURLY' | 'COST';
  userId: string | null;
  taskId: string | null;
  amount: number;
  currency: string;
  since: Date;
}

/** The 409s of a project write: a duplicate project name (per workspace and client), or two tasks of one name. */
export function projectNameConflicts(name: string, clientId: string | null | undefined): Record<string, string> {
  return {
    projects_name_key: `Project with name '${name}' already exists ${clientId ? 'for this client' : 'without a client'} in this workspace`,
    tasks_name_key: 'Two tasks of the project have the same name',
  };
}

/** What every project write shares: lookups that give clear 404s, member and task inserts, the outbox. */
@Injectable()
export class ProjectChanges {
  constructor(
    private readonly reader: ProjectReader,
    private readonly outbox: OutboxService,
  ) {}

  async workspace(manager: EntityManager, workspaceId: string): Promise<Workspace> {
    const workspace = await manager.getRepository(Workspace).findOneBy({ id: workspaceId });
    if (!workspace) throw new NotFoundException('Workspace not found');
    return workspace;
  }

  /** Loads the project as the API returns it and records the event, in the caller's transaction. */
  async record(manager: EntityManager, workspaceId: string, projectId: string, event: ProjectEvent, dto?: ProjectDto): Promise<ProjectDto> {
    const payload = dto ?? (await this.reader.findDto(workspaceId, projectId, {}, manager));
    await this.outbox.record(manager, { workspaceId, entityType: 'PROJECT', entityId: projectId, event, payload });
    return payload;
  }

  async assertClient(manager: EntityManager, workspaceId: string, clientId: string): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM clients WHERE workspace_id = $1 AND id = $2', [workspaceId, clientId]);
    if (!rows.length) throw new NotFoundException('Client not found');
  }

  /** 404 unless every id is a member of the workspace. */
  async assertUsers(manager: EntityManager, workspaceId: string, userIds: string[]): Promise<void> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return;
    const rows: { user_id: string }[] = await manager.query(
      'SELECT user_id FROM workspace_members WHERE workspace_id = $1 AND user_id = ANY($2)', [workspaceId, ids]);
    if (rows.length !== ids.length) throw new NotFoundException('User not found in this workspace');
  }

  async assertGroups(manager: EntityManager, workspaceId: string, groupIds: string[]): Promise<void> {
    const ids = [...new Set(groupIds)];
    if (!ids.length) return;
    const rows: { id: string }[] = await manager.query('SELECT id FROM user_groups WHERE workspace_id = $1 AND id = ANY($2)', [workspaceId, ids]);
    if (rows.length !== ids.length) throw new NotFoundException('User group not found in this workspace');
  }

  /** Adds users and groups as members (existing memberships stay). */
  async addMembers(manager: EntityManager, workspaceId: string, projectId: string, userIds: string[], groupIds: string[]): Promise<void> {
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
  }

  /** Inserts tasks with their assignees, groups and rates, set-based. */
  async insertTasks(manager: EntityManager, workspaceId: string, projectId: string, tasks: NewTask[]): Promise<void> {
    if (!tasks.length) return;
    const ids = tasks.map(() => newId());
    await manager.query(
      `INSERT INTO tasks (id, workspace_id, project_id, name, status, estimate, budget_estimate, billable)
       SELECT u.id, $1, $2, u.name, u.status, u.estimate, u.budget, u.billable
         FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::boolean[]) AS u(id, name, status, estimate, budget, billable)`,
      [workspaceId, projectId, ids, tasks.map((t) => t.name.trim()), tasks.map((t) => t.status), tasks.map((t) => t.estimate),
        tasks.map((t) => t.budgetEstimate), tasks.map((t) => t.billable)],
    );
    const pairs = (pick: (t: NewTask) => string[]) => tasks.flatMap((t, i) => [...new Set(pick(t))].map((other) => [ids[i], other]));
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
    await this.insertRates(manager, workspaceId, projectId,
      tasks.flatMap((t, i) => t.rates.map((r) => ({ ...r, userId: null, taskId: ids[i] }))));
  }

  /** Inserts rate steps of the project's scopes (project, project member, task) as given. */
  async insertRates(manager: EntityManager, workspaceId: string, projectId: string, rates: RateRow[]): Promise<void> {
    if (!rates.length) return;
    await manager.query(
      `INSERT INTO rates (id, workspace_id, kind, user_id, project_id, task_id, amount, currency, since)
       SELECT r.id, $1, r.kind, r.user_id, $2, r.task_id, r.amount, r.currency, r.since
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::timestamptz[])
              AS r(id, kind, user_id, task_id, amount, currency, since)`,
      [workspaceId, projectId, rates.map(() => newId()), rates.map((r) => r.kind), rates.map((r) => r.userId), rates.map((r) => r.taskId),
        rates.map((r) => r.amount), rates.map((r) => r.currency), rates.map((r) => r.since)],
    );
  }
}
