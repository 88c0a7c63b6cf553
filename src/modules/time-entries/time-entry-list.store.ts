import { DataSource } from 'typeorm';
import { mayActForSql } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import { limitOffset } from '../../common/dto/page';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { likePattern, SqlConditions } from '../../common/utils/sql';
import { preparedQuery } from '../../database/prepared-query';
import type { TimeEntryListQueryDto } from './dto/time-entry-query.dto';
import { type RelatedRow, relatedOfCteSql } from './time-entry-related.store';
import { ENTRY_COLUMNS } from './time-entry.store';

/** The list statement's one row: total, settings, the page as JSON text and (hydrated) its related rows. */
export type PageRow = RelatedRow & {
  total: number;
  lock_at: string | null;
  hide_rates: string | null;
  entries: string | null;
};

/** The list page of entries: a prepared statement on a hot path, so its SQL text stays as it is. */
export const TimeEntryListStore = {
  /** The conditions of GET .../user/{userId}/time-entries. */
  userEntries(ws: WorkspaceContext, userId: string, query: TimeEntryListQueryDto): SqlConditions {
    const where = new SqlConditions();
    where.add(`te.workspace_id = ${where.param(ws.workspaceId)}`);
    where.add(`te.user_id = ${where.param(userId)}`);
    if (query.description) where.add(`te.description ILIKE ${where.param(likePattern(query.description))} ESCAPE '\\'`);
    if (query.start) where.add(`te.start_at >= ${where.param(new Date(query.start))}`);
    if (query.end) where.add(`te.start_at <= ${where.param(new Date(query.end))}`);
    if (query.project) where.add(`te.project_id = ${where.param(query.project)}`);
    if (query.task) where.add(`te.task_id = ${where.param(query.task)}`);
    if (query.tags?.length) {
      where.add(
        `EXISTS (SELECT 1 FROM time_entry_tags tt WHERE tt.time_entry_id = te.id AND tt.tag_id = ANY(${where.param(query.tags)}::char(24)[]))`,
      );
    }
    if (query['project-required']) where.add('te.project_id IS NOT NULL');
    if (query['task-required']) where.add('te.task_id IS NOT NULL');
    if (query['in-progress'] !== undefined)
      where.add(query['in-progress'] ? 'te.end_at IS NULL' : 'te.end_at IS NOT NULL');
    if (query['get-week-before']) {
      const before = where.param(new Date(query['get-week-before']));
      where.add(
        `te.start_at >= ${before}::timestamptz - interval '7 days' AND te.start_at < ${before} AND te.project_id IS NOT NULL`,
      );
    }
    return where;
  },

  /** Running entries of the workspace: all for admins, otherwise the caller's and their managed users'. */
  inProgress(ws: WorkspaceContext): SqlConditions {
    const where = new SqlConditions();
    const workspace = where.param(ws.workspaceId);
    where.add(`te.workspace_id = ${workspace} AND te.end_at IS NULL`);
    if (!ws.isAdmin) {
      const caller = where.param(ws.userId);
      where.add(mayActForSql({ workspace, caller, user: 'te.user_id' }));
    }
    return where;
  },

  /**
   * One statement: the page (read through the (workspace, user, start, id)
   * order, stopping at the page's end), its total (counted apart, from the
   * index only), the settings that decide how entries are shown and, when
   * hydrated, the page's projects, tasks, tags and users. Rows come as one JSON
   * value: parsed natively rather than field by field.
   */
  async page(
    dataSource: DataSource,
    ws: WorkspaceContext,
    where: SqlConditions,
    request: PageRequest,
    hydrated: boolean,
  ): Promise<PageRow> {
    const { limit, offset } = limitOffset(request);
    const workspace = where.param(ws.workspaceId);
    const [row] = await preparedQuery<PageRow>(
      dataSource,
      `WITH page AS MATERIALIZED (
         SELECT te.* FROM time_entries te
          WHERE ${where.sql}
          ORDER BY te.start_at DESC, te.id DESC
          LIMIT ${where.param(limit)} OFFSET ${where.param(offset)})
       SELECT (SELECT count(*) FROM time_entries te WHERE ${where.sql})::int AS total,
              w.settings->>'lockTimeEntries' AS lock_at, w.settings->>'onlyAdminsSeeBillableRates' AS hide_rates,
              (SELECT json_agg(x ORDER BY x.start_at DESC, x.id DESC) FROM (SELECT ${ENTRY_COLUMNS} FROM page te) x)::text AS entries
              ${hydrated ? `, ${relatedOfCteSql(workspace, 'page')}` : ''}
         FROM workspaces w
        WHERE w.id = ${workspace}`,
      where.params,
    );
    return row;
  },
};
