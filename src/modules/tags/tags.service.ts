import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique, likePattern } from '../../common/utils/sql';
import { Workspace } from '../workspaces/entities/workspace.entity';
import type { TagQueryDto } from './dto/tag-query.dto';
import type { CreateTagDto, UpdateTagDto } from './dto/tag-requests.dto';
import type { TagDto } from './dto/tag.dto';
import { Tag } from './entities/tag.entity';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({ tags_name_key: `Tag with name '${name}' already exists` });

const ENTITY_TYPE = 'TAG';

function toTagDto(tag: Tag): TagDto {
  return { id: tag.id, name: tag.name, archived: tag.archived, workspaceId: tag.workspaceId };
}

@Injectable()
export class TagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async list(workspaceId: string, query: TagQueryDto): Promise<Page<TagDto>> {
    const request = pageOf(query);
    const qb = this.dataSource
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
    const [tags, total] = await qb
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
    return new Page(tags.map(toTagDto), total, request);
  }

  async get(workspaceId: string, id: string): Promise<TagDto> {
    return toTagDto(await this.find(this.dataSource.manager, workspaceId, id));
  }

  /** Admins may always create tags; other members unless the workspace setting `onlyAdminsCreateTag` is on. */
  async create(ws: WorkspaceContext, dto: CreateTagDto): Promise<TagDto> {
    if (!ws.isAdmin) await this.assertMembersMayCreate(ws.workspaceId);
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        const tag = manager.create(Tag, { id: newId(), workspaceId: ws.workspaceId, name: dto.name, archived: false });
        await manager.insert(Tag, tag);
        const result = toTagDto(tag);
        await this.record(manager, tag.workspaceId, tag.id, 'NEW_TAG', result);
        return result;
      }),
    );
  }

  async update(ws: WorkspaceContext, id: string, dto: UpdateTagDto): Promise<TagDto> {
    return conflictOnUnique(nameTaken(dto.name ?? ''), () =>
      this.dataSource.transaction(async (manager) => {
        const tag = await this.find(manager, ws.workspaceId, id, true);
        if (dto.name !== undefined) tag.name = dto.name;
        if (dto.archived !== undefined) tag.archived = dto.archived;
        await manager.update(Tag, { workspaceId: ws.workspaceId, id }, { name: tag.name, archived: tag.archived });
        const result = toTagDto(tag);
        await this.record(manager, ws.workspaceId, id, 'TAG_UPDATED', result);
        return result;
      }),
    );
  }

  async delete(ws: WorkspaceContext, id: string): Promise<TagDto> {
    return this.dataSource.transaction(async (manager) => {
      const tag = await this.find(manager, ws.workspaceId, id, true);
      await manager.delete(Tag, { workspaceId: ws.workspaceId, id });
      const result = toTagDto(tag);
      await this.record(manager, ws.workspaceId, id, 'TAG_DELETED', result);
      return result;
    });
  }

  private async assertMembersMayCreate(workspaceId: string): Promise<void> {
    const workspace = await this.dataSource.manager.findOne(Workspace, { where: { id: workspaceId }, select: { id: true, settings: true } });
    if (!workspace) throw new NotFoundException('Workspace not found');
    if (workspace.settings.onlyAdminsCreateTag) throw new ForbiddenException('Only workspace admins may create tags in this workspace');
  }

  private async find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<Tag> {
    const tag = await manager.findOne(Tag, { where: { workspaceId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!tag) throw new NotFoundException('Tag not found');
    return tag;
  }

  private record(manager: EntityManager, workspaceId: string, entityId: string, event: string, payload: TagDto): Promise<void> {
    return this.outbox.record(manager, { workspaceId, entityType: ENTITY_TYPE, entityId, event, payload });
  }
}
