import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const CUSTOM_FIELD_TYPES = [
  'TXT',
  'NUMBER',
  'DROPDOWN_SINGLE',
  'DROPDOWN_MULTIPLE',
  'CHECKBOX',
  'LINK',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELD_ENTITY_TYPES = ['TIMEENTRY', 'USER'] as const;
export type CustomFieldEntityType = (typeof CUSTOM_FIELD_ENTITY_TYPES)[number];

export const CUSTOM_FIELD_STATUSES = ['INACTIVE', 'VISIBLE', 'INVISIBLE'] as const;
export type CustomFieldStatus = (typeof CUSTOM_FIELD_STATUSES)[number];

/** A stored custom field value (jsonb): what the field types take. */
export type CustomFieldValue = string | number | boolean | string[] | null;

/** A custom field of a workspace: on time entries (TIMEENTRY) or on members (USER). */
@Entity('custom_fields')
export class CustomField {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: CustomFieldType;

  @Column({ name: 'entity_type', type: 'text', default: 'TIMEENTRY' })
  entityType: CustomFieldEntityType;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: '' })
  placeholder: string;

  @Column({ name: 'allowed_values', type: 'text', array: true, default: () => "'{}'" })
  allowedValues: string[];

  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Column({ name: 'only_admin_can_edit', type: 'boolean', default: false })
  onlyAdminCanEdit: boolean;

  @Column({ type: 'text', default: 'VISIBLE' })
  status: CustomFieldStatus;

  /** Any JSON value valid for `type` (see custom-field-value.ts), or null. */
  @Column({ name: 'workspace_default_value', type: 'jsonb', nullable: true })
  workspaceDefaultValue: CustomFieldValue;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
