import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managesGroupRoleSql } from '../../common/access';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { likePattern } from '../../common/utils/sql';
import type { UserGroupQueryDto } from './dto/user-group-query.dto';
import type { UserGroupDto, UserRedactedDto } from './dto/user-group.dto';
import { UserGroup } from './entities/user-group.entity';

/** Reads groups as UserGroupDtoV1: members and team managers of a whole page in one query each. */
@Injectable()
export class UserGroupsReader {
  constructor(private readonly dataSource: DataSource) {}

  async list(workspaceId: string, query: UserGroupQueryDto): Promise<Page<UserGroupDto>> {
    const request = pageOf(query);
    const qb = this.dataSource.getRepository(UserGroup).createQueryBuilder('g').where('g.workspace_id = :workspaceId', { workspaceId });
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
    const [groups, total] = await qb
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
    return new Page(await this.toDtos(this.dataSource.manager, groups, query.includeTeamManagers), total, request);
  }

  /** One group as UserGroupDtoV1 (with its team managers), 404 when not in the workspace. */
  async one(manager: EntityManager, workspaceId: string, id: string): Promise<UserGroupDto> {
    const group = await this.find(manager, workspaceId, id);
    const [dto] = await this.toDtos(manager, [group], true);
    return dto;
  }

  async find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<UserGroup> {
    const group = await manager.findOne(UserGroup, { where: { workspaceId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!group) throw new NotFoundException('User group not found');
    return group;
  }

  async toDtos(manager: EntityManager, groups: UserGroup[], includeTeamManagers: boolean): Promise<UserGroupDto[]> {
    if (!groups.length) return [];
    const workspaceId = groups[0].workspaceId;
    const ids = groups.map((g) => g.id);
    const members: { groupId: string; userIds: string[] }[] = await manager.query(
      `SELECT user_group_id AS "groupId", array_agg(user_id::text ORDER BY user_id) AS "userIds"
         FROM user_group_members
        WHERE workspace_id = $1 AND user_group_id = ANY($2::text[])
        GROUP BY user_group_id`,
      [workspaceId, ids],
    );
    const managers: (UserRedactedDto & { groupId: string })[] = includeTeamManagers
      ? await manager.query(
          `SELECT mr.entity_id::text AS "groupId", u.id::text AS id, u.name
             FROM member_roles mr JOIN users u ON u.id = mr.user_id
            WHERE mr.workspace_id = $1 AND ${managesGroupRoleSql('mr')}
              AND mr.entity_id = ANY($2::text[])
            ORDER BY lower(u.name), u.id`,
          [workspaceId, ids],
        )
      : [];
    const userIds = new Map(members.map((m) => [m.groupId, m.userIds]));
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      workspaceId: g.workspaceId,
      userIds: userIds.get(g.id) ?? [],
      teamManagers: managers.filter((m) => m.groupId === g.id).map(({ id, name }) => ({ id, name })),
    }));
  }
}
