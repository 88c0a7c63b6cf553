/** DateRangeDto: the first and last day of an assignment, as the start of each day in the caller's time zone. */
export class DateRangeDto {
  /** @example 2024-03-04T00:00:00Z */
  start: string;
  /** @example 2024-03-08T00:00:00Z */
  end: string;
}

/** SchedulingExcludeDay: a day of the period without scheduled work. */
export class SchedulingExcludeDayDto {
  /** @example 2024-03-09T00:00:00Z */
  date: string;
  /** @example "WEEKEND" */
  type: 'WEEKEND' | 'HOLIDAY' | 'TIME_OFF';
}

/** RecurringAssignmentDto. */
export class RecurringAssignmentDto {
  /** Indicates whether assignment is recurring or not. @example true */
  repeat: boolean;
  /** Represents series identifier. @example "64c777ddd3fcab07cfbb210c" */
  seriesId: string | null;
  /** Represents number of weeks of the series. @example 5 */
  weeks: number | null;
}

/** AssignmentDtoV1. */
export class AssignmentDto {
  /** @example "74a687e29ae1f428e7ebe505" */
  id: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
  /** @example "72a687e29ae1f428e7ebe109" */
  userId: string;
  /** @example "56b687e29ae1f428e7ebe504" */
  projectId: string;
  /** @example "36b687e29ae1f428e7ebe109" */
  taskId: string | null;
  period: DateRangeDto;
  /** @example 7.5 */
  hoursPerDay: number;
  includeNonWorkingDays: boolean;
  /** @example "This is a sample note for an assignment." */
  note: string;
  billable: boolean;
  published: boolean;
  /** @example "10:00:00" */
  startTime: string | null;
  recurring: RecurringAssignmentDto;
  excludeDays: SchedulingExcludeDayDto[];
}

/** AssignmentHydratedDtoV1. */
export class AssignmentHydratedDto {
  id: string;
  workspaceId: string;
  userId: string;
  /** @example "John Doe" */
  userName: string;
  projectId: string;
  projectName: string;
  /** @example "#000000" */
  projectColor: string;
  projectArchived: boolean;
  projectBillable: boolean;
  clientId: string | null;
  clientName: string | null;
  taskId: string | null;
  taskName: string | null;
  period: DateRangeDto;
  hoursPerDay: number;
  note: string;
  billable: boolean;
  startTime: string | null;
}

/** TotalsPerDayDto, with the day's capacity (extension). */
export class TotalsPerDayDto {
  /** @example 2024-03-04T00:00:00Z */
  date: string;
  /** Scheduled hours that day. @example 6 */
  totalHours: number;
  /** Not in Clockify: the user's capacity that day in hours (working days, minus holidays and approved time off). @example 8 */
  capacityHours: number;
  /** Not in Clockify: capacityHours - totalHours (negative when over-scheduled). @example 2 */
  differenceHours: number;
}

/** SchedulingUsersTotalsDtoV1. */
export class SchedulingUsersTotalsDto {
  workspaceId: string;
  userId: string;
  userName: string;
  userImage: string;
  /** @example "ACTIVE" */
  userStatus: string;
  /** Capacity of a working day in seconds. @example 25200 */
  capacityPerDay: number;
  /** @example ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"] */
  workingDays: string[];
  totalHoursPerDay: TotalsPerDayDto[];
}

/** AssignmentPerDayDto. */
export class AssignmentPerDayDto {
  date: string;
  hasAssignment: boolean;
}

/** MilestoneDto (this server keeps no milestones: always empty). */
export class MilestoneDto {
  id: string;
  name: string;
  date: string;
  projectId: string;
  workspaceId: string;
}

/** SchedulingProjectsTotalsDtoV1, with the estimate comparison (extension). */
export class SchedulingProjectsTotalsDto {
  workspaceId: string;
  projectId: string;
  projectName: string;
  projectColor: string;
  projectArchived: boolean;
  projectBillable: boolean;
  clientName: string | null;
  taskId: string | null;
  taskName: string | null;
  /** Scheduled hours in the period. @example 490.5 */
  totalHours: number;
  assignments: AssignmentPerDayDto[];
  milestones: MilestoneDto[];
  /** Not in Clockify: the project's active time estimate in hours (null when none). @example 500 */
  estimateHours: number | null;
  /** Not in Clockify: estimateHours - totalHours (null without an estimate). @example 9.5 */
  remainingEstimateHours: number | null;
  /** Not in Clockify: the project's active budget estimate in cents (null when none). @example 1000000 */
  budgetEstimate: number | null;
}
