import type { UserSettingsDto } from './dto/user-settings.dto';

/** The user settings object of the reference (UserSettingsDtoV1), stored as jsonb. */
export type UserSettings = UserSettingsDto;

export function defaultUserSettings(): UserSettings {
  return {
    weekStart: 'MONDAY',
    timeZone: 'UTC',
    timeFormat: 'HOUR24',
    dateFormat: 'YYYY-MM-DD',
    sendNewsletter: false,
    weeklyUpdates: false,
    longRunning: false,
    scheduledReports: false,
    approval: false,
    pto: false,
    alerts: false,
    reminders: false,
    timeTrackingManual: false,
    summaryReportSettings: { group: 'PROJECT', subgroup: 'CLIENT' },
    isCompactViewOn: false,
    dashboardSelection: 'ME',
    dashboardViewType: 'PROJECT',
    dashboardPinToTop: false,
    projectListCollapse: 50,
    collapseAllProjectLists: false,
    groupSimilarEntriesDisabled: false,
    myStartOfDay: '09:00',
    projectPickerTaskFilter: false,
    lang: 'en',
    multiFactorEnabled: false,
    theme: 'DEFAULT',
    scheduling: false,
    onboarding: false,
    showOnlyWorkingDays: false,
    invoiceReminders: false,
  };
}
