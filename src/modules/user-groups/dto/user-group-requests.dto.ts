import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../../common/dto/trim';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { UserGroupDto } from './user-group.dto';

/** UserGroupRequest. */
@AcceptsReadOnlyFieldsOf(UserGroupDto)
export class CreateUserGroupDto {
  /** Group name, unique in the workspace (case-insensitively). @example "development_team" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}

/** UpdateUserGroupRequest. */
@AcceptsReadOnlyFieldsOf(UserGroupDto)
export class UpdateUserGroupDto extends CreateUserGroupDto {}

/** UserGroupUserRequest. */
export class UserGroupUserDto {
  /** A member of the workspace. @example "5a0ab5acb07987125438b60f" */
  @IsString()
  @Matches(OBJECT_ID_PATTERN, { message: 'userId must be a 24-character hex id' })
  userId: string;
}
