import type { WorkspaceSettingsDto } from './dto/workspace-settings.dto';

/** The workspace settings object of the reference (WorkspaceSettingsDtoV1), stored as jsonb. */
export type WorkspaceSettings = WorkspaceSettingsDto;

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
