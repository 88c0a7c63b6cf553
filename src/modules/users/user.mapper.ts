import type { RateDto } from '../../common/dto/rate.dto';
import type { UserCustomFieldValueDto } from '../custom-fields/dto/custom-field.dto';
import type { MembershipDto } from '../../common/dto/membership.dto';
import type { Role } from '../../common/auth/roles';
import type { RoleDetailsDto } from './dto/role.dto';
import type { UserDto } from './dto/user.dto';
import { defaultUserSettings } from './user-settings';
import type { MembershipRow, RoleRow } from './user-details.store';
import type { UserRow } from './users.store';

export interface UserExtras {
  memberships?: MembershipDto[];
  customFields?: UserCustomFieldValueDto[];
  roles?: RoleDetailsDto[];
}

export function toUserDto(row: UserRow, extras: UserExtras = {}): UserDto {
  const dto: UserDto = {
    id: row.id,
    email: row.email,
    name: row.name,
    profilePicture: row.profile_picture ?? '',
    activeWorkspace: row.active_workspace_id,
    defaultWorkspace: row.default_workspace_id,
    // Stored settings written before a field existed still answer with every field.
    settings: { ...defaultUserSettings(), ...row.settings },
    status: row.status,
    customFields: extras.customFields ?? [],
    memberships: extras.memberships ?? [],
  };
  if (extras.roles) dto.roles = extras.roles;
  return dto;
}

export const ROLE_NAMES: Record<Role, string> = {
  OWNER: 'Owner',
  WORKSPACE_ADMIN: 'Workspace admin',
  TEAM_MANAGER: 'Team manager',
  PROJECT_MANAGER: 'Project manager',
};

export function toRoleDetailsDto(row: RoleRow): RoleDetailsDto {
  return {
    role: {
      id: row.entity_id,
      name: ROLE_NAMES[row.role],
      source: row.source_type ? { id: row.entity_id, type: row.source_type } : null,
    },
    userId: row.user_id,
    workspaceId: row.workspace_id,
  };
}

const rate = (amount: string | null, currency: string | null, visible: boolean): RateDto | null =>
  visible && amount !== null && currency !== null ? { amount: Number(amount), currency } : null;

export function toMembershipDto(row: MembershipRow): MembershipDto {
  return {
    userId: row.user_id,
    hourlyRate: rate(row.hourly_amount, row.hourly_currency, row.show_hourly),
    costRate: rate(row.cost_amount, row.cost_currency, row.show_cost),
    targetId: row.target_id,
    membershipType: row.type,
    membershipStatus: row.status,
  };
}

/** Groups rows by user id, keeping their order. */
export function groupBy<T, U>(rows: T[], key: (row: T) => string, map: (row: T) => U): Map<string, U[]> {
  const groups = new Map<string, U[]>();
  for (const row of rows) {
    const list = groups.get(key(row)) ?? [];
    list.push(map(row));
    groups.set(key(row), list);
  }
  return groups;
}
