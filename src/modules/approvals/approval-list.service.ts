import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { mayActForSql } from '../../common/access';
import { ApprovalItemsReader } from './approval-items.reader';
import { APPROVAL_COLUMNS, APPROVAL_FROM, type ApprovalRow, toApprovalRequestDto } from './approval.store';
import type { ApprovalDetailsDto } from './dto/approval-details.dto';
import type { ApprovalQueryDto, ApprovalSortColumn } from './dto/approval-query.dto';

const SORT_SQL: Record<ApprovalSortColumn, string> = {
  ID: 'ar.id',
  USER_ID: 'ar.user_id',
  START: 'ar.period_start',
  UPDATED_AT: 'coalesce(ar.status_changed_at, ar.submitted_at)',
};

/**
 * GET approval-requests: admins see every request of the workspace, others
 * their own and those of the users they manage; each with its entries,
 * expenses and totals (loaded for the whole page at once).
 */
@Injectable()
export class ApprovalListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ApprovalItemsReader,
  ) {}

  async list(ws: WorkspaceContext, query: ApprovalQueryDto): Promise<Page<ApprovalDetailsDto>> {
    const request = pageOf(query);
    const params: unknown[] = [ws.workspaceId];
    const where = ['ar.workspace_id = $1'];
    if (!ws.isAdmin) {
      params.push(ws.userId);
      where.push(mayActForSql({ workspace: '$1', caller: '$2', user: 'ar.user_id' }));
    }
    if (query.status) {
      params.push(query.status);
      where.push(`ar.status = $${params.length}`);
    }
    const column = query['sort-column'] ?? 'START';
    // Newest first unless the client picks a column or an order.
    const order = (query['sort-order'] ?? (query['sort-column'] ? 'ASCENDING' : 'DESCENDING')) === 'DESCENDING' ? 'DESC' : 'ASC';
    params.push(request.pageSize, (request.page - 1) * request.pageSize);
    const rows: (ApprovalRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${APPROVAL_COLUMNS}, count(*) OVER () AS total FROM ${APPROVAL_FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY ${SORT_SQL[column]} ${order}, ar.id ${order}
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0] ? Number(rows[0].total) : await this.count(where, params.slice(0, -2));
    const details = await this.items.load(ws.workspaceId, rows);
    return new Page(
      rows.map((row) => ({ approvalRequest: toApprovalRequestDto(row), ...details(row.id) })),
      total,
      request,
    );
  }

  private async count(where: string[], params: unknown[]): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM approval_requests ar WHERE ${where.join(' AND ')}`, params);
    return rows[0]?.n ?? 0;
  }
}
