export const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export class SummaryReportSettingsDto {
  /** @example "PROJECT" */
  group: string;
  /** @example "CLIENT" */
  subgroup: string;
}

/** The user settings object of the reference (UserSettingsDtoV1). */
export class UserSettingsDto {
  /** @example "MONDAY" */
  weekStart: WeekDay;
  /** A valid IANA time zone. @example "Europe/Belgrade" */
  timeZone: string;
  /** @example "HOUR24" */
  timeFormat: 'HOUR12' | 'HOUR24';
  /** @example "YYYY-MM-DD" */
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
  summaryReportSettings: SummaryReportSettingsDto;
  isCompactViewOn: boolean;
  /** @example "ME" */
  dashboardSelection: 'ME' | 'TEAM';
  /** @example "PROJECT" */
  dashboardViewType: 'PROJECT' | 'BILLABILITY';
  dashboardPinToTop: boolean;
  /** @example 50 */
  projectListCollapse: number;
  collapseAllProjectLists: boolean;
  groupSimilarEntriesDisabled: boolean;
  /** @example "09:00" */
  myStartOfDay: string;
  projectPickerTaskFilter: boolean;
  /** @example "en" */
  lang: string;
  multiFactorEnabled: boolean;
  /** @example "DEFAULT" */
  theme: 'DARK' | 'DEFAULT';
  scheduling: boolean;
  onboarding: boolean;
  showOnlyWorkingDays: boolean;
  invoiceReminders: boolean;
}
