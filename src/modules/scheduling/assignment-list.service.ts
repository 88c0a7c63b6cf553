import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page, limitOffset } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { OutboxService } from '../../common/outbox/outbox.service';
import { toHydratedDto } from './assignment.mapper';
import { recordAssignments } from './assignment-events';
import { AssignmentListStore } from './assignment-list.store';
import { AssignmentStore } from './assignment.store';
import type { AssignmentHydratedDto } from './dto/assignment.dto';
import type { AssignmentsQueryDto, PublishAssignmentsRequestDto } from './dto/scheduling-filters.dto';
import { dayRange } from './scheduling-days';

/** Listing assignments (as the caller may see them) and publishing them. */
@Injectable()
export class AssignmentListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
    private readonly listStore: AssignmentListStore,
    private readonly outbox: OutboxService,
  ) {}

  /** Assignments overlapping start..end that the caller may see, with project, client, task and user names. */
  async list(ws: WorkspaceContext, query: AssignmentsQueryDto): Promise<Page<AssignmentHydratedDto>> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(query.start, query.end, zone);
    const { limit, offset } = limitOffset(pageOf(query));
    const rows = await this.listStore.hydratedPage(ws, range, query, limit, offset);
    const total = rows.length ? Number(rows[0].total) : 0;
    return new Page(
      rows.map((r) => toHydratedDto(r, zone)),
      total,
      pageOf(query),
    );
  }

  /**
   * Publishes the unpublished assignments overlapping start..end that the
   * caller may change, narrowed by the users/groups filters and the search
   * (users in TEAM view, projects and clients in PROJECTS view, both otherwise).
   * notifyUsers is accepted; this server sends no mail (the webhooks fire).
   */
  async publish(ws: WorkspaceContext, body: PublishAssignmentsRequestDto): Promise<void> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(body.start, body.end, zone);
    await this.dataSource.transaction(async (manager) => {
      const ids = await this.listStore.publish(manager, ws, range, body);
      const dtos = await this.store.toDtos(manager, await this.store.byIds(manager, ws.workspaceId, ids), zone);
      await recordAssignments(this.outbox, manager, 'ASSIGNMENT_PUBLISHED', dtos);
    });
  }
}
