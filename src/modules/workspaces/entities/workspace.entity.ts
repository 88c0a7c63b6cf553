import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { WorkspaceSettings } from '../workspace-settings';

@Entity('workspaces')
export class Workspace {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'owner_id', type: 'char', length: 24 })
  ownerId: string;

  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Column({ name: 'image_url', type: 'text', default: '' })
  imageUrl: string;

  /** ISO 4217 code of the workspace's default currency; rates are in its cents. */
  @Column({ type: 'text', default: 'USD' })
  currency: string;

  @Column({ type: 'jsonb' })
  settings: WorkspaceSettings;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
