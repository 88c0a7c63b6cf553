import type { EntityCreationPermissionsDto, WorkspaceSettingsDto } from './dto/workspace-settings.dto';

/** The workspace settings object of the reference (WorkspaceSettingsDtoV1), stored as jsonb. */
export type WorkspaceSettings = WorkspaceSettingsDto;

type CreationFlags = Pick<
  WorkspaceSettings,
  'onlyAdminsCreateProject' | 'onlyAdminsCreateTag' | 'onlyAdminsCreateTask'
>;

/** The reference's entityCreationPermissions, derived from the onlyAdminsCreate* flags the rules read (never stored apart). */
export function entityCreationPermissions(flags: CreationFlags): EntityCreationPermissionsDto {
  return {
    whoCanCreateProjectsAndClients: flags.onlyAdminsCreateProject ? 'ADMINS' : 'EVERYONE',
    whoCanCreateTags: flags.onlyAdminsCreateTag ? 'ADMINS' : 'EVERYONE',
    whoCanCreateTasks: flags.onlyAdminsCreateTask ? 'ADMINS_AND_PROJECT_MANAGERS' : 'EVERYONE',
  };
}

/** Settings as answered: the stored object with entityCreationPermissions matching its flags. */
export function settingsView(settings: WorkspaceSettings): WorkspaceSettings {
  return { ...settings, entityCreationPermissions: entityCreationPermissions(settings) };
}

export function defaultWorkspaceSettings(): WorkspaceSettings {
  return settingsView({
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
      whoCanCreateProjectsAndClients: 'ADMINS',
      whoCanCreateTags: 'EVERYONE',
      whoCanCreateTasks: 'EVERYONE',
    },
  });
}
