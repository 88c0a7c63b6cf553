import type { WeekDay } from '../users/user-settings';

/** The workspace settings object of the reference (WorkspaceSettingsDtoV1). */
export interface WorkspaceSettings {
  timeRoundingInReports: boolean;
  onlyAdminsSeeBillableRates: boolean;
  onlyAdminsCreateProject: boolean;
  onlyAdminsSeeDashboard: boolean;
  defaultBillableProjects: boolean;
  lockTimeEntries: string | null;
  lockTimeZone: string | null;
  round: { round: string; minutes: string };
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
  projectGroupingLabel: string;
  adminOnlyPages: ('PROJECT' | 'TEAM' | 'REPORTS')[];
  automaticLock: {
    changeDay: WeekDay;
    dayOfMonth: number;
    firstDay: WeekDay;
    olderThanPeriod: 'DAYS' | 'WEEKS' | 'MONTHS';
    olderThanValue: number;
    type: 'WEEKLY' | 'MONTHLY' | 'OLDER_THAN';
  } | null;
  onlyAdminsCreateTag: boolean;
  onlyAdminsCreateTask: boolean;
  timeTrackingMode: 'DEFAULT' | 'STOPWATCH_ONLY';
  isProjectPublicByDefault: boolean;
  multiFactorEnabled: boolean;
  numberFormat: 'COMMA_PERIOD' | 'PERIOD_COMMA' | 'QUOTATION_MARK_PERIOD' | 'SPACE_COMMA';
  currencyFormat: 'CURRENCY_SPACE_VALUE' | 'VALUE_SPACE_CURRENCY' | 'CURRENCY_VALUE' | 'VALUE_CURRENCY';
  durationFormat: 'FULL' | 'COMPACT' | 'DECIMAL';
  activeBillableHours: boolean;
  onlyAdminsCanChangeBillableStatus: boolean;
  projectLabel: string;
  taskLabel: string;
  workingDays: WeekDay[];
  entityCreationPermissions: {
    whoCanCreateProjectsAndClients: { creators: string[] };
    whoCanCreateTags: { creators: string[] };
    whoCanCreateTasks: { creators: string[] };
  };
}

export function defaultWorkspaceSettings(): WorkspaceSettings {
  return {
    timeRoundingInReports: false,
    onlyAdminsSeeBillableRates: true,
    onlyAdminsCreateProject: true,
    onlyAdminsSeeDashboard: false,
    defaultBillableProjects: true,
    lockTimeEntries: null,
    lockTimeZone: null,
    round: { round: 'Round to nearest', minutes: '15' },
    projectFavorites: true,
    canSeeTimeSheet: false,
    canSeeTracker: true,
    projectPickerSpecialFilter: false,
    forceProjects: false,
    forceTasks: false,
    forceTags: false,
    forceDescription: false,
    onlyAdminsSeeAllTimeEntries: false,
    onlyAdminsSeePublicProjectsEntries: false,
    trackTimeDownToSecond: true,
    projectGroupingLabel: 'client',
    adminOnlyPages: [],
    automaticLock: null,
    onlyAdminsCreateTag: false,
    onlyAdminsCreateTask: false,
    timeTrackingMode: 'DEFAULT',
    isProjectPublicByDefault: true,
    multiFactorEnabled: false,
    numberFormat: 'COMMA_PERIOD',
    currencyFormat: 'CURRENCY_SPACE_VALUE',
    durationFormat: 'FULL',
    activeBillableHours: false,
    onlyAdminsCanChangeBillableStatus: false,
    projectLabel: 'project',
    taskLabel: 'task',
    workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    entityCreationPermissions: {
      whoCanCreateProjectsAndClients: { creators: ['ADMINS'] },
      whoCanCreateTags: { creators: ['ADMINS', 'MEMBERS'] },
      whoCanCreateTasks: { creators: ['ADMINS', 'MEMBERS'] },
    },
  };
}
