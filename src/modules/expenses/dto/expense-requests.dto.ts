import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { ToArray, ToBoolean } from '../../../common/dto/transforms';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';
import { AmountError, parseCents } from '../money';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { ExpenseDto, ExpenseHydratedDto } from './expense.dto';

/** Multipart fields are text; an empty field means "not given". Numbers (JSON bodies) become their text. */
const OptionalText = () =>
  Transform(({ value }: { value: unknown }) =>
    value === '' || value === null ? undefined : typeof value === 'number' ? String(value) : value,
  );

/** A non-negative decimal with at most two decimals (`99.5`), parsed exactly (see money.ts). */
const IsDecimalAmount = () =>
  ValidateBy({
    name: 'isDecimalAmount',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          parseCents(value);
          return true;
        } catch (error) {
          if (error instanceof AmountError) return false;
          throw error;
        }
      },
      defaultMessage: () => 'amount must be a non-negative decimal with at most two decimals, e.g. 99.5',
    },
  });

/** yyyy-MM-dd, or a date-time (`2020-01-01T00:00:00Z`) whose date part is taken as written. */
export const EXPENSE_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const CHANGE_FIELDS = [
  'USER',
  'DATE',
  'PROJECT',
  'TASK',
  'CATEGORY',
  'NOTES',
  'AMOUNT',
  'BILLABLE',
  'FILE',
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** CreateExpenseV1Request (multipart/form-data; a JSON body is accepted too, without a file). */
@AcceptsReadOnlyFieldsOf(ExpenseDto, ExpenseHydratedDto)
export class CreateExpenseDto {
  /** The amount as a decimal (at most two decimals); for a unit-priced category, the quantity. */
  @ApiProperty({ type: 'number', format: 'double', example: 99.5 })
  @OptionalText()
  @IsDecimalAmount()
  amount: string;

  /** @example "45a687e29ae1f428e7ebe890" */
  @OptionalText()
  @Matches(OBJECT_ID_PATTERN, { message: 'categoryId must be a 24-character hex id' })
  categoryId: string;

  /** The date of the expense (its date part is used). @example "2020-01-01T00:00:00Z" */
  @OptionalText()
  @IsString()
  @Matches(EXPENSE_DATE, { message: 'date must be yyyy-MM-dd or yyyy-MM-ddThh:mm:ssZ' })
  date: string;

  /** Whose expense; default: the caller. Another user's needs an admin or that user's team manager. @example "89b687e29ae1f428e7ebe912" */
  @IsOptional()
  @OptionalText()
  @Matches(OBJECT_ID_PATTERN, { message: 'userId must be a 24-character hex id' })
  userId?: string;

  /** @example "25b687e29ae1f428e7ebe123" */
  @IsOptional()
  @OptionalText()
  @Matches(OBJECT_ID_PATTERN, { message: 'projectId must be a 24-character hex id' })
  projectId?: string;

  /** A task of `projectId`. @example "54a377ddd3fcab07cfbb4321" */
  @IsOptional()
  @OptionalText()
  @Matches(OBJECT_ID_PATTERN, { message: 'taskId must be a 24-character hex id' })
  taskId?: string;

  /** @example "This is a sample note for this expense." */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  notes?: string;

  /** Default false. */
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  billable?: boolean;

  /** The receipt: PNG, JPEG, GIF, WebP or PDF, at most EXPENSE_FILE_MAX_BYTES. */
  @ApiProperty({ type: 'string', format: 'binary', required: false })
  @IsOptional()
  file?: unknown;
}

/**
 * UpdateExpenseV1Request (multipart/form-data). Only the fields named in
 * `changeFields` change (FILE without a file removes the receipt); without
 * `changeFields`, every field sent changes.
 */
@AcceptsReadOnlyFieldsOf(ExpenseDto, ExpenseHydratedDto)
export class UpdateExpenseDto extends PartialType(CreateExpenseDto) {
  /** The fields to change (repeated or comma-separated). @example ["AMOUNT","NOTES"] */
  @IsOptional()
  @ToArray()
  @ArrayUnique()
  @IsIn(CHANGE_FIELDS, { each: true })
  changeFields?: ChangeField[];

  /** A new receipt (with FILE in changeFields). */
  @ApiProperty({ type: 'string', format: 'binary', required: false })
  @IsOptional()
  file?: unknown;
}
