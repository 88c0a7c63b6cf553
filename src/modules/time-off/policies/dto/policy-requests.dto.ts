import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { PageQueryDto } from '../../../../common/dto/page-query.dto';
import { ToInt } from '../../../../common/dto/transforms';
import { Trim } from '../../../../common/dto/trim';
import { OBJECT_ID_PATTERN } from '../../../../common/utils/ids';
import {
  AutomaticTimeEntryCreationRequestDto,
  COLOR_PATTERN,
  IdsFilterRequestDto,
} from '../../shared/time-off-shared.dto';
import { AcceptsReadOnlyFieldsOf } from '../../../../common/dto/read-only-fields';
import { PolicyDto } from './policy.dto';

export const TIME_UNITS = ['DAYS', 'HOURS'] as const;
export const PERIODS = ['MONTH', 'YEAR'] as const;
export const ICONS = [
  'UMBRELLA',
  'SNOWFLAKE',
  'FAMILY',
  'PLANE',
  'STETHOSCOPE',
  'HEALTH_METRICS',
  'CHILDCARE',
  'LUGGAGE',
  'MONETIZATION',
  'CALENDAR',
] as const;

/** PolicyApprovalDto: who approves requests of the policy. */
export class PolicyApprovalDto {
  /** Whether requests need approval (otherwise they are approved when made). @example true */
  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;

  /** Whether the members in userIds approve. @example false */
  @IsOptional()
  @IsBoolean()
  specificMembers?: boolean;

  /** Whether the requester's team managers approve. @example false */
  @IsOptional()
  @IsBoolean()
  teamManagers?: boolean;

  /** The approving members when specificMembers is set. @example ["6579d126c2fe3b25f20ea001"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'each value in userIds must be a 24-character hex id' })
  userIds?: string[];
}

/** AutomaticAccrualRequest. */
export class AutomaticAccrualRequestDto {
  /** @example 2 */
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0)
  @Max(10000)
  amount: number;

  /** @example "MONTH" */
  @IsOptional()
  @IsIn(PERIODS)
  period?: (typeof PERIODS)[number];

  /** @example "DAYS" */
  @IsOptional()
  @IsIn(TIME_UNITS)
  timeUnit?: (typeof TIME_UNITS)[number];
}

/** NegativeBalanceRequest: how far below zero a balance may go. */
export class NegativeBalanceRequestDto {
  /** @example 2 */
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0)
  @Max(10000)
  amount: number;

  @IsOptional()
  @IsBoolean()
  amountValidForTimeUnit?: boolean;

  /** @example "MONTH" */
  @IsOptional()
  @IsIn(PERIODS)
  period?: (typeof PERIODS)[number];

  /** @example true */
  @IsOptional()
  @IsBoolean()
  shouldReset?: boolean;

  /** @example "DAYS" */
  @IsOptional()
  @IsIn(TIME_UNITS)
  timeUnit?: (typeof TIME_UNITS)[number];
}

/**
 * The nested settings a policy's create and update bodies share, alike in both (each body's own fields, of which the
 * update requires more, are declared in it).
 */
abstract class PolicySettingsRequestDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => AutomaticAccrualRequestDto)
  automaticAccrual?: AutomaticAccrualRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => AutomaticTimeEntryCreationRequestDto)
  automaticTimeEntryCreation?: AutomaticTimeEntryCreationRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => NegativeBalanceRequestDto)
  negativeBalance?: NegativeBalanceRequestDto;
}

/** CreatePolicyRequestV1. */
@AcceptsReadOnlyFieldsOf(PolicyDto)
export class CreatePolicyDto extends PolicySettingsRequestDto {
  /** @example "Mental health days" */
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @IsObject()
  @ValidateNested()
  @Type(() => PolicyApprovalDto)
  approve: PolicyApprovalDto;

  @IsOptional()
  @IsBoolean()
  allowHalfDay?: boolean;

  @IsOptional()
  @IsBoolean()
  allowNegativeBalance?: boolean;

  @IsOptional()
  @IsBoolean()
  archived?: boolean;

  /** @example "#8BC34A" */
  @IsOptional()
  @IsString()
  @Matches(COLOR_PATTERN, { message: 'color must be a #RRGGBB color' })
  color?: string;

  @IsOptional()
  @IsBoolean()
  everyoneIncludingNew?: boolean;

  @IsOptional()
  @IsBoolean()
  hasExpiration?: boolean;

  /** @example "UMBRELLA" */
  @IsOptional()
  @IsIn(ICONS)
  icon?: (typeof ICONS)[number];

  /** @example "DAYS" */
  @IsOptional()
  @IsIn(TIME_UNITS)
  timeUnit?: (typeof TIME_UNITS)[number];

  @IsOptional()
  @ValidateNested()
  @Type(() => IdsFilterRequestDto)
  userGroups?: IdsFilterRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => IdsFilterRequestDto)
  users?: IdsFilterRequestDto;
}

/** UpdatePolicyRequestV1 (the time unit of a policy does not change). */
@AcceptsReadOnlyFieldsOf(PolicyDto)
export class UpdatePolicyDto extends PolicySettingsRequestDto {
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @IsObject()
  @ValidateNested()
  @Type(() => PolicyApprovalDto)
  approve: PolicyApprovalDto;

  @IsBoolean()
  allowHalfDay: boolean;

  @IsBoolean()
  allowNegativeBalance: boolean;

  @IsBoolean()
  archived: boolean;

  @IsBoolean()
  everyoneIncludingNew: boolean;

  @IsBoolean()
  hasExpiration: boolean;

  @IsObject()
  @ValidateNested()
  @Type(() => IdsFilterRequestDto)
  userGroups: IdsFilterRequestDto;

  @IsObject()
  @ValidateNested()
  @Type(() => IdsFilterRequestDto)
  users: IdsFilterRequestDto;

  @IsOptional()
  @IsString()
  @Matches(COLOR_PATTERN, { message: 'color must be a #RRGGBB color' })
  color?: string;

  @IsOptional()
  @IsIn(ICONS)
  icon?: (typeof ICONS)[number];
}

/** ChangePolicyStatusRequestV1. */
export class ChangePolicyStatusDto {
  /** ACTIVE restores, ARCHIVED archives. @example "ARCHIVED" */
  @IsIn(['ACTIVE', 'ARCHIVED', 'ALL'])
  status: 'ACTIVE' | 'ARCHIVED' | 'ALL';
}

/** Query of GET /time-off/policies. */
export class PoliciesQueryDto extends PageQueryDto {
  /** Page size, 1 to 200. @example 50 */
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(200)
  override 'page-size': number = 50;

  /** Policies whose name contains this text. @example "Days" */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  /** @example "ACTIVE" */
  @IsOptional()
  @IsIn(['ACTIVE', 'ARCHIVED', 'ALL'])
  status?: 'ACTIVE' | 'ARCHIVED' | 'ALL';

  /** @example "NAME" */
  @IsOptional()
  @IsIn(['DEFAULT_SORT', 'NAME'])
  'sort-column'?: string;

  /** @example "ASCENDING" */
  @IsOptional()
  @IsIn(['ASCENDING', 'DESCENDING'])
  'sort-order'?: 'ASCENDING' | 'DESCENDING';
}
