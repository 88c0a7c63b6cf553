import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../../common/auth/roles';

/**
 * A role a member holds in a workspace. `entityId` is what the role is over:
 * the workspace (OWNER, WORKSPACE_ADMIN), a managed user or user group
 * (TEAM_MANAGER), a project (PROJECT_MANAGER).
 */
@Entity('member_roles')
export class MemberRole {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ name: 'user_id', type: 'char', length: 24 })
  userId: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'entity_id', type: 'char', length: 24 })
  entityId: string;

  /** `USER_GROUP` when a TEAM_MANAGER manages a group rather than one user. */
  @Column({ name: 'source_type', type: 'text', nullable: true })
  sourceType: 'USER_GROUP' | null;
}
