import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page } from '../../common/dto/page';
import type { SqlConditions } from '../../common/utils/sql';
import type { InProgressQueryDto, TimeEntryListQueryDto } from './dto/time-entry-query.dto';
import type { TimeEntryWithRatesDto } from './dto/time-entry.dto';
import { withRelated } from './time-entry-hydrator';
import { TimeEntryListStore } from './time-entry-list.store';
import { TimeEntryRow, toTimeEntryDto, viewFor } from './time-entry.mapper';
import { TimeEntryWriter } from './time-entry-writer';

/**
 * Lists of entries, newest start first with the id as tie-breaker (pages never
 * repeat or skip an entry). One query reads the page with its total, tags,
 * custom fields and, hydrated, its related rows.
 */
@Injectable()
export class TimeEntryListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: TimeEntryWriter,
  ) {}

  async forUser(
    ws: WorkspaceContext,
    userId: string,
    query: TimeEntryListQueryDto,
  ): Promise<Page<TimeEntryWithRatesDto>> {
    await this.writer.assertAccess(this.dataSource.manager, ws, userId);
    const where = TimeEntryListStore.userEntries(ws, userId, query);
    return this.page(ws, where, { page: query.page, pageSize: query['page-size'] }, query.hydrated);
  }

  /** Running entries of the workspace: all for admins, otherwise the caller's and their managed users'. */
  async inProgress(ws: WorkspaceContext, query: InProgressQueryDto): Promise<Page<TimeEntryWithRatesDto>> {
    const where = TimeEntryListStore.inProgress(ws);
    return this.page(ws, where, { page: query.page, pageSize: query['page-size'] }, false);
  }

  /** A page of the entries `where` selects, shown as the workspace's settings and the caller's role say. */
  private async page(
    ws: WorkspaceContext,
    where: SqlConditions,
    request: { page: number; pageSize: number },
    hydrated: boolean,
  ): Promise<Page<TimeEntryWithRatesDto>> {
    const row = await TimeEntryListStore.page(this.dataSource, ws, where, request, hydrated);
    const view = viewFor(
      { lockTimeEntries: row.lock_at, onlyAdminsSeeBillableRates: row.hide_rates !== 'false' },
      ws.isAdmin,
    );
    const entries = (row.entries ? (JSON.parse(row.entries) as TimeEntryRow[]) : []).map((entry) =>
      toTimeEntryDto(entry, view),
    );
    return new Page(hydrated ? withRelated(entries, row) : entries, row.total, request);
  }
}
