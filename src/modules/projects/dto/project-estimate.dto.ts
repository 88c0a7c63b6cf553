import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  ESTIMATE_TYPES,
  MONTHS,
  RESET_OPTIONS,
  WEEK_DAYS,
  type EstimateType,
  type ResetOption,
} from '../entities/project.entity';
import { IsIsoDuration } from './validators';

/** TimeEstimateRequest; absent fields keep their value. */
export class TimeEstimateRequestDto {
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** @example "PT10H" */
  @IsOptional()
  @IsIsoDuration()
  estimate?: string;

  @IsOptional()
  @IsBoolean()
  includeNonBillable?: boolean;

  /** null: no recurring reset. @example "MONTHLY" */
  @IsOptional()
  @IsIn(RESET_OPTIONS)
  resetOption?: ResetOption | null;

  /** @example "MANUAL" */
  @IsOptional()
  @IsIn(ESTIMATE_TYPES)
  type?: EstimateType;
}

/** EstimateWithOptionsRequest (budget, cents); absent fields keep their value. */
export class BudgetEstimateRequestDto {
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Cents. @example 10000 */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  estimate?: number;

  @IsOptional()
  @IsBoolean()
  includeExpenses?: boolean;

  /** @example "MONTHLY" */
  @IsOptional()
  @IsIn(RESET_OPTIONS)
  resetOption?: ResetOption | null;

  /** @example "MANUAL" */
  @IsOptional()
  @IsIn(ESTIMATE_TYPES)
  type?: EstimateType;
}

/** EstimateResetRequest; `active`/`isActive` false removes the reset. */
export class EstimateResetRequestDto {
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  /** @example 20 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  dayOfMonth?: number;

  /** @example "MONDAY" */
  @IsOptional()
  @IsIn(WEEK_DAYS)
  dayOfWeek?: (typeof WEEK_DAYS)[number];

  /** @example 15 */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number;

  /** @example "MONTHLY" */
  @IsOptional()
  @IsIn(RESET_OPTIONS)
  interval?: ResetOption;

  /** @example "FEBRUARY" */
  @IsOptional()
  @IsIn(MONTHS)
  month?: (typeof MONTHS)[number];
}

/** ProjectEstimateRequest: body of PATCH projects/{id}/estimate. */
export class ProjectEstimateRequestDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeEstimateRequestDto)
  timeEstimate?: TimeEstimateRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => BudgetEstimateRequestDto)
  budgetEstimate?: BudgetEstimateRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => EstimateResetRequestDto)
  estimateReset?: EstimateResetRequestDto;
}
