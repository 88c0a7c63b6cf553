import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { limitOffset, Page } from '../../common/dto/page';
import { likePattern } from '../../common/utils/sql';
import type { InProgressQueryDto, TimeEntryListQueryDto } from './dto/time-entry-query.dto';
import type { TimeEntryWithRatesDto } from './dto/time-entry.dto';
import { TimeEntryHydrator } from './time-entry-hydrator';
import { TimeEntryRow, toTimeEntryDto, viewFor } from './time-entry.mapper';
import { ENTRY_COLUMNS, managesSql } from './time-entry.store';
import { TimeEntryWriter } from './time-entry-writer';

type ListedRow = TimeEntryRow & { total_count: string; lock_at: string | null; hide_rates: string | null };

/** Collects SQL conditions with numbered parameters. */
class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.conditions.push(condition);
  }

  get sql(): string {
    return this.conditions.join(' AND ');
  }
}

/**
 * Lists of entries, newest start first with the id as tie-breaker (pages never
 * repeat or skip an entry). One query reads the page with its total, tags and
 * custom fields; a hydrated page adds one query for all its related rows.
 */
@Injectable()
export class TimeEntryListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: TimeEntryWriter,
    private readonly hydrator: TimeEntryHydrator,
  ) {}

  async forUser(ws: WorkspaceContext, userId: string, query: TimeEntryListQueryDto): Promise<Page<TimeEntryWithRatesDto>> {
    await this.writer.assertAccess(this.dataSource.manager, ws, userId);
    const where = new Where();
    where.add(`te.workspace_id = ${where.param(ws.workspaceId)}`);
    where.add(`te.user_id = ${where.param(userId)}`);
    if (query.description) where.add(`te.description ILIKE ${where.param(likePattern(query.description))} ESCAPE '\\'`);
    if (query.start) where.add(`te.start_at >= ${where.param(new Date(query.start))}`);
    if (query.end) where.add(`te.start_at <= ${where.param(new Date(query.end))}`);
    if (query.project) where.add(`te.project_id = ${where.param(query.project)}`);
    if (query.task) where.add(`te.task_id = ${where.param(query.task)}`);
    if (query.tags?.length) {
      where.add(`EXISTS (SELECT 1 FROM time_entry_tags tt WHERE tt.time_entry_id = te.id AND tt.tag_id = ANY(${where.param(query.tags)}::char(24)[]))`);
    }
    if (query['project-required']) where.add('te.project_id IS NOT NULL');
    if (query['task-required']) where.add('te.task_id IS NOT NULL');
    if (query['in-progress'] !== undefined) where.add(query['in-progress'] ? 'te.end_at IS NULL' : 'te.end_at IS NOT NULL');
    if (query['get-week-before']) {
      const before = where.param(new Date(query['get-week-before']));
      where.add(`te.start_at >= ${before}::timestamptz - interval '7 days' AND te.start_at < ${before} AND te.project_id IS NOT NULL`);
    }
    return this.page(ws, where, { page: query.page, pageSize: query['page-size'] }, query.hydrated);
  }

  /** Running entries of the workspace: all for admins, otherwise the caller's and their managed users'. */
  async inProgress(ws: WorkspaceContext, query: InProgressQueryDto): Promise<Page<TimeEntryWithRatesDto>> {
    const where = new Where();
    const workspace = where.param(ws.workspaceId);
    where.add(`te.workspace_id = ${workspace} AND te.end_at IS NULL`);
    if (!ws.isAdmin) {
      const caller = where.param(ws.userId);
      where.add(`(te.user_id = ${caller} OR ${managesSql(workspace, caller, 'te.user_id')})`);
    }
    return this.page(ws, where, { page: query.page, pageSize: query['page-size'] }, false);
  }

  private async page(ws: WorkspaceContext, where: Where, request: { page: number; pageSize: number }, hydrated: boolean): Promise<Page<TimeEntryWithRatesDto>> {
    const { limit, offset } = limitOffset(request);
    const workspace = where.param(ws.workspaceId);
    const rows: ListedRow[] = await this.dataSource.query(
      `WITH page AS (
         SELECT te.*, count(*) OVER () AS total_count FROM time_entries te
          WHERE ${where.sql}
          ORDER BY te.start_at DESC, te.id DESC
          LIMIT ${where.param(limit)} OFFSET ${where.param(offset)})
       SELECT ${ENTRY_COLUMNS}, w.settings->>'lockTimeEntries' AS lock_at, w.settings->>'onlyAdminsSeeBillableRates' AS hide_rates
         FROM page te CROSS JOIN workspaces w
        WHERE w.id = ${workspace}
        ORDER BY te.start_at DESC, te.id DESC`,
      where.params,
    );
    const total = rows.length ? Number(rows[0].total_count) : offset ? await this.count(where) : 0;
    const view = viewFor(
      { lockTimeEntries: rows[0]?.lock_at ?? null, onlyAdminsSeeBillableRates: rows[0]?.hide_rates !== 'false' },
      ws.isAdmin,
    );
    const entries = rows.map((row) => toTimeEntryDto(row, view));
    const items = hydrated ? await this.hydrator.hydrate(this.dataSource.manager, ws.workspaceId, entries) : entries;
    return new Page(items, total, request);
  }

  /** The total when the page lies past the end (the page query then has no row to carry it). */
  private async count(where: Where): Promise<number> {
    const params = where.params.slice(0, where.params.length - 3);
    const rows: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM time_entries te WHERE ${where.sql}`, params);
    return Number(rows[0].n);
  }
}
