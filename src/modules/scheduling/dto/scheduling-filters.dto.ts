import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/dto/page-query.dto';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';

const CONTAINS = ['CONTAINS', 'DOES_NOT_CONTAIN', 'CONTAINS_ONLY'] as const;
const STATUSES = ['PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE', 'ALL'] as const;
export const STATUS_FILTERS = ['PUBLISHED', 'UNPUBLISHED', 'ALL'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type ContainsType = (typeof CONTAINS)[number];

/** ContainsUserGroupFilterRequestV1. */
export class ContainsUserGroupFilterRequestDto {
  /** Filter type. @example "CONTAINS" */
  @IsOptional()
  @IsIn(CONTAINS)
  contains?: ContainsType;

  /** Represents a list of filter identifiers. @example ["5a0ab5acb07987125438b60f"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'each value in ids must be a 24-character hex id' })
  ids?: string[];

  /** Filters members by membership status (default ACTIVE). @example "ACTIVE" */
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;
}

/** ContainsUsersFilterRequestV1. */
export class ContainsUsersFilterRequestDto extends ContainsUserGroupFilterRequestDto {
  /** Valid authorization source type. @example "USER_GROUP" */
  @IsOptional()
  @IsIn(['USER_GROUP'])
  sourceType?: string;

  /** Valid array of membership statuses. @example ["ACTIVE"] */
  @IsOptional()
  @IsArray()
  @IsIn(STATUSES, { each: true })
  statuses?: string[];
}

/** A period given as two date-times (read as days in the caller's time zone). */
class PeriodBodyDto {
  /** Represents a start date in the yyyy-MM-ddThh:mm:ssZ format. @example 2020-01-01T00:00:00Z */
  @IsISO8601({ strict: true })
  start: string;

  /** Represents an end date in the yyyy-MM-ddThh:mm:ssZ format. @example 2020-01-31T00:00:00Z */
  @IsISO8601({ strict: true })
  end: string;
}

/** PublishAssignmentsRequestV1. */
export class PublishAssignmentsRequestDto extends PeriodBodyDto {
  /** Indicates whether to notify users (accepted; this server sends no mail). @example true */
  @IsOptional()
  @IsBoolean()
  notifyUsers?: boolean;

  /** Represents a search string (user name or email in TEAM view, project or client name in PROJECTS view). */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  search?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsUsersFilterRequestDto)
  userFilter?: ContainsUsersFilterRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsUserGroupFilterRequestDto)
  userGroupFilter?: ContainsUserGroupFilterRequestDto;

  /** Represents view type. @example "PROJECTS" */
  @IsOptional()
  @IsIn(['PROJECTS', 'TEAM', 'ALL'])
  viewType?: 'PROJECTS' | 'TEAM' | 'ALL';
}

/** The paging and status fields of the totals bodies. */
class TotalsBodyDto extends PeriodBodyDto {
  /** Page number. @example 1 */
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  /** Page size (1 to 200). @example 50 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  /** Represents a term for searching. */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  search?: string;

  /** Filters assignments by status (default ALL). @example "PUBLISHED" */
  @IsOptional()
  @IsIn(STATUS_FILTERS)
  statusFilter?: StatusFilter;
}

/** ProjectTotalsRequestV1. */
export class ProjectTotalsRequestDto extends TotalsBodyDto {}

/** GetUserTotalsRequestV1. */
export class GetUserTotalsRequestDto extends TotalsBodyDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsUsersFilterRequestDto)
  userFilter?: ContainsUsersFilterRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContainsUserGroupFilterRequestDto)
  userGroupFilter?: ContainsUserGroupFilterRequestDto;
}

/** `start` and `end` query parameters. */
export class PeriodQueryDto {
  /** Represents a start date in the yyyy-MM-ddThh:mm:ssZ format. @example 2020-01-01T00:00:00Z */
  @IsISO8601({ strict: true })
  start: string;

  /** Represents an end date in the yyyy-MM-ddThh:mm:ssZ format. @example 2020-01-31T00:00:00Z */
  @IsISO8601({ strict: true })
  end: string;
}

/** `start`, `end`, `page`, `page-size`. */
export class PagedPeriodQueryDto extends PageQueryDto {
  /** Represents a start date in the yyyy-MM-ddThh:mm:ssZ format. @example 2020-01-01T00:00:00Z */
  @IsISO8601({ strict: true })
  start: string;

  /** Represents an end date in the yyyy-MM-ddThh:mm:ssZ format. @example 2020-01-31T00:00:00Z */
  @IsISO8601({ strict: true })
  end: string;
}

/** Query of GET assignments/all. */
export class AssignmentsQueryDto extends PagedPeriodQueryDto {
  /** If provided, assignments will be filtered by name (project, client, task or user name, or note). @example Bugfixing */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  name?: string;

  /** Represents the column as the sorting criteria. @example USER */
  @IsOptional()
  @IsIn(['PROJECT', 'USER', 'ID'])
  'sort-column'?: 'PROJECT' | 'USER' | 'ID';

  /** Represents the sorting mode. @example ASCENDING */
  @IsOptional()
  @IsIn(['ASCENDING', 'DESCENDING'])
  'sort-order'?: 'ASCENDING' | 'DESCENDING';
}

/** Query of the deprecated GET projects/totals. */
export class ProjectTotalsQueryDto extends PagedPeriodQueryDto {
  /** Represents term for searching projects and clients by name. @example Project name */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  search?: string;
}
