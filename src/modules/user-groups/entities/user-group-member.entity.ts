import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A workspace member's membership of a user group. */
@Entity('user_group_members')
export class UserGroupMember {
  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @PrimaryColumn({ name: 'user_group_id', type: 'char', length: 24 })
  userGroupId: string;

  @PrimaryColumn({ name: 'user_id', type: 'char', length: 24 })
  userId: string;
}
