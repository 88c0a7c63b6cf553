import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An add-on installed in one workspace; its X-Addon-Token is valid while not revoked. */
@Entity('addons')
export class Addon {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ type: 'text' })
  name: string;

  /** The member the add-on acts for where an endpoint needs a user (the installing owner). */
  @Column({ name: 'user_id', type: 'char', length: 24 })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
