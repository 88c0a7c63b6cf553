import { RateDto } from '../../../common/dto/rate.dto';

/** TimeIntervalDtoV1: a running entry has `end` and `duration` null. */
export class TimeIntervalDto {
  /** @example "2020-01-01T00:00:00Z" */
  start: string;
  /** @example "2020-01-01T01:30:00Z" */
  end: string | null;
  /** ISO-8601 duration. @example "PT1H30M" */
  duration: string | null;
}

/** CustomFieldValueDtoV1. */
export class TimeEntryCustomFieldValueDto {
  /** @example "5e4117fe8c625f38930d57b7" */
  customFieldId: string;
  /** @example "64c777ddd3fcab07cfbb210c" */
  timeEntryId: string;
  /** @example "TIN" */
  name: string;
  /** @example "TIMEENTRY" */
  type: string;
  /** @example "20231211-12345" */
  value: unknown;
}

/** TimeEntryDtoImplV1. */
export class TimeEntryDto {
  /** @example "64c777ddd3fcab07cfbb210c" */
  id: string;
  /** @example "This is a sample time entry description." */
  description: string;
  /** @example ["321r77ddd3fcab07cfbb567y"] */
  tagIds: string[];
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  billable: boolean;
  /** @example "54m377ddd3fcab07cfbb432w" */
  taskId: string | null;
  /** @example "25b687e29ae1f428e7ebe123" */
  projectId: string | null;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
  timeInterval: TimeIntervalDto;
  customFieldValues: TimeEntryCustomFieldValueDto[];
  /** @example "REGULAR" */
  type: 'REGULAR' | 'BREAK' | 'HOLIDAY' | 'TIME_OFF';
  /** @example null */
  kioskId: string | null;
  /** Whether the entry lies before the workspace's lock date (or is approved). */
  isLocked: boolean;
}

/** TimeEntryWithRatesDtoV1: with the rates resolved when the entry was written (cents). */
export class TimeEntryWithRatesDto extends TimeEntryDto {
  hourlyRate: RateDto | null;
  costRate: RateDto | null;
}

/** The project of a hydrated entry. */
export class HydratedProjectDto {
  id: string;
  name: string;
  /** @example "#03A9F4" */
  color: string;
  clientId: string | null;
  clientName: string | null;
  billable: boolean;
  archived: boolean;
  workspaceId: string;
}

/** The task of a hydrated entry. */
export class HydratedTaskDto {
  id: string;
  name: string;
  projectId: string;
  /** @example "ACTIVE" */
  status: string;
  billable: boolean;
}

/** A tag of a hydrated entry. */
export class HydratedTagDto {
  id: string;
  name: string;
  archived: boolean;
  workspaceId: string;
}

/** The user of a hydrated entry. */
export class HydratedUserDto {
  id: string;
  name: string;
  email: string;
}

/** A time entry with `hydrated=true`: the ids plus the project, task, tags and user they name. */
export class HydratedTimeEntryDto extends TimeEntryWithRatesDto {
  project: HydratedProjectDto | null;
  task: HydratedTaskDto | null;
  tags: HydratedTagDto[];
  user: HydratedUserDto | null;
}
