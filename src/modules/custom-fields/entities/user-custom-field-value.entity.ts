import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CustomFieldValue } from './custom-field.entity';

/** A member's value of a USER custom field. */
@Entity('user_custom_field_values')
export class UserCustomFieldValue {
  @PrimaryColumn({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @PrimaryColumn({ name: 'user_id', type: 'char', length: 24 })
  userId: string;

  @PrimaryColumn({ name: 'custom_field_id', type: 'char', length: 24 })
  customFieldId: string;

  @Column({ type: 'jsonb', nullable: true })
  value: CustomFieldValue;
}
