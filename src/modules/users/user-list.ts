import type { PageRequest } from '../../common/dto/page-query.dto';
import type { SortOrder } from '../../common/dto/sorted-page-query.dto';
import type { Role } from '../../common/auth/roles';
import type { GetUsersRequestDto, UserSortQueryDto, UsersQueryDto } from './dto/users-query.dto';
import type { AccountStatus } from './entities/user.entity';

export const SORT_COLUMNS = ['ID', 'EMAIL', 'NAME', 'NAME_LOWERCASE', 'ACCESS', 'HOURLYRATE', 'COSTRATE'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export const MEMBER_STATUS_FILTERS = ['PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE', 'ALL'] as const;
export type MemberStatusFilter = (typeof MEMBER_STATUS_FILTERS)[number];
export const MEMBERSHIP_FILTERS = ['ALL', 'NONE', 'WORKSPACE', 'PROJECT', 'USERGROUP'] as const;
export type MembershipFilter = (typeof MEMBERSHIP_FILTERS)[number];
export const ACCOUNT_STATUSES: readonly AccountStatus[] = ['ACTIVE', 'PENDING_EMAIL_VERIFICATION', 'DELETED', 'NOT_REGISTERED', 'LIMITED', 'LIMITED_DELETED'];
/** Without an account-status filter the reference lists only these. */
export const DEFAULT_ACCOUNT_STATUSES: readonly AccountStatus[] = ['ACTIVE', 'PENDING_EMAIL_VERIFICATION', 'NOT_REGISTERED'];

export type MembershipType = 'WORKSPACE' | 'PROJECT' | 'USERGROUP';

/** One filter for every user list of a workspace (GET users, POST users/info, managers). */
export interface UserListFilter {
  email?: string;
  name?: string;
  status: MemberStatusFilter;
  accountStatuses: readonly AccountStatus[];
  projectId?: string;
  roles?: Role[];
  userGroups?: string[];
  /** Only these users (one user's DTO, a user's managers). */
  userIds?: string[];
  /** Only the team managers of this user (directly or through one of the user's groups). */
  managersOf?: string;
  memberships: MembershipType[];
  includeRoles: boolean;
  sortColumn: SortColumn;
  sortOrder: SortOrder;
  page: PageRequest;
}

export function membershipTypes(filter: MembershipFilter | undefined): MembershipType[] {
  switch (filter ?? 'NONE') {
    case 'ALL':
      return ['WORKSPACE', 'PROJECT', 'USERGROUP'];
    case 'NONE':
      return [];
    default:
      return [filter as MembershipType];
  }
}

/** Owners are counted as admins when filtering by role, as the reference says. */
function expandRoles(roles: readonly Role[] | undefined): Role[] | undefined {
  if (!roles?.length) return undefined;
  return roles.includes('WORKSPACE_ADMIN') && !roles.includes('OWNER') ? [...roles, 'OWNER'] : [...roles];
}

function sortOf(query: UserSortQueryDto): Pick<UserListFilter, 'sortColumn' | 'sortOrder' | 'page'> {
  return {
    sortColumn: query['sort-column'] ?? 'EMAIL',
    sortOrder: query['sort-order'] ?? 'ASCENDING',
    page: { page: query.page, pageSize: query['page-size'] },
  };
}

export function filterFromQuery(query: UsersQueryDto): UserListFilter {
  return {
    email: query.email,
    name: query.name,
    status: query.status ?? 'ALL',
    accountStatuses: query['account-statuses']?.length ? query['account-statuses'] : DEFAULT_ACCOUNT_STATUSES,
    projectId: query['project-id'],
    memberships: membershipTypes(query.memberships),
    includeRoles: query['include-roles'] ?? false,
    ...sortOf(query),
  };
}

export function filterFromBody(body: GetUsersRequestDto): UserListFilter {
  return {
    email: body.email,
    name: body.name,
    status: body.status ?? 'ALL',
    accountStatuses: body.accountStatuses?.length ? body.accountStatuses : DEFAULT_ACCOUNT_STATUSES,
    projectId: body.projectId,
    roles: expandRoles(body.roles),
    userGroups: body.userGroups?.length ? body.userGroups : undefined,
    memberships: membershipTypes(body.memberships),
    includeRoles: body.includeRoles ?? false,
    sortColumn: body.sortColumn ?? 'EMAIL',
    sortOrder: body.sortOrder ?? 'ASCENDING',
    page: { page: body.page ?? 1, pageSize: body.pageSize ?? 50 },
  };
}

export function managersFilter(userId: string, query: UserSortQueryDto): UserListFilter {
  return { status: 'ALL', accountStatuses: DEFAULT_ACCOUNT_STATUSES, managersOf: userId, memberships: [], includeRoles: false, ...sortOf(query) };
}
