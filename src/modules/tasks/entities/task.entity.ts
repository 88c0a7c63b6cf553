import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const TASK_STATUSES = ['ACTIVE', 'DONE'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const bigintOrNull = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** A task of a project. `estimate` is in seconds, `budgetEstimate` in cents. */
@Entity('tasks')
export class Task {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ name: 'project_id', type: 'char', length: 24 })
  projectId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: TaskStatus;

  @Column({ type: 'bigint', nullable: true, transformer: bigintOrNull })
  estimate: number | null;

  @Column({ name: 'budget_estimate', type: 'bigint', nullable: true, transformer: bigintOrNull })
  budgetEstimate: number | null;

  @Column({ type: 'boolean', default: true })
  billable: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
