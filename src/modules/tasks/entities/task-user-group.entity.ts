import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user group assigned to a task. */
@Entity('task_user_groups')
export class TaskUserGroup {
  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @PrimaryColumn({ name: 'task_id', type: 'char', length: 24 })
  taskId: string;

  @PrimaryColumn({ name: 'user_group_id', type: 'char', length: 24 })
  userGroupId: string;
}
