import type { EntityManager } from 'typeorm';
import { newId } from '../../common/utils/ids';
import type { AssignmentValues } from './assignment.store';

/** A template's task, days and schedule, in the order insertSeries ($5 to $12) and updateSeries ($3 to $10) bind them. */
function templateParams(values: AssignmentValues): unknown[] {
  return [
    values.taskId,
    values.start,
    values.end,
    values.hoursPerDay,
    values.includeNonWorkingDays,
    values.note,
    values.billable,
    values.startTime,
  ];
}

/** The rows of assignment_series (a recurring assignment's template and how many weeks it repeats); scoped by workspace. */
export const AssignmentSeriesStore = {
  /** A series whose first occurrence has `values`; returns its id. */
  async insertSeries(
    manager: EntityManager,
    workspaceId: string,
    values: AssignmentValues,
    weeks: number,
  ): Promise<string> {
    const id = newId();
    await manager.query(
      `INSERT INTO assignment_series (id, workspace_id, user_id, project_id, task_id, start_date, end_date, hours_per_day,
                                      include_non_working_days, note, billable, start_time, repeat, weeks)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true, $13)`,
      [id, workspaceId, values.userId, values.projectId, ...templateParams(values), weeks],
    );
    return id;
  },

  /** Removes series left without occurrences. */
  async dropEmptySeries(manager: EntityManager, workspaceId: string, seriesIds: (string | null)[]): Promise<void> {
    const ids = seriesIds.filter((id): id is string => id !== null);
    if (!ids.length) return;
    await manager.query(
      `DELETE FROM assignment_series s WHERE s.workspace_id = $1 AND s.id = ANY($2)
          AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.workspace_id = s.workspace_id AND a.series_id = s.id)`,
      [workspaceId, ids],
    );
  },

  /** Ends a series after `weeks` weeks (at least one). */
  async endSeriesAtLeastOne(
    manager: EntityManager,
    workspaceId: string,
    seriesId: string,
    weeks: number,
  ): Promise<void> {
    await manager.query(`UPDATE assignment_series SET weeks = greatest($3, 1) WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      seriesId,
      weeks,
    ]);
  },

  async setSeriesWeeks(
    manager: EntityManager,
    workspaceId: string,
    seriesId: string | null,
    weeks: number,
  ): Promise<void> {
    await manager.query(`UPDATE assignment_series SET weeks = $3 WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      seriesId,
      weeks,
    ]);
  },

  /** A series repeats for `weeks` weeks. */
  async repeatSeries(manager: EntityManager, workspaceId: string, seriesId: string, weeks: number): Promise<void> {
    await manager.query(`UPDATE assignment_series SET weeks = $3, repeat = true WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      seriesId,
      weeks,
    ]);
  },

  /** The series' template from `values` of its week `index` (its first week is `index` weeks earlier). */
  async updateSeries(
    manager: EntityManager,
    workspaceId: string,
    seriesId: string,
    values: AssignmentValues,
    index: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE assignment_series SET task_id = $3, start_date = $4::date - 7 * $11::int, end_date = $5::date - 7 * $11::int,
              hours_per_day = $6, include_non_working_days = $7, note = $8, billable = $9, start_time = $10
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, seriesId, ...templateParams(values), index],
    );
  },
};
