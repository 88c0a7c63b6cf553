import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CustomFieldDto } from '../../custom-fields/dto/custom-field.dto';
import { WEEK_DAYS, WeekDay } from './user-settings.dto';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';

/** UserCustomFieldValueFullDtoV1. */
export class UserCustomFieldValueFullDto {
  /** @example "5e4117fe8c625f38930d57b7" */
  customFieldId: string;
  customField: CustomFieldDto;
  /** @example "location" */
  name: string;
  /** @example "DROPDOWN_SINGLE" */
  type: string;
  /** USER when the user's own value, WORKSPACE when the workspace default applies. @example "USER" */
  sourceType: 'WORKSPACE' | 'USER';
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  /** @example "London" */
  value: unknown;
}

/** MemberProfileDtoV1. */
export class MemberProfileDto {
  /** @example "johndoe@example.com" */
  email: string;
  /** @example "John Doe" */
  name: string;
  /** @example "https://time.example.com/v1/file/image/image-665f1c0a8e2b4a1d9c3e7f21.png" */
  imageUrl: string;
  /** This server has no passwords: always false. */
  hasPassword: boolean;
  hasPendingApprovalRequest: boolean;
  /** @example "MONDAY" */
  weekStart: WeekDay;
  /** Daily work capacity, ISO-8601 duration. @example "PT8H" */
  workCapacity: string;
  /** @example ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"] */
  workingDays: WeekDay[];
  /** Number of workspaces the user is an active member of. @example 1 */
  workspaceNumber: number;
  userCustomFieldValues: UserCustomFieldValueFullDto[];
}

/** UpsertUserCustomFieldRequest. */
export class UpsertUserCustomFieldRequestDto {
  /** @example "5e4117fe8c625f38930d57b7" */
  @Matches(/^[0-9a-f]{24}$/, { message: 'customFieldId must be a 24-character hex id' })
  customFieldId: string;

  /** As the field's type: text, number, boolean or a list; null clears the value. @example "20231211-12345" */
  @Allow()
  @IsOptional()
  value?: unknown;
}

/** Body of PATCH member-profile/{userId} (MemberProfileFullRequestV1). */
@AcceptsReadOnlyFieldsOf(MemberProfileDto)
export class MemberProfileRequestDto {
  /** @example "John Doe" */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  /** @example "https://time.example.com/v1/file/image/image-665f1c0a8e2b4a1d9c3e7f21.png" */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  imageUrl?: string;

  @IsOptional()
  @IsBoolean()
  removeProfileImage?: boolean;

  /** @example "MONDAY" */
  @IsOptional()
  @IsIn(WEEK_DAYS)
  weekStart?: WeekDay;

  /** Daily work capacity, ISO-8601 duration up to PT24H. @example "PT7H" */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  workCapacity?: string;

  /** @example ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"] */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(7)
  @IsIn(WEEK_DAYS, { each: true })
  workingDays?: WeekDay[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => UpsertUserCustomFieldRequestDto)
  userCustomFields?: UpsertUserCustomFieldRequestDto[];
}
