import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../../common/dto/trim';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { ExpenseCategoryDto } from './expense-category.dto';

/** ExpenseCategoryV1Request. */
@AcceptsReadOnlyFieldsOf(ExpenseCategoryDto)
export class ExpenseCategoryRequestDto {
  /** Unique in the workspace (case-insensitively). @example "Procurement" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(250)
  name: string;

  /** Expenses of this category are a quantity × `priceInCents` (their `amount` is the quantity). */
  @IsOptional()
  @IsBoolean()
  hasUnitPrice?: boolean;

  /** Unit price in cents; required when hasUnitPrice is true. @example 1000 */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2147483647)
  priceInCents?: number;

  /** @example "piece" */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  unit?: string;
}

/** ExpenseCategoryArchiveV1Request. */
export class ExpenseCategoryArchiveRequestDto {
  /** true archives the category, false restores it. */
  @IsBoolean()
  archived: boolean;
}
