import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { Trim } from '../../../../common/dto/trim';
import { OBJECT_ID_PATTERN } from '../../../../common/utils/ids';

/** Every type the reference lists; the ones this server can run are RUNNABLE_SHARED_REPORT_TYPES. */
export const SHARED_REPORT_TYPES = [
  'DETAILED',
  'WEEKLY',
  'SUMMARY',
  'SCHEDULED',
  'EXPENSE_DETAILED',
  'EXPENSE_RECEIPT',
  'PTO_REQUESTS',
  'PTO_BALANCE',
  'ATTENDANCE',
  'INVOICE_EXPENSE',
  'INVOICE_TIME',
  'PROJECT',
  'TEAM_FULL',
  'TEAM_LIMITED',
  'TEAM_GROUPS',
  'INVOICES',
  'KIOSK_PIN_LIST',
  'KIOSK_ASSIGNEES',
  'USER_DATA_EXPORT',
] as const;
export type SharedReportType = (typeof SHARED_REPORT_TYPES)[number];
export const RUNNABLE_SHARED_REPORT_TYPES = ['DETAILED', 'SUMMARY', 'WEEKLY', 'ATTENDANCE'] as const;
export type RunnableSharedReportType = (typeof RUNNABLE_SHARED_REPORT_TYPES)[number];

export const SHARED_REPORTS_FILTERS = ['ALL', 'CREATED_BY_ME', 'SHARED_WITH_ME'] as const;

/** UpdateSharedReportRequestV1: the name, who sees it and whether its date range is fixed (the filter stays). */
export class UpdateSharedReportDto {
  /** The shared report's name. @example "Weekly Updated Report" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(250)
  name: string;

  /** true: the saved dateRangeStart/End; false: the saved dateRangeType (e.g. LAST_MONTH) rolls with today. */
  @IsOptional()
  @IsBoolean()
  fixedDate?: boolean;

  /** true: anyone with the link reads it without credentials. */
  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;

  /** User group ids that may read a private report. @example ["5b715448b079875110792222"] */
  @IsOptional()
  @IsArray()
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'visibleToUserGroups must be 24-character hex ids' })
  visibleToUserGroups?: string[];

  /** User ids that may read a private report. @example ["5b715448b079875110791234"] */
  @IsOptional()
  @IsArray()
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'visibleToUsers must be 24-character hex ids' })
  visibleToUsers?: string[];
}

/** SharedReportRequestV1: a name, a report type and the report filter body (as POST reports/{type} takes it). */
export class CreateSharedReportDto extends UpdateSharedReportDto {
  /** The report type. @example "WEEKLY" */
  @IsIn(SHARED_REPORT_TYPES)
  type: SharedReportType;

  /** The report filter (ReportFilterV1), validated as the body of the report of `type`. */
  @IsObject()
  filter: Record<string, unknown>;
}
