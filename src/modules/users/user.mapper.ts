import type { RateDto } from '../../common/dto/rate.dto';
import type { UserCustomFieldValueDto } from '../custom-fields/dto/custom-field.dto';
import type { MembershipDto } from '../workspaces/dto/membership.dto';
import type { Role } from '../../common/auth/roles';
import type { MembershipStatus } from '../workspaces/entities/workspace-member.entity';
import type { RoleDetailsDto } from './dto/role.dto';
import type { UserDto } from './dto/user.dto';
import type { AccountStatus } from './entities/user.entity';
import { defaultUserSettings, UserSettings } from './user-settings';
import type { MembershipType } from './user-list';

/** A `users` row as the list queries select it. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  status: AccountStatus;
  profile_picture: string | null;
  settings: UserSettings;
  default_workspace_id: string | null;
  active_workspace_id: string | null;
}

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

export interface RoleRow {
  workspace_id: string;
  user_id: string;
  role: Role;
  entity_id: string;
  source_type: 'USER_GROUP' | null;
}

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

export interface MembershipRow {
  type: MembershipType;
  user_id: string;
  target_id: string;
  status: MembershipStatus;
  hourly_amount: string | null;
  hourly_currency: string | null;
  cost_amount: string | null;
  cost_currency: string | null;
  show_hourly: boolean;
  show_cost: boolean;
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
