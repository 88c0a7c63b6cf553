import { dayStart } from './scheduling-days';
import type { AssignmentDto, AssignmentHydratedDto, SchedulingExcludeDayDto } from './dto/assignment.dto';

/** A row of the store's ASSIGNMENT_SELECT (dates as text, hours as float). */
export interface AssignmentRow {
  id: string;
  workspace_id: string;
  series_id: string | null;
  week_index: number | null;
  user_id: string;
  project_id: string;
  task_id: string | null;
  start_date: string;
  end_date: string;
  hours_per_day: number;
  include_non_working_days: boolean;
  note: string;
  billable: boolean;
  start_time: string | null;
  published: boolean;
  weeks: number | null;
  repeat: boolean | null;
}

export interface HydratedRow extends AssignmentRow {
  user_name: string;
  project_name: string;
  project_color: string;
  project_archived: boolean;
  project_billable: boolean;
  client_id: string | null;
  client_name: string | null;
  task_name: string | null;
  total: string;
}

export interface ExcludeRow {
  id: string;
  day: string;
  type: SchedulingExcludeDayDto['type'];
}

export function toAssignmentDto(row: AssignmentRow, excludes: ExcludeRow[], zone: string): AssignmentDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    projectId: row.project_id,
    taskId: row.task_id,
    period: { start: dayStart(row.start_date, zone), end: dayStart(row.end_date, zone) },
    hoursPerDay: Number(row.hours_per_day),
    includeNonWorkingDays: row.include_non_working_days,
    note: row.note,
    billable: row.billable,
    published: row.published,
    startTime: row.start_time,
    recurring: row.series_id
      ? { repeat: row.repeat ?? true, seriesId: row.series_id, weeks: row.weeks }
      : { repeat: false, seriesId: null, weeks: null },
    excludeDays: excludes.map((e) => ({ date: dayStart(e.day, zone), type: e.type })),
  };
}

export function toHydratedDto(row: HydratedRow, zone: string): AssignmentHydratedDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    userName: row.user_name,
    projectId: row.project_id,
    projectName: row.project_name,
    projectColor: row.project_color,
    projectArchived: row.project_archived,
    projectBillable: row.project_billable,
    clientId: row.client_id,
    clientName: row.client_name,
    taskId: row.task_id,
    taskName: row.task_name,
    period: { start: dayStart(row.start_date, zone), end: dayStart(row.end_date, zone) },
    hoursPerDay: Number(row.hours_per_day),
    note: row.note,
    billable: row.billable,
    startTime: row.start_time,
  };
}
