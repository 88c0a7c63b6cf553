import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managesGroupRoleSql } from '../../common/access';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { likePattern } from '../../common/utils/sql';
import { MemberRolesStore } from '../workspaces/member-roles.store';
import type { UserGroupQueryDto } from './dto/user-group-query.dto';
import type { UserRedactedDto } from './dto/user-group.dto';
import { UserGroupMember } from './entities/user-group-member.entity';
import { UserGroup } from './entities/user-group.entity';

export interface GroupMembersRow {
  groupId: string;
  userIds: string[];
}

export type GroupManagerRow = UserRedactedDto & { groupId: string };

/** The SQL of user groups and their members; every statement takes the workspace id first. */
@Injectable()
export class UserGroupsStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly memberRoles: MemberRolesStore,
  ) {}

  /** A page of the workspace's groups, filtered and sorted as asked, and their number in all. */
  list(workspaceId: string, query: UserGroupQueryDto, request: PageRequest): Promise<[UserGroup[], number]> {
    const qb = this.dataSource
      .getRepository(UserGroup)
      .createQueryBuilder('g')
      .where('g.workspace_id = :workspaceId', { workspaceId });
    if (query.name) qb.andWhere(`g.name ILIKE :name ESCAPE '\\'`, { name: likePattern(query.name) });
    if (query['project-id']) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM project_members pm
                  WHERE pm.workspace_id = g.workspace_id AND pm.project_id = :projectId AND pm.user_group_id = g.id)`,
        { projectId: query['project-id'] },
      );
    }
    const order = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    if (query['sort-column'] === 'ID') qb.orderBy('g.id', order);
    else qb.orderBy('lower(g.name)', order).addOrderBy('g.id', order);
    return qb
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
  }

  find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<UserGroup | null> {
    return manager.findOne(UserGroup, {
      where: { workspaceId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The member ids of each group. */
  members(manager: EntityManager, workspaceId: string, groupIds: string[]): Promise<GroupMembersRow[]> {
    return manager.query(
      `SELECT user_group_id AS "groupId", array_agg(user_id::text ORDER BY user_id) AS "userIds"
         FROM user_group_members
        WHERE workspace_id = $1 AND user_group_id = ANY($2::text[])
        GROUP BY user_group_id`,
      [workspaceId, groupIds],
    );
  }

  /** The team managers of the groups, by name. */
  teamManagers(manager: EntityManager, workspaceId: string, groupIds: string[]): Promise<GroupManagerRow[]> {
    return manager.query(
      `SELECT mr.entity_id::text AS "groupId", u.id::text AS id, u.name
         FROM member_roles mr JOIN users u ON u.id = mr.user_id
        WHERE mr.workspace_id = $1 AND ${managesGroupRoleSql('mr')}
          AND mr.entity_id = ANY($2::text[])
        ORDER BY lower(u.name), u.id`,
      [workspaceId, groupIds],
    );
  }

  /** Inserts the group and answers it as an entity. */
  async insert(manager: EntityManager, group: Pick<UserGroup, 'id' | 'workspaceId' | 'name'>): Promise<UserGroup> {
    const entity = manager.create(UserGroup, group);
    await manager.insert(UserGroup, entity);
    return entity;
  }

  async rename(manager: EntityManager, workspaceId: string, id: string, name: string): Promise<void> {
    await manager.update(UserGroup, { workspaceId, id }, { name });
  }

  /** Deletes the group (its memberships go with it) and the team-manager roles over it. */
  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await this.memberRoles.revokeOverGroup(manager, workspaceId, id);
    await manager.delete(UserGroup, { workspaceId, id });
  }

  async isWorkspaceMember(manager: EntityManager, workspaceId: string, userId: string): Promise<boolean> {
    const member: unknown[] = await manager.query(
      `SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId],
    );
    return member.length > 0;
  }

  /** Adds the user to the group; false when already in it. */
  async addMember(manager: EntityManager, workspaceId: string, groupId: string, userId: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO user_group_members (workspace_id, user_group_id, user_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING user_id`,
      [workspaceId, groupId, userId],
    );
    return inserted.length > 0;
  }

  /** Removes the user from the group; false when not in it. */
  async removeMember(manager: EntityManager, workspaceId: string, groupId: string, userId: string): Promise<boolean> {
    const removed = await manager.delete(UserGroupMember, { workspaceId, userGroupId: groupId, userId });
    return Boolean(removed.affected);
  }
}
