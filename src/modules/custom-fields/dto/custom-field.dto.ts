import { ApiProperty } from '@nestjs/swagger';

/** A project's default value and status of a custom field (CustomFieldDefaultValuesDtoV1). */
export class CustomFieldDefaultValuesDto {
  /** @example "5b641568b07987035750505e" */
  projectId: string;
  /** @example "VISIBLE" */
  status: string;
  /** The project's default value (type as the field's). */
  @ApiProperty({ description: "The project's default value (type as the field's)", example: 'Manila', nullable: true })
  value: unknown;
}

/** A custom field as the reference returns it (CustomFieldDtoV1). */
export class CustomFieldDto {
  /** @example "44a687e29ae1f428e7ebe305" */
  id: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
  /** @example "location" */
  name: string;
  /** TXT, NUMBER, DROPDOWN_SINGLE, DROPDOWN_MULTIPLE, CHECKBOX or LINK. @example "DROPDOWN_SINGLE" */
  type: string;
  /** TIMEENTRY or USER. @example "TIMEENTRY" */
  entityType: string;
  /** @example "This field contains a location." */
  description: string;
  /** @example "Location" */
  placeholder: string;
  /** @example ["New York","London","Manila"] */
  allowedValues: string[];
  required: boolean;
  onlyAdminCanEdit: boolean;
  /** INACTIVE, VISIBLE or INVISIBLE. @example "VISIBLE" */
  status: string;
  @ApiProperty({
    description: "The field's default value in the workspace (type as the field's)",
    example: 'Manila',
    nullable: true,
  })
  workspaceDefaultValue: unknown;
  /** Per-project default values and statuses. */
  projectDefaultValues: CustomFieldDefaultValuesDto[];
}

/** A member's value of a USER custom field (UserCustomFieldValueDtoV1). */
export class UserCustomFieldValueDto {
  /** @example "5e4117fe8c625f38930d57b7" */
  customFieldId: string;
  /** @example "TIN" */
  customFieldName: string;
  /** @example "TXT" */
  customFieldType: string;
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  @ApiProperty({ description: "The value (type as the field's)", example: '20231211-12345', nullable: true })
  value: unknown;
}
