import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A label for time entries. Names are unique per workspace, case-insensitively. */
@Entity('tags')
export class Tag {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
