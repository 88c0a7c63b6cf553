export const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** The user settings object of the reference (UserSettingsDtoV1). */
export interface UserSettings {
  weekStart: WeekDay;
  timeZone: string;
  timeFormat: 'HOUR12' | 'HOUR24';
  dateFormat: string;
  sendNewsletter: boolean;
  weeklyUpdates: boolean;
  longRunning: boolean;
  scheduledReports: boolean;
  approval: boolean;
  pto: boolean;
  alerts: boolean;
  reminders: boolean;
  timeTrackingManual: boolean;
  summaryReportSettings: { group: string; subgroup: string };
  isCompactViewOn: boolean;
  dashboardSelection: 'ME' | 'TEAM';
  dashboardViewType: 'PROJECT' | 'BILLABILITY';
  dashboardPinToTop: boolean;
  projectListCollapse: number;
  collapseAllProjectLists: boolean;
  groupSimilarEntriesDisabled: boolean;
  myStartOfDay: string;
  projectPickerTaskFilter: boolean;
  lang: string;
  multiFactorEnabled: boolean;
  theme: 'DARK' | 'DEFAULT';
  scheduling: boolean;
  onboarding: boolean;
  showOnlyWorkingDays: boolean;
  invoiceReminders: boolean;
}

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
