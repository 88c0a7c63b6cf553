import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { OptionalRatesRequestDto } from '../../../common/dto/rate.dto';
import { IsObjectId } from './validators';

/** UserGroupIdsSchema: the user groups of the request. */
export class UserGroupIdsDto {
  /** @example ["5b715612b079875110791111"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsObjectId({ each: true })
  ids?: string[];

  /** @example "CONTAINS" */
  @IsOptional()
  @IsIn(['CONTAINS', 'DOES_NOT_CONTAIN'])
  contains?: string;

  /** @example "ALL" */
  @IsOptional()
  @IsIn(['ALL', 'ACTIVE', 'INACTIVE'])
  status?: string;
}

/** AddUsersToProjectRequestV1: adds (or with `remove: true` removes) users and user groups. */
export class AddUsersToProjectRequestDto {
  /** @example ["45b687e29ae1f428e7ebe123"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsObjectId({ each: true })
  userIds?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => UserGroupIdsDto)
  userGroups?: UserGroupIdsDto;

  /** true: remove the given users and groups instead of adding them. */
  @IsOptional()
  @IsBoolean()
  remove?: boolean;
}

/** UserIdWithRatesRequest. */
export class UserIdWithRatesRequestDto extends OptionalRatesRequestDto {
  /** @example "12t687e29ae1f428e7ebe202" */
  @IsObjectId()
  userId: string;
}

/** UpdateProjectMembershipsRequest: the project's user members become exactly `memberships` (groups: `userGroups.ids`, when given). */
export class UpdateProjectMembershipsRequestDto {
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => UserIdWithRatesRequestDto)
  memberships: UserIdWithRatesRequestDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => UserGroupIdsDto)
  userGroups?: UserGroupIdsDto;
}
