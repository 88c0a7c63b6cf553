import { ApiProperty } from '@nestjs/swagger';
import type { WeekDay } from '../../users/dto/user-settings.dto';

export class RoundDto {
  /** @example "Round to nearest" */
  round: string;
  /** @example "15" */
  minutes: string;
}

/** Automatic locking of old time entries (AutomaticLockDtoV1). */
export class AutomaticLockDto {
  /** @example "FRIDAY" */
  changeDay: WeekDay;
  /** @example 15 */
  dayOfMonth: number;
  /** @example "MONDAY" */
  firstDay: WeekDay;
  /** @example "DAYS" */
  olderThanPeriod: 'DAYS' | 'WEEKS' | 'MONTHS';
  /** @example 5 */
  olderThanValue: number;
  /** @example "WEEKLY" */
  type: 'WEEKLY' | 'MONTHLY' | 'OLDER_THAN';
}

export const ENTITY_CREATORS = ['ADMINS', 'ADMINS_AND_PROJECT_MANAGERS', 'EVERYONE'] as const;
export type EntityCreators = (typeof ENTITY_CREATORS)[number];

/** EntityCreationPermissionsDtoV1: who may create each kind of entity, as the onlyAdminsCreate* flags say. */
export class EntityCreationPermissionsDto {
  /** `ADMINS` while onlyAdminsCreateProject, else `EVERYONE`. */
  @ApiProperty({ enum: ENTITY_CREATORS, example: 'ADMINS' })
  whoCanCreateProjectsAndClients: EntityCreators;
  /** `ADMINS` while onlyAdminsCreateTag, else `EVERYONE`. */
  @ApiProperty({ enum: ENTITY_CREATORS, example: 'EVERYONE' })
  whoCanCreateTags: EntityCreators;
  /** `ADMINS_AND_PROJECT_MANAGERS` while onlyAdminsCreateTask (a project's managers always may), else `EVERYONE`. */
  @ApiProperty({ enum: ENTITY_CREATORS, example: 'EVERYONE' })
  whoCanCreateTasks: EntityCreators;
}

/** The workspace settings object of the reference (WorkspaceSettingsDtoV1). */
export class WorkspaceSettingsDto {
  timeRoundingInReports: boolean;
  onlyAdminsSeeBillableRates: boolean;
  onlyAdminsCreateProject: boolean;
  onlyAdminsSeeDashboard: boolean;
  defaultBillableProjects: boolean;
  /** Time entries before this instant are locked. @example "2024-02-25T23:00:00Z" */
  lockTimeEntries: string | null;
  /** @example "Europe/Belgrade" */
  lockTimeZone: string | null;
  round: RoundDto;
  projectFavorites: boolean;
  canSeeTimeSheet: boolean;
  canSeeTracker: boolean;
  projectPickerSpecialFilter: boolean;
  forceProjects: boolean;
  forceTasks: boolean;
  forceTags: boolean;
  forceDescription: boolean;
  onlyAdminsSeeAllTimeEntries: boolean;
  onlyAdminsSeePublicProjectsEntries: boolean;
  trackTimeDownToSecond: boolean;
  /** @example "client" */
  projectGroupingLabel: string;
  /** @example ["PROJECT","TEAM","REPORTS"] */
  adminOnlyPages: ('PROJECT' | 'TEAM' | 'REPORTS')[];
  automaticLock: AutomaticLockDto | null;
  onlyAdminsCreateTag: boolean;
  onlyAdminsCreateTask: boolean;
  /** @example "DEFAULT" */
  timeTrackingMode: 'DEFAULT' | 'STOPWATCH_ONLY';
  isProjectPublicByDefault: boolean;
  multiFactorEnabled: boolean;
  /** @example "COMMA_PERIOD" */
  numberFormat: 'COMMA_PERIOD' | 'PERIOD_COMMA' | 'QUOTATION_MARK_PERIOD' | 'SPACE_COMMA';
  /** @example "CURRENCY_SPACE_VALUE" */
  currencyFormat: 'CURRENCY_SPACE_VALUE' | 'VALUE_SPACE_CURRENCY' | 'CURRENCY_VALUE' | 'VALUE_CURRENCY';
  /** @example "FULL" */
  durationFormat: 'FULL' | 'COMPACT' | 'DECIMAL';
  activeBillableHours: boolean;
  onlyAdminsCanChangeBillableStatus: boolean;
  /** @example "project" */
  projectLabel: string;
  /** @example "task" */
  taskLabel: string;
  /** @example ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"] */
  workingDays: WeekDay[];
  entityCreationPermissions: EntityCreationPermissionsDto;
}
