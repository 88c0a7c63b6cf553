import { UserCustomFieldValueDto } from '../../custom-fields/dto/custom-field.dto';
import { MembershipDto } from '../../../common/dto/membership.dto';
import type { AccountStatus } from '../entities/user.entity';
import { RoleDetailsDto } from './role.dto';
import { UserSettingsDto } from './user-settings.dto';

/** UserDtoV1. */
export class UserDto {
  /** @example "5a0ab5acb07987125438b60f" */
  id: string;
  /** @example "johndoe@example.com" */
  email: string;
  /** @example "John Doe" */
  name: string;
  /** @example "https://time.example.com/v1/file/image/image-665f1c0a8e2b4a1d9c3e7f21.png" */
  profilePicture: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  activeWorkspace: string | null;
  /** @example "64a687e29ae1f428e7ebe303" */
  defaultWorkspace: string | null;
  settings: UserSettingsDto;
  /** Account status (a string, as Clockify sends it). @example "ACTIVE" */
  status: AccountStatus;
  /** Values of the user's custom fields in the workspace (the active workspace for /v1/user). */
  customFields: UserCustomFieldValueDto[];
  /** Only when asked for (`include-memberships`, `memberships`); empty otherwise. */
  memberships: MembershipDto[];
  /** Extension: the user's roles in the workspace, only with `include-roles=true`. */
  roles?: RoleDetailsDto[];
}
