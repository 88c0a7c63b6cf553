import { EntityManager } from 'typeorm';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { likePattern } from '../../common/utils/sql';
import { Workspace } from '../workspaces/entities/workspace.entity';
import type { WorkspaceSettings } from '../workspaces/workspace-settings';
import type { TagQueryDto } from './dto/tag-query.dto';
import { Tag } from './entities/tag.entity';

/** SQL of tags (the caller passes the manager, and with it its transaction). */
export const TagsStore = {
  /** A page of the workspace's tags matching the query, and how many match. */
  async page(
    manager: EntityManager,
    workspaceId: string,
    query: TagQueryDto,
    request: PageRequest,
  ): Promise<[Tag[], number]> {
    const qb = manager
      .getRepository(Tag)
      .createQueryBuilder('t')
      .where('t.workspace_id = :workspaceId', { workspaceId })
      .andWhere('t.archived = :archived', { archived: query.archived });
    if (query.name) {
      if (query['strict-name-search']) qb.andWhere('lower(t.name) = lower(:name)', { name: query.name });
      else qb.andWhere(`t.name ILIKE :name ESCAPE '\\'`, { name: likePattern(query.name) });
    }
    if (query['excluded-ids']?.length) qb.andWhere('t.id <> ALL(:excluded)', { excluded: query['excluded-ids'] });
    const order = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    if (query['sort-column'] === 'ID') qb.orderBy('t.id', order);
    else qb.orderBy('lower(t.name)', order).addOrderBy('t.id', order);
    return qb
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
  },

  /** The tag, locked FOR UPDATE when `lock`; null when it is not in this workspace. */
  find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<Tag | null> {
    return manager.findOne(Tag, {
      where: { workspaceId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  },

  /** The workspace's settings; null when there is no such workspace. */
  async workspaceSettings(manager: EntityManager, workspaceId: string): Promise<WorkspaceSettings | null> {
    const workspace = await manager.findOne(Workspace, {
      where: { id: workspaceId },
      select: { id: true, settings: true },
    });
    return workspace ? workspace.settings : null;
  },

  async insert(manager: EntityManager, values: Omit<Tag, 'createdAt'>): Promise<Tag> {
    const tag = manager.create(Tag, values);
    await manager.insert(Tag, tag);
    return tag;
  },

  async update(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    changes: Pick<Tag, 'name' | 'archived'>,
  ): Promise<void> {
    await manager.update(Tag, { workspaceId, id }, changes);
  },

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.delete(Tag, { workspaceId, id });
  },
};
