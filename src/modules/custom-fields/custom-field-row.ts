import type { CustomFieldDefaultValuesDto, CustomFieldDto } from './dto/custom-field.dto';

/** The columns of a custom_fields row that make a CustomFieldDto (but its project defaults), for raw SQL. */
export function customFieldColumns(alias: string): string {
  return ['id', 'workspace_id', 'name', 'type', 'entity_type', 'description', 'placeholder', 'allowed_values',
    'required', 'only_admin_can_edit', 'status', 'workspace_default_value'].map((column) => `${alias}.${column}`).join(', ');
}

/** A custom_fields row as `customFieldColumns` selects it. */
export interface CustomFieldSqlRow {
  id: string;
  workspace_id: string;
  name: string;
  type: string;
  entity_type: string;
  description: string;
  placeholder: string;
  allowed_values: string[];
  required: boolean;
  only_admin_can_edit: boolean;
  status: string;
  workspace_default_value: unknown;
}

/** A raw custom_fields row in its REST shape (CustomFieldDtoV1); `status` overrides the field's own (a project's status). */
export function customFieldFromRow(row: CustomFieldSqlRow, projectDefaultValues: CustomFieldDefaultValuesDto[], status: string = row.status): CustomFieldDto {
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
