import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import type { TagQueryDto } from './dto/tag-query.dto';
import type { CreateTagDto, UpdateTagDto } from './dto/tag-requests.dto';
import type { TagDto } from './dto/tag.dto';
import { Tag } from './entities/tag.entity';
import { TagsStore } from './tags.store';

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
    const [tags, total] = await TagsStore.page(this.dataSource.manager, workspaceId, query, request);
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
        const tag = await TagsStore.insert(manager, {
          id: newId(),
          workspaceId: ws.workspaceId,
          name: dto.name,
          archived: false,
        });
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
        await TagsStore.update(manager, ws.workspaceId, id, { name: tag.name, archived: tag.archived });
        const result = toTagDto(tag);
        await this.record(manager, ws.workspaceId, id, 'TAG_UPDATED', result);
        return result;
      }),
    );
  }

  async delete(ws: WorkspaceContext, id: string): Promise<TagDto> {
    return this.dataSource.transaction(async (manager) => {
      const tag = await this.find(manager, ws.workspaceId, id, true);
      await TagsStore.delete(manager, ws.workspaceId, id);
      const result = toTagDto(tag);
      await this.record(manager, ws.workspaceId, id, 'TAG_DELETED', result);
      return result;
    });
  }

  private async assertMembersMayCreate(workspaceId: string): Promise<void> {
    const settings = await TagsStore.workspaceSettings(this.dataSource.manager, workspaceId);
    if (!settings) throw new NotFoundException('Workspace not found');
    if (settings.onlyAdminsCreateTag)
      throw new ForbiddenException('Only workspace admins may create tags in this workspace');
  }

  private async find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<Tag> {
    const tag = await TagsStore.find(manager, workspaceId, id, lock);
    if (!tag) throw new NotFoundException('Tag not found');
    return tag;
  }

  private record(
    manager: EntityManager,
    workspaceId: string,
    entityId: string,
    event: string,
    payload: TagDto,
  ): Promise<void> {
    return this.outbox.record(manager, { workspaceId, entityType: ENTITY_TYPE, entityId, event, payload });
  }
}
