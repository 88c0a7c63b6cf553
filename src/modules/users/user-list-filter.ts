import type { Role } from '../../common/auth/roles';
import type { GetUsersRequestDto, UserSortQueryDto, UsersQueryDto } from './dto/users-query.dto';
import { DEFAULT_ACCOUNT_STATUSES, membershipTypes, type UserListFilter } from './user-list';

// The user-list filter of each request that lists users: the query string, the POST body, a user's managers.

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
  return {
    status: 'ALL',
    accountStatuses: DEFAULT_ACCOUNT_STATUSES,
    managersOf: userId,
    memberships: [],
    includeRoles: false,
    ...sortOf(query),
  };
}
