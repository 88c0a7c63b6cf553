import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInt } from '../../../../common/dto/transforms';
import { SHARED_REPORTS_FILTERS } from './shared-report-requests.dto';

/** SharedReportV1: a saved report as created or updated. */
export class SharedReportDto {
  /** @example "5b715612b079875110791111" */
  id: string;
  /** @example "5b715612b079875110791112" */
  workspaceId: string;
  /** The author. @example "5b715612b079875110791113" */
  userId: string;
  /** @example "Weekly 1" */
  name: string;
  /** @example "WEEKLY" */
  type: string;
  /** The report filter as saved. */
  filter: Record<string, unknown>;
  isPublic: boolean;
  fixedDate: boolean;
  visibleToUsers: string[];
  visibleToUserGroups: string[];
}

/** EntityName. */
export class EntityNameDto {
  id: string;
  name: string;
}

/** SharedReportDtoV1: one row of the list. */
export class SharedReportListItemDto {
  id: string;
  name: string;
  type: string;
  isPublic: boolean;
  fixedDate: boolean;
  /** Where the report is read: GET /v1/shared-reports/{id}. */
  link: string;
  /** The author's user id. */
  reportAuthor: string;
  visibleToUsers: EntityNameDto[];
  visibleToUserGroups: EntityNameDto[];
}

/** SharedReportsAndCountDtoV1. */
export class SharedReportsAndCountDto {
  /** How many reports match (all pages). @example 2 */
  count: number;
  reports: SharedReportListItemDto[];
}

/** Query of GET shared-reports (the reference names these `page`, `pageSize`, `sharedReportsFilter`). */
export class SharedReportsQueryDto {
  /** @example 1 */
  @ToInt()
  @IsInt()
  @Min(1)
  page: number = 1;

  /** @example 50 */
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize: number = 50;

  /** ALL (mine and shared with me), CREATED_BY_ME or SHARED_WITH_ME. */
  @IsOptional()
  @IsIn(SHARED_REPORTS_FILTERS)
  sharedReportsFilter: (typeof SHARED_REPORTS_FILTERS)[number] = 'ALL';
}

export const SHARED_EXPORT_TYPES = ['JSON', 'JSON_V1', 'CSV', 'XLSX', 'PDF'] as const;

/** Query of the public GET /v1/shared-reports/{id}: overrides of the saved filter. */
export class SharedReportRunQueryDto {
  /** Overrides the saved range start. @example "2024-01-01T00:00:00" */
  @IsOptional()
  dateRangeStart?: string;

  /** Overrides the saved range end. @example "2024-01-31T23:59:59.999" */
  @IsOptional()
  dateRangeEnd?: string;

  /** @example "DESCENDING" */
  @IsOptional()
  @IsIn(['ASCENDING', 'DESCENDING'])
  sortOrder?: string;

  /** Overrides the saved sort column (detailed: DATE, USER, ...; summary: GROUP, DURATION, ...). */
  @IsOptional()
  sortColumn?: string;

  /** JSON (default) or CSV, XLSX, PDF. */
  @IsOptional()
  @IsIn(SHARED_EXPORT_TYPES)
  exportType?: (typeof SHARED_EXPORT_TYPES)[number];

  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize?: number;
}
