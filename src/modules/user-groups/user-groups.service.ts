import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managesGroupRoleSql } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import type { CreateUserGroupDto, UpdateUserGroupDto } from './dto/user-group-requests.dto';
import type { UserGroupDto } from './dto/user-group.dto';
import { UserGroupMember } from './entities/user-group-member.entity';
import { UserGroup } from './entities/user-group.entity';
import { UserGroupsReader } from './user-groups.reader';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({ user_groups_name_key: `User group with name '${name}' already exists` });

const ENTITY_TYPE = 'USER_GROUP';

/** Creating, renaming and deleting groups, and changing their members; every change with its outbox event. */
@Injectable()
export class UserGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly reader: UserGroupsReader,
  ) {}

  async create(ws: WorkspaceContext, dto: CreateUserGroupDto): Promise<UserGroupDto> {
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        const group = manager.create(UserGroup, { id: newId(), workspaceId: ws.workspaceId, name: dto.name });
        await manager.insert(UserGroup, group);
        const result: UserGroupDto = { id: group.id, name: group.name, workspaceId: group.workspaceId, userIds: [], teamManagers: [] };
        await this.record(manager, group.workspaceId, group.id, 'USER_GROUP_CREATED', result);
        return result;
      }),
    );
  }

  async update(ws: WorkspaceContext, id: string, dto: UpdateUserGroupDto): Promise<UserGroupDto> {
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        await this.reader.find(manager, ws.workspaceId, id, true);
        await manager.update(UserGroup, { workspaceId: ws.workspaceId, id }, { name: dto.name });
        return this.changed(manager, ws.workspaceId, id);
      }),
    );
  }

  /** Deletes the group, its memberships (of the group and of projects and tasks) and the team-manager roles over it. */
  async delete(ws: WorkspaceContext, id: string): Promise<UserGroupDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.reader.find(manager, ws.workspaceId, id, true);
      const result = await this.reader.one(manager, ws.workspaceId, id);
      await manager.query(
        `DELETE FROM member_roles r WHERE r.workspace_id = $1 AND ${managesGroupRoleSql('r')} AND r.entity_id = $2`,
        [ws.workspaceId, id],
      );
      await manager.delete(UserGroup, { workspaceId: ws.workspaceId, id });
      await this.record(manager, ws.workspaceId, id, 'USER_GROUP_DELETED', result);
      return result;
    });
  }

  /** Adds a member of the workspace to the group; adding someone already in it changes nothing. */
  async addUser(ws: WorkspaceContext, groupId: string, userId: string): Promise<UserGroupDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.reader.find(manager, ws.workspaceId, groupId, true);
      const member: unknown[] = await manager.query(`SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`, [ws.workspaceId, userId]);
      if (!member.length) throw new NotFoundException('User not found');
      const inserted: unknown[] = await manager.query(
        `INSERT INTO user_group_members (workspace_id, user_group_id, user_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [ws.workspaceId, groupId, userId],
      );
      if (!inserted.length) return this.reader.one(manager, ws.workspaceId, groupId);
      return this.changed(manager, ws.workspaceId, groupId);
    });
  }

  async removeUser(ws: WorkspaceContext, groupId: string, userId: string): Promise<UserGroupDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.reader.find(manager, ws.workspaceId, groupId, true);
      const removed = await manager.delete(UserGroupMember, { workspaceId: ws.workspaceId, userGroupId: groupId, userId });
      if (!removed.affected) throw new NotFoundException('User is not a member of this group');
      return this.changed(manager, ws.workspaceId, groupId);
    });
  }

  /** The group as it now is, recorded as USER_GROUP_UPDATED. */
  private async changed(manager: EntityManager, workspaceId: string, id: string): Promise<UserGroupDto> {
    const result = await this.reader.one(manager, workspaceId, id);
    await this.record(manager, workspaceId, id, 'USER_GROUP_UPDATED', result);
    return result;
  }

  private record(manager: EntityManager, workspaceId: string, entityId: string, event: string, payload: UserGroupDto): Promise<void> {
    return this.outbox.record(manager, { workspaceId, entityType: ENTITY_TYPE, entityId, event, payload });
  }
}
