import type { CustomFieldSqlRow } from './custom-fields.store';
import type { CustomFieldDefaultValuesDto, CustomFieldDto } from './dto/custom-field.dto';

/** A raw custom_fields row in its REST shape (CustomFieldDtoV1); `status` overrides the field's own (a project's status). */
export function customFieldFromRow(
  row: CustomFieldSqlRow,
  projectDefaultValues: CustomFieldDefaultValuesDto[],
  status: string = row.status,
): CustomFieldDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    type: row.type,
    entityType: row.entity_type,
    description: row.description,
    placeholder: row.placeholder,
    allowedValues: row.allowed_values,
    required: row.required,
    onlyAdminCanEdit: row.only_admin_can_edit,
    status,
    workspaceDefaultValue: row.workspace_default_value,
    projectDefaultValues,
  };
}
