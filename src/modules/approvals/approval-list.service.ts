import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { ApprovalItemsStore } from './approval-items.store';
import { ApprovalStore, toApprovalRequestDto } from './approval.store';
import type { ApprovalDetailsDto } from './dto/approval-details.dto';
import type { ApprovalQueryDto } from './dto/approval-query.dto';

/**
 * GET approval-requests: admins see every request of the workspace, others
 * their own and those of the users they manage; each with its entries,
 * expenses and totals (loaded for the whole page at once).
 */
@Injectable()
export class ApprovalListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ApprovalItemsStore,
    private readonly store: ApprovalStore,
  ) {}

  async list(ws: WorkspaceContext, query: ApprovalQueryDto): Promise<Page<ApprovalDetailsDto>> {
    const request = pageOf(query);
    const column = query['sort-column'] ?? 'START';
    // Newest first unless the client picks a column or an order.
    const descending = (query['sort-order'] ?? (query['sort-column'] ? 'ASCENDING' : 'DESCENDING')) === 'DESCENDING';
    const { rows, total } = await this.store.page(
      this.dataSource.manager,
      ws.workspaceId,
      ws.isAdmin ? undefined : ws.userId,
      query.status,
      { column, descending },
      request,
    );
    const details = await this.items.load(ws.workspaceId, rows);
    return new Page(
      rows.map((row) => ({ approvalRequest: toApprovalRequestDto(row), ...details(row.id) })),
      total,
      request,
    );
  }
}
