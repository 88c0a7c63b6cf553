import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { ContainsArchivedFilterRequestDto } from './invoice-filter.dto';

export const TIME_GROUP_TYPES = ['SINGLE_ITEM', 'GROUPED', 'DETAILED'] as const;
export const TIME_PRIMARY_GROUPS = ['USER', 'PROJECT', 'DATE'] as const;
export const TIME_SECONDARY_GROUPS = ['PROJECT', 'USER', 'TASK', 'DATE', 'DESCRIPTION', 'NONE'] as const;
export const TIME_DETAIL_FIELDS = ['PROJECT', 'TASK', 'TAGS', 'DESCRIPTION', 'DATE', 'USER'] as const;
export const EXPENSE_GROUP_TYPES = ['GROUPED', 'DETAILED'] as const;
export const EXPENSE_GROUPS = ['CATEGORY', 'PROJECT', 'USER'] as const;
export const EXPENSE_DETAIL_FIELDS = ['PROJECT', 'TASK', 'CATEGORY', 'NOTE', 'DATE', 'USER'] as const;

export type TimeGroupType = (typeof TIME_GROUP_TYPES)[number];
export type TimePrimaryGroup = (typeof TIME_PRIMARY_GROUPS)[number];
export type TimeSecondaryGroup = (typeof TIME_SECONDARY_GROUPS)[number];
export type TimeDetailField = (typeof TIME_DETAIL_FIELDS)[number];
export type ExpenseGroup = (typeof EXPENSE_GROUPS)[number];
export type ExpenseDetailField = (typeof EXPENSE_DETAIL_FIELDS)[number];

/**
 * ImportTimeEntriesAndExpensesRequestV1. Imports the billable, not yet invoiced,
 * finished time entries (and, with importExpenses, billable expenses) of the
 * invoice's client's projects in [from, to).
 */
export class ImportTimeEntriesAndExpensesRequestDto {
  /** With expensesGroupType DETAILED: the fields in each line's description. Default [CATEGORY, NOTE]. @example ["NOTE"] */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(EXPENSE_DETAIL_FIELDS, { each: true })
  expenseFieldsForDetailedGroup?: ExpenseDetailField[];

  /** With GROUPED expenses: one line per category, project or user. Default CATEGORY. @example "CATEGORY" */
  @IsOptional()
  @IsIn(EXPENSE_GROUPS)
  expensesGroupBy?: ExpenseGroup;

  /** GROUPED (default) or DETAILED (one line per expense). @example "GROUPED" */
  @IsOptional()
  @IsIn(EXPENSE_GROUP_TYPES)
  expensesGroupType?: (typeof EXPENSE_GROUP_TYPES)[number];

  /** Inclusive start. @example "2025-06-01T00:00:00Z" */
  @IsDateString({ strict: true })
  from: string;

  /** Also import billable expenses. */
  @IsBoolean()
  importExpenses: boolean;

  /** Which of the client's projects. */
  @IsDefined()
  @ValidateNested()
  @Type(() => ContainsArchivedFilterRequestDto)
  projectFilter: ContainsArchivedFilterRequestDto;

  /** Round each entry's duration to the nearest 15 minutes before billing it. */
  @IsOptional()
  @IsBoolean()
  roundTimeEntryDuration?: boolean;

  /** With DETAILED: the fields in each line's description. Default [PROJECT, DESCRIPTION]. @example ["PROJECT", "DESCRIPTION"] */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(TIME_DETAIL_FIELDS, { each: true })
  timeEntryFieldsForDetailedGroup?: TimeDetailField[];

  /** SINGLE_ITEM: one line; GROUPED: a line per group; DETAILED: a line per entry. Lines are split by hourly rate. @example "GROUPED" */
  @IsIn(TIME_GROUP_TYPES)
  timeEntryGroupType: TimeGroupType;

  /** With GROUPED. Default PROJECT. @example "PROJECT" */
  @IsOptional()
  @IsIn(TIME_PRIMARY_GROUPS)
  timeEntryPrimaryGroupBy?: TimePrimaryGroup;

  /** With GROUPED; must differ from the primary group. Default NONE. @example "TASK" */
  @IsOptional()
  @IsIn(TIME_SECONDARY_GROUPS)
  timeEntrySecondaryGroupBy?: TimeSecondaryGroup;

  /** Exclusive end. @example "2025-06-07T00:00:00Z" */
  @IsDateString({ strict: true })
  to: string;
}
