import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One project (and optionally task) row of a timesheet template. */
export interface TemplateProjectTask {
  projectId: string;
  taskId: string | null;
  /** Time entry type of the row (REGULAR, BREAK); absent means REGULAR. */
  type?: string;
}

/** A timesheet template: rows of projects/tasks a user copies into a week. Owned by the user who made it. */
@Entity('templates')
export class Template {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ name: 'user_id', type: 'char', length: 24 })
  userId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'project_and_tasks', type: 'jsonb', default: () => `'[]'` })
  projectsAndTasks: TemplateProjectTask[];

  /** `YYYY-MM-DD`, the first day of the week the template was made from. */
  @Column({ name: 'week_start', type: 'date', nullable: true })
  weekStart: string | null;

  @Column({ name: 'time_entry_ids', type: 'jsonb', default: () => `'[]'` })
  timeEntryIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
