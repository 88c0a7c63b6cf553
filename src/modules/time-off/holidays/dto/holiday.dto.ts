import { AutomaticTimeEntryCreationDto, EntityIdNameDto } from '../../shared/time-off-shared.dto';

/** DatePeriod: yyyy-MM-dd dates. */
export class DatePeriodDto {
  /** @example "2024-01-01" */
  startDate: string;
  /** @example "2024-01-01" */
  endDate: string;
}

/** HolidayDtoV1. */
export class HolidayDto {
  /** @example "5b715612b079875110791111" */
  id: string;
  /** @example "New Year's Day" */
  name: string;
  workspaceId: string;
  datePeriod: DatePeriodDto;
  occursAnnually: boolean;
  everyoneIncludingNew: boolean;
  /** Whether time entries are created automatically for this holiday. */
  automaticTimeEntryCreation: boolean;
  projectId: string | null;
  taskId: string | null;
  /** @example "#8BC34A" */
  color: string | null;
  userIds: string[];
  userGroupIds: string[];
}

/** HolidayDto: the deleted holiday, with its automatic time entry settings and the names of its users and groups. */
export class DeletedHolidayDto {
  id: string;
  name: string;
  workspaceId: string;
  datePeriod: DatePeriodDto;
  occursAnnually: boolean;
  everyoneIncludingNew: boolean;
  automaticTimeEntryCreation: AutomaticTimeEntryCreationDto;
  color: string | null;
  userIds: string[];
  userGroupIds: string[];
  users: EntityIdNameDto[];
  userGroups: EntityIdNameDto[];
}
