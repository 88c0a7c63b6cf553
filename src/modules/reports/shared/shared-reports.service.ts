import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { OutboxService } from '../../../common/outbox/outbox.service';
import { newId } from '../../../common/utils/ids';
import type { CreateSharedReportDto, UpdateSharedReportDto } from './dto/shared-report-requests.dto';
import type { SharedReportDto, SharedReportListItemDto, SharedReportsAndCountDto, SharedReportsQueryDto } from './dto/shared-report.dto';
import { SharedReportFilterValidator } from './shared-report-filter';

const ENTITY_TYPE = 'SHARED_REPORT';

export interface SharedReportRow {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  type: string;
  filter: Record<string, unknown>;
  is_public: boolean;
  fixed_date: boolean;
  visible_users: string[];
  visible_groups: string[];
}

/** The row with its visibility lists, as arrays (one query). */
export const SHARED_REPORT_SELECT = `
  SELECT r.id, r.workspace_id, r.user_id, r.name, r.type, r.filter, r.is_public, r.fixed_date,
         COALESCE((SELECT array_agg(u.user_id ORDER BY u.user_id) FROM shared_report_users u WHERE u.shared_report_id = r.id), '{}') AS visible_users,
         COALESCE((SELECT array_agg(g.user_group_id ORDER BY g.user_group_id) FROM shared_report_user_groups g WHERE g.shared_report_id = r.id), '{}') AS visible_groups
    FROM shared_reports r`;

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
    const mine = 'r.user_id = $2';
    const sharedWithMe = `(r.user_id <> $2 AND (
        EXISTS (SELECT 1 FROM shared_report_users u WHERE u.shared_report_id = r.id AND u.user_id = $2)
        OR EXISTS (SELECT 1 FROM shared_report_user_groups g JOIN user_group_members m ON m.user_group_id = g.user_group_id
                    WHERE g.shared_report_id = r.id AND m.user_id = $2)))`;
    const condition = { ALL: `(${mine} OR ${sharedWithMe})`, CREATED_BY_ME: mine, SHARED_WITH_ME: sharedWithMe }[query.sharedReportsFilter];
    const rows: (SharedReportRow & { total: string; user_names: EntityNameRow[]; group_names: EntityNameRow[] })[] = await this.dataSource.query(
      `WITH page AS (
         ${SHARED_REPORT_SELECT}
          WHERE r.workspace_id = $1 AND ${condition}
       )
       SELECT p.*, count(*) OVER () AS total,
              COALESCE((SELECT json_agg(json_build_object('id', us.id, 'name', us.name) ORDER BY us.name) FROM users us WHERE us.id = ANY(p.visible_users)), '[]') AS user_names,
              COALESCE((SELECT json_agg(json_build_object('id', ug.id, 'name', ug.name) ORDER BY ug.name) FROM user_groups ug WHERE ug.id = ANY(p.visible_groups)), '[]') AS group_names
         FROM page p
        ORDER BY lower(p.name), p.id
        LIMIT $3 OFFSET $4`,
      [ws.workspaceId, ws.userId, query.pageSize, (query.page - 1) * query.pageSize],
    );
    let count = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && query.page > 1) {
      const [{ n }]: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM shared_reports r WHERE r.workspace_id = $1 AND ${condition}`, [ws.workspaceId, ws.userId]);
      count = Number(n);
    }
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
      await manager.query(
        `INSERT INTO shared_reports (id, workspace_id, user_id, name, type, filter, is_public, fixed_date, date_range_type, date_range_start, date_range_end)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id, ws.workspaceId, ws.userId, dto.name, dto.type, JSON.stringify(filter), dto.isPublic ?? false, dto.fixedDate ?? false,
          str(filter.dateRangeType), str(filter.dateRangeStart), str(filter.dateRangeEnd),
        ],
      );
      await this.setVisibility(manager, ws.workspaceId, id, dto);
      const result = await this.load(manager, ws.workspaceId, id);
      await this.record(manager, ws.workspaceId, id, 'NEW_SHARED_REPORT', result);
      return result;
    });
  }

  async update(ws: WorkspaceContext, id: string, dto: UpdateSharedReportDto): Promise<SharedReportDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.findOwned(manager, ws, id);
      await manager.query(
        `UPDATE shared_reports SET name = $3, is_public = COALESCE($4, is_public), fixed_date = COALESCE($5, fixed_date)
          WHERE workspace_id = $1 AND id = $2`,
        [ws.workspaceId, id, dto.name, dto.isPublic ?? null, dto.fixedDate ?? null],
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
      await manager.query('DELETE FROM shared_reports WHERE workspace_id = $1 AND id = $2', [ws.workspaceId, id]);
      await this.record(manager, ws.workspaceId, id, 'SHARED_REPORT_DELETED', report);
    });
  }

  /** The report, locked; 404 outside the workspace, 403 unless the caller wrote it or is an admin. */
  private async findOwned(manager: EntityManager, ws: WorkspaceContext, id: string): Promise<SharedReportDto> {
    const locked: { user_id: string }[] = await manager.query('SELECT user_id FROM shared_reports WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [ws.workspaceId, id]);
    if (!locked.length) throw new NotFoundException('Shared report not found');
    if (locked[0].user_id !== ws.userId && !ws.isAdmin) throw new ForbiddenException('Only the author or a workspace admin may change a shared report');
    return this.load(manager, ws.workspaceId, id);
  }

  private async load(manager: EntityManager, workspaceId: string, id: string): Promise<SharedReportDto> {
    const rows: SharedReportRow[] = await manager.query(`${SHARED_REPORT_SELECT} WHERE r.workspace_id = $1 AND r.id = $2`, [workspaceId, id]);
    if (!rows.length) throw new NotFoundException('Shared report not found');
    return toSharedReportDto(rows[0]);
  }

  /** Replaces the lists that were sent; the composite keys turn another workspace's ids into 404. */
  private async setVisibility(manager: EntityManager, workspaceId: string, id: string, dto: UpdateSharedReportDto): Promise<void> {
    if (dto.visibleToUsers) {
      await manager.query('DELETE FROM shared_report_users WHERE shared_report_id = $1', [id]);
      await manager.query(
        `INSERT INTO shared_report_users (workspace_id, shared_report_id, user_id) SELECT $1, $2, u FROM unnest($3::char(24)[]) AS u ON CONFLICT DO NOTHING`,
        [workspaceId, id, dto.visibleToUsers],
      );
    }
    if (dto.visibleToUserGroups) {
      await manager.query('DELETE FROM shared_report_user_groups WHERE shared_report_id = $1', [id]);
      await manager.query(
        `INSERT INTO shared_report_user_groups (workspace_id, shared_report_id, user_group_id) SELECT $1, $2, g FROM unnest($3::char(24)[]) AS g ON CONFLICT DO NOTHING`,
        [workspaceId, id, dto.visibleToUserGroups],
      );
    }
  }

  private record(manager: EntityManager, workspaceId: string, entityId: string, event: string, payload: SharedReportDto): Promise<void> {
    return this.outbox.record(manager, { workspaceId, entityType: ENTITY_TYPE, entityId, event, payload });
  }
}

interface EntityNameRow {
  id: string;
  name: string;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
