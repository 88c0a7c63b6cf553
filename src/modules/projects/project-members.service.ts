import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import type { RateRequestDto } from '../../common/dto/rate.dto';
import type { ProjectDto } from './dto/project.dto';
import type { AddUsersToProjectRequestDto, UpdateProjectMembershipsRequestDto } from './dto/project-memberships.dto';
import { ProjectAccessService } from './project-access.service';
import { ProjectChangesService } from './project-changes.service';
import { ProjectWritesStore } from './project-writes.store';
import { ProjectsService } from './projects.service';

/** Project memberships (users and user groups) and the members' project rates. */
@Injectable()
export class ProjectMembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProjectAccessService,
    private readonly changes: ProjectChangesService,
    private readonly projects: ProjectsService,
  ) {}

  /** POST memberships: adds the users and groups, or removes them with `remove: true`. */
  async addOrRemove(ws: WorkspaceContext, projectId: string, body: AddUsersToProjectRequestDto): Promise<ProjectDto> {
    const userIds = [...new Set(body.userIds ?? [])];
    const groupIds = [...new Set(body.userGroups?.ids ?? [])];
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      if (body.remove) {
        await ProjectWritesStore.removeMembers(manager, ws.workspaceId, projectId, userIds, groupIds);
      } else {
        await this.changes.assertUsers(manager, ws.workspaceId, userIds);
        await this.changes.assertGroups(manager, ws.workspaceId, groupIds);
        await ProjectWritesStore.addMembers(manager, ws.workspaceId, projectId, userIds, groupIds);
      }
      return this.changes.record(manager, ws.workspaceId, projectId, 'PROJECT_UPDATED');
    });
  }

  /** PATCH memberships: the user members become exactly `memberships` (with their rates); groups too when `userGroups` is given. */
  async replace(
    ws: WorkspaceContext,
    projectId: string,
    body: UpdateProjectMembershipsRequestDto,
  ): Promise<ProjectDto> {
    const userIds = [...new Set(body.memberships.map((m) => m.userId))];
    const groupIds = body.userGroups?.ids ? [...new Set(body.userGroups.ids)] : null;
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      await this.changes.assertUsers(manager, ws.workspaceId, userIds);
      if (groupIds) await this.changes.assertGroups(manager, ws.workspaceId, groupIds);
      await ProjectWritesStore.keepUsers(manager, ws.workspaceId, projectId, userIds);
      if (groupIds) await ProjectWritesStore.keepGroups(manager, ws.workspaceId, projectId, groupIds);
      await ProjectWritesStore.addMembers(manager, ws.workspaceId, projectId, userIds, groupIds ?? []);
      const { currency } = await this.changes.workspace(manager, ws.workspaceId);
      for (const m of body.memberships) {
        await this.projects.setRate(manager, ws.workspaceId, projectId, m.userId, 'HOURLY', m.hourlyRate, currency);
        await this.projects.setRate(manager, ws.workspaceId, projectId, m.userId, 'COST', m.costRate, currency);
      }
      return this.changes.record(manager, ws.workspaceId, projectId, 'PROJECT_UPDATED');
    });
  }

  /** PUT users/{userId}/hourly-rate or cost-rate: the user must be a (direct) member of the project, else 404. */
  async setUserRate(
    ws: WorkspaceContext,
    projectId: string,
    userId: string,
    kind: 'HOURLY' | 'COST',
    body: RateRequestDto,
  ): Promise<ProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertManageable(ws, projectId, manager);
      const member = await ProjectWritesStore.isDirectMember(manager, ws.workspaceId, projectId, userId);
      if (!member) throw new NotFoundException('User is not a member of this project');
      const { currency } = await this.changes.workspace(manager, ws.workspaceId);
      await this.projects.setRate(manager, ws.workspaceId, projectId, userId, kind, body, currency);
      return this.changes.record(manager, ws.workspaceId, projectId, 'PROJECT_UPDATED');
    });
  }
}
