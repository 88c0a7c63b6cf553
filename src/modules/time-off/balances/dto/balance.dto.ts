import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../../common/dto/page-query.dto';
import { ToInt } from '../../../../common/dto/transforms';
import { OBJECT_ID_PATTERN } from '../../../../common/utils/ids';

export const BALANCE_SORTS = ['USER', 'POLICY', 'USED', 'BALANCE', 'TOTAL'] as const;

/** Query of the balance lists. */
export class BalancesQueryDto extends PageQueryDto {
  /** Page size, 1 to 200. @example 50 */
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(200)
  override 'page-size': number = 50;

  /** @example "USER" */
  @IsOptional()
  @IsIn(BALANCE_SORTS)
  sort?: (typeof BALANCE_SORTS)[number];

  /** @example "ASCENDING" */
  @IsOptional()
  @IsIn(['ASCENDING', 'DESCENDING'])
  'sort-order'?: 'ASCENDING' | 'DESCENDING';
}

/** UpdateBalanceRequestV1: sets the balance of these users in the policy to `value`. */
export class UpdateBalanceDto {
  /** @example ["5b715448b079875110792222"] */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'each value in userIds must be a 24-character hex id' })
  userIds: string[];

  /** The new balance. @example 22 */
  @IsNumber({ maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false })
  @Min(-10000)
  @Max(10000)
  value: number;

  /** @example "Bonus days added." */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  note?: string;
}

/** BalanceDtoV1. */
export class BalanceDto {
  /** @example "5b715448b079875110792222" */
  id: string;
  workspaceId: string;
  policyId: string;
  /** @example "Days" */
  policyName: string;
  policyArchived: boolean;
  /** @example "DAYS" */
  policyTimeUnit: 'DAYS' | 'HOURS';
  userId: string;
  userName: string;
  /** What is left. @example 18 */
  balance: number;
  /** Taken by approved requests. @example 2 */
  used: number;
  /** balance + used. @example 20 */
  total: number;
  /** Whether a limit below zero applies. */
  negativeBalanceLimit: boolean;
  /** How far below zero the balance may go. @example 2 */
  negativeBalanceAmount: number;
}

/** BalancesWithCountDtoV1. */
export class BalancesWithCountDto {
  balances: BalanceDto[];
  count: number;
}
