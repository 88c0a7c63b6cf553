import { IsIn, IsOptional, Matches } from 'class-validator';

export const GRANTABLE_ROLES = ['WORKSPACE_ADMIN', 'TEAM_MANAGER', 'PROJECT_MANAGER'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** Body of POST/DELETE users/{userId}/roles (RoleRequestV1). */
export class RoleRequestDto {
  /**
   * What the role is over: this workspace (WORKSPACE_ADMIN), a member user or,
   * with `sourceType` USER_GROUP, a user group (TEAM_MANAGER), a project (PROJECT_MANAGER).
   * @example "60f924bafdaf031696ec6218"
   */
  @Matches(/^[0-9a-f]{24}$/, { message: 'entityId must be a 24-character hex id' })
  entityId: string;

  /** @example "TEAM_MANAGER" */
  @IsIn(GRANTABLE_ROLES)
  role: GrantableRole;

  /** Set to USER_GROUP when a TEAM_MANAGER role is over a user group (entityId is then the group's id). @example "USER_GROUP" */
  @IsOptional()
  @IsIn(['USER_GROUP'])
  sourceType?: 'USER_GROUP';
}

export class AuthorizationSourceDto {
  /** The user group the role comes with. @example "5b715612b079875110791234" */
  id: string;
  /** @example "USER_GROUP" */
  type: 'USER_GROUP';
}

/** RoleDtoV1: `id` is the entity the role is over (workspace, user, user group or project). */
export class RoleDto {
  /** @example "60f91b3ffdaf031696ec61a8" */
  id: string;
  /** Readable role name: "Owner", "Workspace admin", "Team manager" or "Project manager". @example "Team manager" */
  name: string;
  source: AuthorizationSourceDto | null;
}

/** RoleDetailsDtoV1. */
export class RoleDetailsDto {
  role: RoleDto;
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}
