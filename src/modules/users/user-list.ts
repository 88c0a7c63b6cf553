import type { Role } from '../../common/auth/roles';
import type { PageRequest } from '../../common/dto/page-query.dto';
import type { SortOrder } from '../../common/dto/sorted-page-query.dto';
import type { AccountStatus } from './entities/user.entity';

export const SORT_COLUMNS = ['ID', 'EMAIL', 'NAME', 'NAME_LOWERCASE', 'ACCESS', 'HOURLYRATE', 'COSTRATE'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export const MEMBER_STATUS_FILTERS = ['PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE', 'ALL'] as const;
export type MemberStatusFilter = (typeof MEMBER_STATUS_FILTERS)[number];
export const MEMBERSHIP_FILTERS = ['ALL', 'NONE', 'WORKSPACE', 'PROJECT', 'USERGROUP'] as const;
export type MembershipFilter = (typeof MEMBERSHIP_FILTERS)[number];
export const ACCOUNT_STATUSES: readonly AccountStatus[] = [
  'ACTIVE',
  'PENDING_EMAIL_VERIFICATION',
  'DELETED',
  'NOT_REGISTERED',
  'LIMITED',
  'LIMITED_DELETED',
];
/** Without an account-status filter the reference lists only these. */
export const DEFAULT_ACCOUNT_STATUSES: readonly AccountStatus[] = [
  'ACTIVE',
  'PENDING_EMAIL_VERIFICATION',
  'NOT_REGISTERED',
];

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
