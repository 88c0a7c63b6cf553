import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A named group of workspace members (project access, team managers). Names are unique per workspace, case-insensitively. */
@Entity('user_groups')
export class UserGroup {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
