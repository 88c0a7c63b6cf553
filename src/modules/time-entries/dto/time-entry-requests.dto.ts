import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OBJECT_ID_PATTERN } from '../../../common/utils/ids';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { HydratedTimeEntryDto } from './time-entry.dto';

const ID_MESSAGE = (field: string) => ({ message: `${field} must be a 24-character hex id` });
export const ENTRY_TYPES = ['REGULAR', 'BREAK'] as const;

/** UpdateCustomFieldRequest: a value of a time-entry custom field. */
export class TimeEntryCustomFieldRequestDto {
  /** @example "5e4117fe8c625f38930d57b7" */
  @Matches(OBJECT_ID_PATTERN, ID_MESSAGE('customFieldId'))
  customFieldId: string;

  /** @example "TIMEENTRY" */
  @IsOptional()
  @IsIn(['WORKSPACE', 'PROJECT', 'TIMEENTRY'])
  sourceType?: 'WORKSPACE' | 'PROJECT' | 'TIMEENTRY';

  /** The value (text, number, boolean or list of strings, as the field's type). @example "new value" */
  @IsOptional()
  value?: unknown;
}

/** CreateCustomAttributeRequest (accepted; custom attributes are not stored by this server). */
export class CustomAttributeRequestDto {
  /** @example "race" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
  /** @example "user_info" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  namespace: string;
  /** @example "Asian" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(3000)
  value: string;
}

/** Fields shared by create, update and bulk update. */
class TimeEntryFieldsDto {
  /** @example true */
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  /** @example "This is a sample time entry description." */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  description?: string;

  /** Without it the entry is running (a timer). @example "2021-01-01T00:00:00Z" */
  @IsOptional()
  @IsDateString({ strict: true })
  end?: string;

  /** @example "25b687e29ae1f428e7ebe123" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, ID_MESSAGE('projectId'))
  projectId?: string;

  /** @example ["321r77ddd3fcab07cfbb567y"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'tagIds must be 24-character hex ids' })
  tagIds?: string[];

  /** @example "54m377ddd3fcab07cfbb432w" */
  @IsOptional()
  @Matches(OBJECT_ID_PATTERN, ID_MESSAGE('taskId'))
  taskId?: string;

  /** @example "REGULAR" */
  @IsOptional()
  @IsIn(ENTRY_TYPES)
  type?: (typeof ENTRY_TYPES)[number];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TimeEntryCustomFieldRequestDto)
  customFields?: TimeEntryCustomFieldRequestDto[];
}

/** CreateTimeEntryRequest. Without `start` the entry starts now; without `end` it is a running timer. */
@AcceptsReadOnlyFieldsOf(HydratedTimeEntryDto)
export class CreateTimeEntryDto extends TimeEntryFieldsDto {
  /** @example "2020-01-01T00:00:00Z" */
  @IsOptional()
  @IsDateString({ strict: true })
  start?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CustomAttributeRequestDto)
  customAttributes?: CustomAttributeRequestDto[];
}

/** UpdateTimeEntryRequest: replaces the entry (as Clockify: fields left out are cleared; no `end` makes it run). */
@AcceptsReadOnlyFieldsOf(HydratedTimeEntryDto)
export class UpdateTimeEntryDto extends TimeEntryFieldsDto {
  /** @example "2020-01-01T00:00:00Z" */
  @IsDefined()
  @IsDateString({ strict: true })
  start: string;
}

/** UpdateTimeEntryBulkRequest: only the fields sent change. */
export class UpdateTimeEntryBulkDto extends TimeEntryFieldsDto {
  /** @example "64c777ddd3fcab07cfbb210c" */
  @Matches(OBJECT_ID_PATTERN, ID_MESSAGE('id'))
  id: string;

  /** @example "2020-01-01T00:00:00Z" */
  @IsOptional()
  @IsDateString({ strict: true })
  start?: string;
}

/** StopTimeEntryRequest. */
export class StopTimeEntryDto {
  /** @example "2021-01-01T00:00:00Z" */
  @IsDefined()
  @IsDateString({ strict: true })
  end: string;
}

/** UpdateInvoicedStatusRequest. */
export class UpdateInvoicedStatusDto {
  @IsDefined()
  @IsBoolean()
  invoiced: boolean;

  /** @example ["54m377ddd3fcab07cfbb432w","25b687e29ae1f428e7ebe123"] */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @Matches(OBJECT_ID_PATTERN, { each: true, message: 'timeEntryIds must be 24-character hex ids' })
  timeEntryIds: string[];
}
