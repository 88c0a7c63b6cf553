import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A member of a project: a user or a user group (exactly one of the two per
 * row). The table has no primary key: (project, user) and (project, group)
 * are unique through two partial indexes. TypeORM needs a primary column, so
 * `projectId` is declared as one; write rows with SQL (ProjectChanges), never
 * with `save`, and never look a member up by primary key.
 */
@Entity('project_members')
export class ProjectMember {
  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @PrimaryColumn({ name: 'project_id', type: 'char', length: 24 })
  projectId: string;

  @Column({ name: 'user_id', type: 'char', length: 24, nullable: true })
  userId: string | null;

  @Column({ name: 'user_group_id', type: 'char', length: 24, nullable: true })
  userGroupId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
