import { RateDto } from '../../../common/dto/rate.dto';

/** A task as the reference returns it (TaskDtoV1). */
export class TaskDto {
  /** @example "57a687e29ae1f428e7ebe107" */
  id: string;
  /** @example "Bugfixing" */
  name: string;
  /** @example "25b687e29ae1f428e7ebe123" */
  projectId: string;
  /** Ids of the assigned workspace members. @example ["45b687e29ae1f428e7ebe123"] */
  assigneeIds: string[];
  /** The first assignee, or null. @example "45b687e29ae1f428e7ebe123" */
  assigneeId: string | null;
  /** Ids of the assigned user groups. @example ["67b687e29ae1f428e7ebe123"] */
  userGroupIds: string[];
  /** Estimated duration, ISO-8601 (`PT0S` when none). @example "PT1H30M" */
  estimate: string;
  /** `ACTIVE` or `DONE`. @example "ACTIVE" */
  status: string;
  /** Time tracked on the task, ISO-8601. @example "PT1H30M" */
  duration: string;
  /** @example true */
  billable: boolean;
  /** The task's own billable rate in force now, or null. */
  hourlyRate: RateDto | null;
  /** The task's own cost rate in force now, or null. */
  costRate: RateDto | null;
  /** Budget estimate in cents, or null. @example 10000 */
  budgetEstimate: number | null;
}
