import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { newId } from '../../common/utils/ids';
import { type AssignmentRow, type ExcludeRow, toAssignmentDto } from './assignment.mapper';
import type { AssignmentDto } from './dto/assignment.dto';
import { safeTimeZone } from './scheduling-days';
import { dayFlagsSql, writableSql } from './scheduling.store';

/** The editable values of an assignment (and of a series' template). */
export interface AssignmentValues {
  userId: string;
  projectId: string;
  taskId: string | null;
  start: string;
  end: string;
  hoursPerDay: number;
  includeNonWorkingDays: boolean;
  note: string;
  billable: boolean;
  startTime: string | null;
}

/** The columns of AssignmentRow (`a` the assignment, `s` its series). */
const ASSIGNMENT_SELECT = `
  SELECT a.id, a.workspace_id, a.series_id, a.week_index, a.user_id, a.project_id, a.task_id,
         a.start_date::text AS start_date, a.end_date::text AS end_date, a.hours_per_day::float8 AS hours_per_day,
         a.include_non_working_days, a.note, a.billable, a.start_time::text AS start_time, a.published, s.weeks, s.repeat
    FROM assignments a
    LEFT JOIN assignment_series s ON s.workspace_id = a.workspace_id AND s.id = a.series_id`;

/** A range of days, `yyyy-MM-dd` both. */
export interface DayRange {
  start: string;
  end: string;
}

export interface NewAssignment extends AssignmentValues {
  seriesId: string | null;
  weekIndex: number | null;
}

export function valuesOf(row: AssignmentRow): AssignmentValues {
  return {
    userId: row.user_id,
    projectId: row.project_id,
    taskId: row.task_id,
    start: row.start_date,
    end: row.end_date,
    hoursPerDay: Number(row.hours_per_day),
    includeNonWorkingDays: row.include_non_working_days,
    note: row.note,
    billable: row.billable,
    startTime: row.start_time,
  };
}

/** Reads and writes assignment rows (series: AssignmentSeriesStore, the list and publishing: AssignmentListStore); every query is scoped by workspace. */
@Injectable()
export class AssignmentStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller's time zone (users.settings.timeZone), in which dates of requests and responses are read and printed. */
  async zoneOf(userId: string): Promise<string> {
    const rows: { zone: string | null }[] = await this.dataSource.query(
      `SELECT settings->>'timeZone' AS zone FROM users WHERE id = $1`,
      [userId],
    );
    return safeTimeZone(rows[0]?.zone);
  }

  /** The assignment, locked; 404 when not in the workspace, 403 when the caller may not change it. */
  async forWrite(manager: EntityManager, ws: WorkspaceContext, id: string): Promise<AssignmentRow> {
    const rows: (AssignmentRow & { writable: boolean })[] = await manager.query(
      `${ASSIGNMENT_SELECT.replace('SELECT', `SELECT ${writableSql(ws, 'a', '$3')} AS writable,`)}
        WHERE a.workspace_id = $1 AND a.id = $2 FOR UPDATE OF a`,
      [ws.workspaceId, id, ws.userId],
    );
    if (!rows.length) throw new NotFoundException('Assignment not found');
    if (!rows[0].writable)
      throw new ForbiddenException('Only admins and managers of the user or project change assignments');
    return rows[0];
  }

  /** 403 unless the caller may schedule `userId` on `projectId`. */
  async assertWritable(manager: EntityManager, ws: WorkspaceContext, userId: string, projectId: string): Promise<void> {
    if (ws.isAdmin) return;
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM (SELECT $1::char(24) AS workspace_id, $3::char(24) AS user_id, $4::char(24) AS project_id) a WHERE ${writableSql(ws, 'a', '$2')}`,
      [ws.workspaceId, ws.userId, userId, projectId],
    );
    if (!rows.length)
      throw new ForbiddenException('Only admins and managers of the user or project schedule assignments');
  }

  async rows(manager: EntityManager, workspaceId: string, where: string, params: unknown[]): Promise<AssignmentRow[]> {
    return manager.query(`${ASSIGNMENT_SELECT} WHERE a.workspace_id = $1 AND ${where} ORDER BY a.start_date, a.id`, [
      workspaceId,
      ...params,
    ]);
  }

  async seriesRows(
    manager: EntityManager,
    workspaceId: string,
    seriesId: string,
    fromIndex = 0,
  ): Promise<AssignmentRow[]> {
    return this.rows(manager, workspaceId, 'a.series_id = $2 AND a.week_index >= $3', [seriesId, fromIndex]);
  }

  async byIds(manager: EntityManager, workspaceId: string, ids: string[]): Promise<AssignmentRow[]> {
    return this.rows(manager, workspaceId, 'a.id = ANY($2)', [ids]);
  }

  /** Inserts assignments (one statement); returns their ids in order. */
  async insert(manager: EntityManager, workspaceId: string, items: NewAssignment[]): Promise<string[]> {
    const records = items.map((item) => ({ ...item, id: newId() }));
    await manager.query(
      `INSERT INTO assignments (id, workspace_id, series_id, week_index, user_id, project_id, task_id, start_date, end_date,
                                hours_per_day, include_non_working_days, note, billable, start_time)
       SELECT x.id, $1, x."seriesId", x."weekIndex", x."userId", x."projectId", x."taskId", x.start, x."end",
              x."hoursPerDay", x."includeNonWorkingDays", x.note, x.billable, x."startTime"
         FROM jsonb_to_recordset($2::jsonb) AS x(id char(24), "seriesId" char(24), "weekIndex" int, "userId" char(24),
              "projectId" char(24), "taskId" char(24), start date, "end" date, "hoursPerDay" numeric, "includeNonWorkingDays" boolean,
              note text, billable boolean, "startTime" time)`,
      [workspaceId, JSON.stringify(records)],
    );
    return records.map((r) => r.id);
  }

  /** Takes an assignment out of its series. */
  async detach(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.query(
      `UPDATE assignments SET series_id = NULL, week_index = NULL, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
  }

  /** Makes an assignment the first occurrence (week 0) of a series. */
  async attachFirst(manager: EntityManager, workspaceId: string, id: string, seriesId: string): Promise<void> {
    await manager.query(
      `UPDATE assignments SET series_id = $3, week_index = 0, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, seriesId],
    );
  }

  async deleteByIds(manager: EntityManager, workspaceId: string, ids: string[]): Promise<void> {
    await manager.query(`DELETE FROM assignments WHERE workspace_id = $1 AND id = ANY($2)`, [workspaceId, ids]);
  }

  /** Moves the occurrences of a series from week `fromWeek` on into series `toSeries`, renumbered from 0. */
  async moveOccurrences(
    manager: EntityManager,
    workspaceId: string,
    fromSeries: string | null,
    toSeries: string,
    fromWeek: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE assignments SET series_id = $3, week_index = week_index - $4 WHERE workspace_id = $1 AND series_id = $2 AND week_index >= $4`,
      [workspaceId, fromSeries, toSeries, fromWeek],
    );
  }

  /** Sets `values` on one assignment (`target.id`) or every occurrence of a series (`target.seriesId`); each keeps its distance in weeks from week `index`. */
  async apply(
    manager: EntityManager,
    workspaceId: string,
    values: AssignmentValues,
    target: { id: string } | { seriesId: string },
    index: number,
  ): Promise<void> {
    const [where, param] = 'id' in target ? ['a.id = $11', target.id] : ['a.series_id = $11', target.seriesId];
    await manager.query(
      `UPDATE assignments a SET
              start_date = $2::date + 7 * (coalesce(a.week_index, $10) - $10), end_date = $3::date + 7 * (coalesce(a.week_index, $10) - $10),
              task_id = $4, hours_per_day = $5, include_non_working_days = $6, note = $7, billable = $8, start_time = $9,
              updated_at = now()
        WHERE a.workspace_id = $1 AND ${where}`,
      [
        workspaceId,
        values.start,
        values.end,
        values.taskId,
        values.hoursPerDay,
        values.includeNonWorkingDays,
        values.note,
        values.billable,
        values.startTime,
        index,
        param,
      ],
    );
  }

  /** AssignmentDtoV1s of rows, with their excluded days (non-working days not included, holidays, time off) in one query. */
  async toDtos(manager: EntityManager, rows: AssignmentRow[], zone: string): Promise<AssignmentDto[]> {
    if (!rows.length) return [];
    const first = rows.reduce((min, r) => (r.start_date < min ? r.start_date : min), rows[0].start_date);
    const last = rows.reduce((max, r) => (r.end_date > max ? r.end_date : max), rows[0].end_date);
    const excludes: ExcludeRow[] = await manager.query(
      `SELECT x.id, x.day::text AS day,
              CASE WHEN f.holiday THEN 'HOLIDAY' WHEN f.off > 0 THEN 'TIME_OFF' ELSE 'WEEKEND' END AS type
         FROM jsonb_to_recordset($4::jsonb) AS r(id char(24), "userId" char(24), start date, "end" date, "include" boolean)
         JOIN workspace_members m ON m.workspace_id = $1 AND m.user_id = r."userId"
         CROSS JOIN LATERAL (SELECT r.id, d::date AS day FROM generate_series(r.start, r."end", interval '1 day') d) x
         ${dayFlagsSql('x.day')}
        WHERE f.holiday OR f.off > 0 OR (NOT f.working AND NOT r."include")
        ORDER BY x.id, x.day`,
      [
        rows[0].workspace_id,
        first,
        last,
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            userId: r.user_id,
            start: r.start_date,
            end: r.end_date,
            include: r.include_non_working_days,
          })),
        ),
      ],
    );
    return rows.map((row) =>
      toAssignmentDto(
        row,
        excludes.filter((e) => e.id === row.id),
        zone,
      ),
    );
  }
}
