import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { UserSettings } from '../user-settings';

export type AccountStatus =
  'ACTIVE' | 'PENDING_EMAIL_VERIFICATION' | 'DELETED' | 'NOT_REGISTERED' | 'LIMITED' | 'LIMITED_DELETED';

/** A person. Users are global; what they may see is decided by their workspace memberships. */
@Entity('users')
export class User {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: AccountStatus;

  @Column({ name: 'profile_picture', type: 'text', nullable: true })
  profilePicture: string | null;

  @Column({ type: 'jsonb' })
  settings: UserSettings;

  @Column({ name: 'default_workspace_id', type: 'char', length: 24, nullable: true })
  defaultWorkspaceId: string | null;

  @Column({ name: 'active_workspace_id', type: 'char', length: 24, nullable: true })
  activeWorkspaceId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
