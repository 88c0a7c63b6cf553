import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { newId } from '../../../common/utils/ids';
import type { CreateSharedReportDto, UpdateSharedReportDto } from './dto/shared-report-requests.dto';
import type {
  SharedReportDto,
  SharedReportListItemDto,
  SharedReportsAndCountDto,
  SharedReportsQueryDto,
} from './dto/shared-report.dto';
import { SharedReportFilterValidator } from './shared-report-filter';
import { type SharedReportRow, SharedReportsStore } from './shared-reports.store';

const ENTITY_TYPE = 'SHARED_REPORT';

export function toSharedReportDto(row: SharedReportRow): SharedReportDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    name: row.name,
    type: row.type,
    filter: row.filter,
    isPublic: row.is_public,
    fixedDate: row.fixed_date,
    visibleToUsers: row.visible_users.map((id) => id.trim()),
    visibleToUserGroups: row.visible_groups.map((id) => id.trim()),
  };
}

/** Where the report is read (GET /v1/shared-reports/{id}), absolute from the request's link base. */
export function sharedReportLink(linkBase: string, id: string): string {
  return `${linkBase}/v1/shared-reports/${id}`;
}

/** Shared reports CRUD: any member saves one; its author or an admin changes or deletes it. */
@Injectable()
export class SharedReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly filters: SharedReportFilterValidator,
  ) {}

  /** ALL: mine plus those shared with me; SHARED_WITH_ME: others' reports naming me or one of my groups. */
  async list(ws: WorkspaceContext, query: SharedReportsQueryDto, linkBase: string): Promise<SharedReportsAndCountDto> {
    const manager = this.dataSource.manager;
    const which = query.sharedReportsFilter;
    const rows = await SharedReportsStore.page(manager, ws.workspaceId, ws.userId, which, query.page, query.pageSize);
    let count = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && query.page > 1)
      count = await SharedReportsStore.count(manager, ws.workspaceId, ws.userId, which);
    const reports: SharedReportListItemDto[] = rows.map((row) => ({
      id: row.id,
      name: row.name,
      type: row.type,
      isPublic: row.is_public,
      fixedDate: row.fixed_date,
      link: sharedReportLink(linkBase, row.id),
      reportAuthor: row.user_id,
      visibleToUsers: row.user_names.map((n) => ({ id: n.id.trim(), name: n.name })),
      visibleToUserGroups: row.group_names.map((n) => ({ id: n.id.trim(), name: n.name })),
    }));
    return { count, reports };
  }

  async create(ws: WorkspaceContext, dto: CreateSharedReportDto): Promise<SharedReportDto> {
    const filter = await this.filters.validate(dto.type, dto.filter);
    return this.dataSource.transaction(async (manager) => {
      const id = newId();
      await SharedReportsStore.insert(manager, {
        id,
        workspaceId: ws.workspaceId,
        userId: ws.userId,
        name: dto.name,
        type: dto.type,
        filter,
        isPublic: dto.isPublic ?? false,
        fixedDate: dto.fixedDate ?? false,
        dateRangeType: str(filter.dateRangeType),
        dateRangeStart: str(filter.dateRangeStart),
        dateRangeEnd: str(filter.dateRangeEnd),
      });
      await this.setVisibility(manager, ws.workspaceId, id, dto);
      const result = await this.load(manager, ws.workspaceId, id);
      await this.record(manager, ws.workspaceId, id, 'NEW_SHARED_REPORT', result);
      return result;
    });
  }

  async update(ws: WorkspaceContext, id: string, dto: UpdateSharedReportDto): Promise<SharedReportDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.findOwned(manager, ws, id);
      await SharedReportsStore.update(
        manager,
        ws.workspaceId,
        id,
        dto.name,
        dto.isPublic ?? null,
        dto.fixedDate ?? null,
      );
      await this.setVisibility(manager, ws.workspaceId, id, dto);
      const result = await this.load(manager, ws.workspaceId, id);
      await this.record(manager, ws.workspaceId, id, 'SHARED_REPORT_UPDATED', result);
      return result;
    });
  }

  async delete(ws: WorkspaceContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const report = await this.findOwned(manager, ws, id);
      await SharedReportsStore.delete(manager, ws.workspaceId, id);
      await this.record(manager, ws.workspaceId, id, 'SHARED_REPORT_DELETED', report);
    });
  }

  /** The report, locked; 404 outside the workspace, 403 unless the caller wrote it or is an admin. */
  private async findOwned(manager: EntityManager, ws: WorkspaceContext, id: string): Promise<SharedReportDto> {
    const author = await SharedReportsStore.lockAuthor(manager, ws.workspaceId, id);
    if (author === undefined) throw new NotFoundException('Shared report not found');
    if (author !== ws.userId && !ws.isAdmin)
      throw new ForbiddenException('Only the author or a workspace admin may change a shared report');
    return this.load(manager, ws.workspaceId, id);
  }

  private async load(manager: EntityManager, workspaceId: string, id: string): Promise<SharedReportDto> {
    const row = await SharedReportsStore.find(manager, workspaceId, id);
    if (!row) throw new NotFoundException('Shared report not found');
    return toSharedReportDto(row);
  }

  /** Replaces the lists that were sent; the composite keys turn another workspace's ids into 404. */
  private async setVisibility(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    dto: UpdateSharedReportDto,
  ): Promise<void> {
    if (dto.visibleToUsers) await SharedReportsStore.replaceUsers(manager, workspaceId, id, dto.visibleToUsers);
    if (dto.visibleToUserGroups)
      await SharedReportsStore.replaceGroups(manager, workspaceId, id, dto.visibleToUserGroups);
  }

  private record(
    manager: EntityManager,
    workspaceId: string,
    entityId: string,
    event: string,
    payload: SharedReportDto,
  ): Promise<void> {
    return this.outbox.record(manager, { workspaceId, entityType: ENTITY_TYPE, entityId, event, payload });
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
