import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import type { UserGroupQueryDto } from './dto/user-group-query.dto';
import type { CreateUserGroupDto, UpdateUserGroupDto } from './dto/user-group-requests.dto';
import type { UserGroupDto } from './dto/user-group.dto';
import type { UserGroup } from './entities/user-group.entity';
import { UserGroupsStore } from './user-groups.store';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({ user_groups_name_key: `User group with name '${name}' already exists` });

const ENTITY_TYPE = 'USER_GROUP';

/**
 * Groups as UserGroupDtoV1 (members and team managers of a whole page in one query each); creating, renaming and
 * deleting groups, and changing their members, every change with its outbox event.
 */
@Injectable()
export class UserGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly store: UserGroupsStore,
  ) {}

  async list(workspaceId: string, query: UserGroupQueryDto): Promise<Page<UserGroupDto>> {
    const request = pageOf(query);
    const [groups, total] = await this.store.list(workspaceId, query, request);
    return new Page(await this.toDtos(this.dataSource.manager, groups, query.includeTeamManagers), total, request);
  }

  async create(ws: WorkspaceContext, dto: CreateUserGroupDto): Promise<UserGroupDto> {
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        const group = await this.store.insert(manager, { id: newId(), workspaceId: ws.workspaceId, name: dto.name });
        const result: UserGroupDto = {
          id: group.id,
          name: group.name,
          workspaceId: group.workspaceId,
          userIds: [],
          teamManagers: [],
        };
        await this.record(manager, group.workspaceId, group.id, 'USER_GROUP_CREATED', result);
        return result;
      }),
    );
  }

  async update(ws: WorkspaceContext, id: string, dto: UpdateUserGroupDto): Promise<UserGroupDto> {
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        await this.find(manager, ws.workspaceId, id, true);
        await this.store.rename(manager, ws.workspaceId, id, dto.name);
        return this.changed(manager, ws.workspaceId, id);
      }),
    );
  }

  /** Deletes the group, its memberships (of the group and of projects and tasks) and the team-manager roles over it. */
  async delete(ws: WorkspaceContext, id: string): Promise<UserGroupDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.find(manager, ws.workspaceId, id, true);
      const result = await this.one(manager, ws.workspaceId, id);
      await this.store.delete(manager, ws.workspaceId, id);
      await this.record(manager, ws.workspaceId, id, 'USER_GROUP_DELETED', result);
      return result;
    });
  }

  /** Adds a member of the workspace to the group; adding someone already in it changes nothing. */
  async addUser(ws: WorkspaceContext, groupId: string, userId: string): Promise<UserGroupDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.find(manager, ws.workspaceId, groupId, true);
      if (!(await this.store.isWorkspaceMember(manager, ws.workspaceId, userId)))
        throw new NotFoundException('User not found');
      if (!(await this.store.addMember(manager, ws.workspaceId, groupId, userId)))
        return this.one(manager, ws.workspaceId, groupId);
      return this.changed(manager, ws.workspaceId, groupId);
    });
  }

  async removeUser(ws: WorkspaceContext, groupId: string, userId: string): Promise<UserGroupDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.find(manager, ws.workspaceId, groupId, true);
      if (!(await this.store.removeMember(manager, ws.workspaceId, groupId, userId)))
        throw new NotFoundException('User is not a member of this group');
      return this.changed(manager, ws.workspaceId, groupId);
    });
  }

  /** One group as UserGroupDtoV1 (with its team managers), 404 when not in the workspace. */
  private async one(manager: EntityManager, workspaceId: string, id: string): Promise<UserGroupDto> {
    const group = await this.find(manager, workspaceId, id);
    const [dto] = await this.toDtos(manager, [group], true);
    return dto;
  }

  private async find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<UserGroup> {
    const group = await this.store.find(manager, workspaceId, id, lock);
    if (!group) throw new NotFoundException('User group not found');
    return group;
  }

  private async toDtos(
    manager: EntityManager,
    groups: UserGroup[],
    includeTeamManagers: boolean,
  ): Promise<UserGroupDto[]> {
    if (!groups.length) return [];
    const workspaceId = groups[0].workspaceId;
    const ids = groups.map((g) => g.id);
    const members = await this.store.members(manager, workspaceId, ids);
    const managers = includeTeamManagers ? await this.store.teamManagers(manager, workspaceId, ids) : [];
    const userIds = new Map(members.map((m) => [m.groupId, m.userIds]));
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      workspaceId: g.workspaceId,
      userIds: userIds.get(g.id) ?? [],
      teamManagers: managers.filter((m) => m.groupId === g.id).map(({ id, name }) => ({ id, name })),
    }));
  }

  /** The group as it now is, recorded as USER_GROUP_UPDATED. */
  private async changed(manager: EntityManager, workspaceId: string, id: string): Promise<UserGroupDto> {
    const result = await this.one(manager, workspaceId, id);
    await this.record(manager, workspaceId, id, 'USER_GROUP_UPDATED', result);
    return result;
  }

  private record(
    manager: EntityManager,
    workspaceId: string,
    entityId: string,
    event: string,
    payload: UserGroupDto,
  ): Promise<void> {
    return this.outbox.record(manager, { workspaceId, entityType: ENTITY_TYPE, entityId, event, payload });
  }
}
