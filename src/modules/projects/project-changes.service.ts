import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { Workspace } from '../workspaces/entities/workspace.entity';
import type { ProjectDto } from './dto/project.dto';
import { ProjectViewsService } from './project-views.service';
import { ProjectWritesStore } from './project-writes.store';

export type ProjectEvent = 'NEW_PROJECT' | 'PROJECT_UPDATED' | 'PROJECT_DELETED';

/** The 409s of a project write: a duplicate project name (per workspace and client), or two tasks of one name. */
export function projectNameConflicts(name: string, clientId: string | null | undefined): Record<string, string> {
  return {
    projects_name_key: `Project with name '${name}' already exists ${clientId ? 'for this client' : 'without a client'} in this workspace`,
    tasks_name_key: 'Two tasks of the project have the same name',
  };
}

/** What every project write shares: lookups that give clear 404s and the outbox. */
@Injectable()
export class ProjectChangesService {
  constructor(
    private readonly views: ProjectViewsService,
    private readonly outbox: OutboxService,
  ) {}

  async workspace(manager: EntityManager, workspaceId: string): Promise<Workspace> {
    const workspace = await ProjectWritesStore.workspace(manager, workspaceId);
    if (!workspace) throw new NotFoundException('Workspace not found');
    return workspace;
  }

  /** Loads the project as the API returns it and records the event, in the caller's transaction. */
  async record(
    manager: EntityManager,
    workspaceId: string,
    projectId: string,
    event: ProjectEvent,
    dto?: ProjectDto,
  ): Promise<ProjectDto> {
    const payload = dto ?? (await this.views.findDto(workspaceId, projectId, {}, manager));
    await this.outbox.record(manager, { workspaceId, entityType: 'PROJECT', entityId: projectId, event, payload });
    return payload;
  }

  async assertClient(manager: EntityManager, workspaceId: string, clientId: string): Promise<void> {
    if (!(await ProjectWritesStore.clientExists(manager, workspaceId, clientId)))
      throw new NotFoundException('Client not found');
  }

  /** 404 unless every id is a member of the workspace. */
  async assertUsers(manager: EntityManager, workspaceId: string, userIds: string[]): Promise<void> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return;
    const found = await ProjectWritesStore.countMembers(manager, workspaceId, ids);
    if (found !== ids.length) throw new NotFoundException('User not found in this workspace');
  }

  async assertGroups(manager: EntityManager, workspaceId: string, groupIds: string[]): Promise<void> {
    const ids = [...new Set(groupIds)];
    if (!ids.length) return;
    const found = await ProjectWritesStore.countGroups(manager, workspaceId, ids);
    if (found !== ids.length) throw new NotFoundException('User group not found in this workspace');
  }
}
