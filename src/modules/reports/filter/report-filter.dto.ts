import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';

export const CONTAINS_TYPES = ['CONTAINS', 'DOES_NOT_CONTAIN', 'CONTAINS_ONLY'] as const;
export type ContainsType = (typeof CONTAINS_TYPES)[number];
export const ARCHIVED_STATUSES = ['ACTIVE', 'ARCHIVED', 'ALL'] as const;
export const USER_STATUSES = ['ALL', 'ACTIVE_WITH_PENDING', 'ACTIVE', 'PENDING', 'INACTIVE'] as const;
export const AMOUNT_TYPES = ['EARNED', 'COST', 'PROFIT', 'HIDE_AMOUNT', 'EXPORT'] as const;
export type AmountType = (typeof AMOUNT_TYPES)[number];
export const DATE_RANGE_TYPES = [
  'ABSOLUTE',
  'TODAY',
  'YESTERDAY',
  'THIS_WEEK',
  'LAST_WEEK',
  'PAST_TWO_WEEKS',
  'THIS_MONTH',
  'LAST_MONTH',
  'THIS_YEAR',
  'LAST_YEAR',
] as const;
export type DateRangeType = (typeof DATE_RANGE_TYPES)[number];
export const REPORT_WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type ReportWeekDay = (typeof REPORT_WEEK_DAYS)[number];
export const EXPORT_TYPES = ['JSON', 'JSON_V1', 'PDF', 'CSV', 'XLSX', 'ZIP'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];
export const SORT_ORDERS = ['ASCENDING', 'DESCENDING'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const CUSTOM_FIELD_TYPES = [
  'TXT',
  'NUMBER',
  'DROPDOWN_SINGLE',
  'DROPDOWN_MULTIPLE',
  'CHECKBOX',
  'LINK',
] as const;
export const NUMBER_CONDITIONS = ['EQUAL', 'GREATER_THAN', 'LESS_THAN'] as const;

const MAX_IDS = 5000;
const ID_MESSAGE = { each: true, message: 'ids must be 24-character hex ids' };

/** ContainsArchivedFilterV1: projects, clients (ids) and currency (ids are currency codes here). */
export class ContainsArchivedFilterDto {
  /** @example "CONTAINS" */
  @IsOptional()
  @IsIn(CONTAINS_TYPES)
  contains?: ContainsType;

  /** @example ["5b715448b079875110792222","5b715448b079875110791111"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IDS)
  @IsString({ each: true })
  @MaxLength(24, { each: true })
  ids?: string[];

  /** Keeps, of the given ids, those whose entity has this status. @example "ACTIVE" */
  @IsOptional()
  @IsIn(ARCHIVED_STATUSES)
  status?: (typeof ARCHIVED_STATUSES)[number];
}

/** `contains` and the 24-character hex `ids` of the task and users filters (each adds its own `status`). */
abstract class ContainsIdsFilterDto {
  /** @example "CONTAINS" */
  @IsOptional()
  @IsIn(CONTAINS_TYPES)
  contains?: ContainsType;

  /** @example ["5b715448b079875110792222"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_IDS)
  @Matches(OBJECT_ID_PATTERN, ID_MESSAGE)
  ids?: string[];
}

/** ContainsTaskFilterV1. */
export class ContainsTaskFilterDto extends ContainsIdsFilterDto {
  /** @example "ACTIVE" */
  @IsOptional()
  @IsIn(ARCHIVED_STATUSES)
  status?: (typeof ARCHIVED_STATUSES)[number];
}

/** ContainsTagFilterV1: CONTAINS = any of the tags, DOES_NOT_CONTAIN = none of them, CONTAINS_ONLY = tagged, and only with these tags. */
export class ContainsTagFilterDto extends ContainsTaskFilterDto {
  /** The same as `contains` (kept for clients that send it). @example "CONTAINS_ONLY" */
  @IsOptional()
  @IsIn(CONTAINS_TYPES)
  containedInTimeentry?: ContainsType;
}

/** ContainsUsersFilterV1 (users and userGroups). */
export class ContainsUsersFilterDto extends ContainsIdsFilterDto {
  /** Keeps, of the given users, those whose membership has this status. @example "ACTIVE" */
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: (typeof USER_STATUSES)[number];
}

/** CustomFieldFilterV1: entries whose value of the field matches (or is empty when `isEmpty`). */
export class CustomFieldFilterDto {
  /** @example "5b71544ab0798751107918b3" */
  @Matches(OBJECT_ID_PATTERN, { message: 'customFields.id must be a 24-character hex id' })
  id: string;

  /** @example false */
  @IsOptional()
  @IsBoolean()
  isEmpty?: boolean;

  /** @example "EQUAL" */
  @IsOptional()
  @IsIn(NUMBER_CONDITIONS)
  numberCondition?: (typeof NUMBER_CONDITIONS)[number];

  /** @example "NUMBER" */
  @IsOptional()
  @IsIn(CUSTOM_FIELD_TYPES)
  type?: (typeof CUSTOM_FIELD_TYPES)[number];

  /** Text (contained, case-insensitive), number, boolean, or a list of dropdown values. @example 2000 */
  @IsOptional()
  value?: unknown;
}

/**
 * The body fields every report filter shares (DetailedReportFilterV1,
 * SummaryReportFilterV1, WeeklyReportFilterV1, AttendanceReportFilterV1);
 * the four report DTOs extend it with their own `xxxFilter` object.
 */
export class ReportFilterBaseDto {
  /** Start of the range, inclusive. Without an offset it is read in the report's time zone. @example "2018-11-01T00:00:00" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  dateRangeStart: string;

  /** End of the range, inclusive. Without an offset it is read in the report's time zone. @example "2018-11-30T23:59:59.999" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  dateRangeEnd: string;

  /** A range relative to today (in the report's time zone); ABSOLUTE (default) uses dateRangeStart/End. @example "LAST_MONTH" */
  @IsOptional()
  @IsIn(DATE_RANGE_TYPES)
  dateRangeType?: DateRangeType;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsUsersFilterDto)
  users?: ContainsUsersFilterDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsUsersFilterDto)
  userGroups?: ContainsUsersFilterDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsArchivedFilterDto)
  clients?: ContainsArchivedFilterDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsArchivedFilterDto)
  projects?: ContainsArchivedFilterDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsTaskFilterDto)
  tasks?: ContainsTaskFilterDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsTagFilterDto)
  tags?: ContainsTagFilterDto;

  /** Currency codes in `ids` (e.g. ["USD"]). */
  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsArchivedFilterDto)
  currency?: ContainsArchivedFilterDto;

  /** Only billable (true) or only non-billable (false) entries. @example true */
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  /** Entries whose description contains this text (case-insensitive). @example "some description keyword" */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  description?: string;

  /** If set to 'true', report will only include entries with empty description. @example false */
  @IsOptional()
  @IsBoolean()
  withoutDescription?: boolean;

  /** @example "INVOICED" */
  @IsOptional()
  @IsIn(['INVOICED', 'UNINVOICED', 'ALL'])
  invoicingState?: 'INVOICED' | 'UNINVOICED' | 'ALL';

  /** @example "APPROVED" */
  @IsOptional()
  @IsIn(['APPROVED', 'UNAPPROVED', 'ALL'])
  approvalState?: 'APPROVED' | 'UNAPPROVED' | 'ALL';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CustomFieldFilterDto)
  customFields?: CustomFieldFilterDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CustomFieldFilterDto)
  userCustomFields?: CustomFieldFilterDto[];

  /** Which amount `amount` fields show (default EARNED); HIDE_AMOUNT hides them. @example "EARNED" */
  @IsOptional()
  @IsIn(AMOUNT_TYPES)
  amountShown?: AmountType;

  /** The amount types listed in the totals (default: amountShown). @example ["EARNED","COST","PROFIT"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(AMOUNT_TYPES, { each: true })
  amounts?: AmountType[];

  /** @example false */
  @IsOptional()
  @IsBoolean()
  archived?: boolean;

  /** Round durations as the workspace's rounding setting says (default: the workspace's timeRoundingInReports). @example false */
  @IsOptional()
  @IsBoolean()
  rounding?: boolean;

  /** @example "DESCENDING" */
  @IsOptional()
  @IsIn(SORT_ORDERS)
  sortOrder?: SortOrder;

  /** IANA time zone of days, weeks and months (default: the caller's settings time zone, then UTC). @example "Europe/Belgrade" */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  /** First day of a WEEK bucket (default: the caller's settings weekStart, then MONDAY). @example "MONDAY" */
  @IsOptional()
  @IsIn(REPORT_WEEK_DAYS)
  weekStart?: ReportWeekDay;

  /** @example "JSON" */
  @IsOptional()
  @IsIn(EXPORT_TYPES)
  exportType?: ExportType;

  /** @example "2018-11-01" */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  dateFormat?: string;

  /** @example "T00:00:00" */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  timeFormat?: string;

  /** @example "en" */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  userLocale?: string;

  /** @example "WEEK" */
  @IsOptional()
  @IsIn(['WEEK', 'MONTH', 'YEAR'])
  zoomLevel?: 'WEEK' | 'MONTH' | 'YEAR';
}
