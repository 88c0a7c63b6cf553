import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ToArray, ToBoolean } from '../../../common/dto/transforms';
import { ROLES, Role } from '../../../common/auth/roles';

/** Body of POST /v1/workspaces (CreateWorkspaceRequestV1). */
export class CreateWorkspaceRequestDto {
  /** @example "Cool Company" */
  @IsString()
  @Length(1, 50)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  /** The Cake organization the workspace belongs to. @example "67d471fb56aa9668b7bfa295" */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  organizationId?: string;
}

/** Query of GET /v1/workspaces. */
export class WorkspacesQueryDto {
  /**
   * Only workspaces where you hold any of these roles (comma-separated or repeated).
   * Owners are not counted as admins when filtering.
   */
  @ApiPropertyOptional({ enum: ROLES, isArray: true, example: ['WORKSPACE_ADMIN', 'OWNER'] })
  @ToArray()
  @IsOptional()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
}

/** Body of POST /v1/workspaces/{workspaceId}/users (AddUserToWorkspaceRequest). */
export class AddUserToWorkspaceRequestDto {
  /** @example "johndoe@example.com" */
  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** Query of POST /v1/workspaces/{workspaceId}/users. */
export class AddUserQueryDto {
  /** Send an invitation email. Accepted for compatibility; this server sends no mail. @example false */
  @ToBoolean()
  @IsOptional()
  @IsBoolean()
  'send-email'?: boolean = false;
}

export const SETTABLE_STATUSES = ['ACTIVE', 'INACTIVE'] as const;

/** Body of PUT /v1/workspaces/{workspaceId}/users/{userId} (UpdateUserStatusRequest). */
export class UpdateUserStatusRequestDto {
  /** @example "ACTIVE" */
  @IsIn(SETTABLE_STATUSES)
  status: (typeof SETTABLE_STATUSES)[number];
}
