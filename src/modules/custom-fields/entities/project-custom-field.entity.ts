import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CustomFieldStatus, CustomFieldValue } from './custom-field.entity';

/** A project's own default value and status for a TIMEENTRY custom field. */
@Entity('project_custom_fields')
export class ProjectCustomField {
  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @PrimaryColumn({ name: 'project_id', type: 'char', length: 24 })
  projectId: string;

  @PrimaryColumn({ name: 'custom_field_id', type: 'char', length: 24 })
  customFieldId: string;

  @Column({ name: 'default_value', type: 'jsonb', nullable: true })
  defaultValue: CustomFieldValue;

  @Column({ type: 'text', default: 'VISIBLE' })
  status: CustomFieldStatus;
}
