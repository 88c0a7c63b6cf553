import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A workspace member assigned to a task. */
@Entity('task_assignees')
export class TaskAssignee {
  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @PrimaryColumn({ name: 'task_id', type: 'char', length: 24 })
  taskId: string;

  @PrimaryColumn({ name: 'user_id', type: 'char', length: 24 })
  userId: string;
}
