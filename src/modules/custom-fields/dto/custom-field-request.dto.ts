import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import {
  CUSTOM_FIELD_ENTITY_TYPES,
  CUSTOM_FIELD_STATUSES,
  CUSTOM_FIELD_TYPES,
  type CustomFieldEntityType,
  type CustomFieldStatus,
  type CustomFieldType,
} from '../entities/custom-field.entity';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { CustomFieldDto } from './custom-field.dto';

const DEFAULT_VALUE_DOC =
  "The field's default value in the workspace: a number for NUMBER, true/false for CHECKBOX, one of allowedValues for " +
  'DROPDOWN_SINGLE, a list of them for DROPDOWN_MULTIPLE, a URL for LINK, otherwise a string.';

/** Fields shared by create and update. */
class CustomFieldFieldsDto {
  /** @example "DROPDOWN_SINGLE" */
  @IsIn(CUSTOM_FIELD_TYPES)
  type: CustomFieldType;

  /** Required (non-empty) for DROPDOWN_SINGLE and DROPDOWN_MULTIPLE. @example ["New York","London","Manila"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 250, { each: true })
  allowedValues?: string[];

  /** @example "This field contains a location." */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  description?: string;

  /** @example "Location" */
  @IsOptional()
  @IsString()
  @MaxLength(250)
  placeholder?: string;

  /** Only admins may set the value. @example false */
  @IsOptional()
  @IsBoolean()
  onlyAdminCanEdit?: boolean;

  /** The value is mandatory. @example false */
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  /** @example "VISIBLE" */
  @IsOptional()
  @IsIn(CUSTOM_FIELD_STATUSES)
  status?: CustomFieldStatus;

  @ApiPropertyOptional({ description: DEFAULT_VALUE_DOC, example: 'Manila', nullable: true })
  @IsOptional()
  workspaceDefaultValue?: unknown;
}

/** Body of POST custom-fields (CustomFieldRequestV1). */
@AcceptsReadOnlyFieldsOf(CustomFieldDto)
export class CustomFieldRequestDto extends CustomFieldFieldsDto {
  /** @example "location" */
  @IsString()
  @Length(1, 250)
  name: string;

  /** What the field describes: time entries or members. @example "TIMEENTRY" */
  @IsOptional()
  @IsIn(CUSTOM_FIELD_ENTITY_TYPES)
  entityType?: CustomFieldEntityType;
}

/** Body of PUT custom-fields/{id} (UpdateCustomFieldRequestV1). Omitted optional fields keep their values. */
@AcceptsReadOnlyFieldsOf(CustomFieldDto)
export class UpdateCustomFieldRequestDto extends CustomFieldFieldsDto {
  /** @example "location" */
  @IsString()
  @Length(2, 250)
  name: string;
}

/** Body of PATCH projects/{projectId}/custom-fields/{id} (CustomFieldProjectDefaultValuesRequest). */
export class CustomFieldProjectDefaultValuesRequestDto {
  @ApiPropertyOptional({
    description: "The project's default value, validated like workspaceDefaultValue",
    example: 'Manila',
    nullable: true,
  })
  @IsOptional()
  defaultValue?: unknown;

  /** @example "VISIBLE" */
  @IsOptional()
  @IsIn(CUSTOM_FIELD_STATUSES)
  status?: CustomFieldStatus;
}

/** Body of PUT users/{userId}/custom-field/{id}/value (UpsertUserCustomFieldRequestV1). */
export class UpsertUserCustomFieldRequestDto {
  @ApiPropertyOptional({
    description: 'The value, validated against the field type; null clears it',
    example: '20231211-12345',
    nullable: true,
  })
  @IsOptional()
  value?: unknown;
}
