import { PickType } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../common/dto/page-query.dto';
import { SORT_ORDERS, SortedPageQueryDto, type SortOrder } from '../../../common/dto/sorted-page-query.dto';
import { ToArray, ToBoolean } from '../../../common/dto/transforms';
import { ACCOUNT_STATUSES, MEMBERSHIP_FILTERS, MEMBER_STATUS_FILTERS, SORT_COLUMNS } from '../user-list';
import type { AccountStatus } from '../entities/user.entity';
import type { MembershipFilter, MemberStatusFilter, SortColumn } from '../user-list';

const ID = /^[0-9a-f]{24}$/;
const ID_MESSAGE = '$property must be a 24-character hex id';
const FILTER_ROLES = ['WORKSPACE_ADMIN', 'OWNER', 'TEAM_MANAGER', 'PROJECT_MANAGER'] as const;

/** Sorting of user lists (`sort-column`, `sort-order`) with paging. */
export class UserSortQueryDto extends SortedPageQueryDto {
  /** Default EMAIL. Rates sort only for callers who may see rates. @example "EMAIL" */
  @IsOptional()
  @IsIn(SORT_COLUMNS)
  'sort-column'?: SortColumn;
}

/** Query of GET /v1/workspaces/{workspaceId}/users. */
export class UsersQueryDto extends UserSortQueryDto {
  /** Users whose email contains this text (case-insensitive). @example "@example.com" */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  email?: string;

  /** Users whose name contains this text (case-insensitive). @example "John" */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  name?: string;

  /** Users with access to this project (members directly or through a group; everyone for a public project). @example "21a687e29ae1f428e7ebe606" */
  @IsOptional()
  @Matches(ID, { message: ID_MESSAGE })
  'project-id'?: string;

  /** Membership status in this workspace; default ALL. @example "ACTIVE" */
  @IsOptional()
  @IsIn(MEMBER_STATUS_FILTERS)
  status?: MemberStatusFilter;

  /** Comma-separated account statuses; default ACTIVE, PENDING_EMAIL_VERIFICATION, NOT_REGISTERED. @example "ACTIVE,LIMITED" */
  @IsOptional()
  @ToArray()
  @IsIn(ACCOUNT_STATUSES, { each: true })
  'account-statuses'?: AccountStatus[];

  /** Which memberships to include in each user; default NONE. @example "WORKSPACE" */
  @IsOptional()
  @IsIn(MEMBERSHIP_FILTERS)
  memberships?: MembershipFilter;

  /** Include each user's roles (extension field `roles`); default false. @example false */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'include-roles'?: boolean;
}

/** Body of POST /v1/workspaces/{workspaceId}/users/info (GetUsersRequestV1): the filters of the query above, in camelCase. */
export class GetUsersRequestDto extends PickType(UsersQueryDto, ['email', 'name', 'status', 'memberships'] as const) {
  /** @example ["ACTIVE", "LIMITED"] */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ACCOUNT_STATUSES, { each: true })
  accountStatuses?: AccountStatus[];

  /** @example "21a687e29ae1f428e7ebe606" */
  @IsOptional()
  @Matches(ID, { message: ID_MESSAGE })
  projectId?: string;

  @IsOptional()
  @IsBoolean()
  includeRoles?: boolean;

  /** Users holding any of these roles; owners count as admins. @example ["WORKSPACE_ADMIN"] */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(FILTER_ROLES, { each: true })
  roles?: (typeof FILTER_ROLES)[number][];

  /** Users in any of these user groups. @example ["5a0ab5acb07987125438b60f"] */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(ID, { each: true, message: 'userGroups must hold 24-character hex ids' })
  userGroups?: string[];

  /** @example "EMAIL" */
  @IsOptional()
  @IsIn(SORT_COLUMNS)
  sortColumn?: SortColumn;

  /** @example "ASCENDING" */
  @IsOptional()
  @IsIn(SORT_ORDERS)
  sortOrder?: SortOrder;

  /** @example 1 */
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  /** @example 50 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
