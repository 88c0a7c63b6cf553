import { IsBoolean, IsOptional } from 'class-validator';
import { ToBoolean } from '../../../common/dto/transforms';

/** Query of GET /v1/user. */
export class CurrentUserQueryDto {
  /** Include the user's memberships (workspaces, projects, user groups). @example true */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  'include-memberships'?: boolean;
}
