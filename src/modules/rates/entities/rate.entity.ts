import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RateKind = 'HOURLY' | 'COST';

/**
 * One step of a rate's history: `amount` (cents) applies from `since` on, until
 * the next step of the same scope. The scope is the set of non-null targets:
 * workspace alone; workspace member (user); project; project member (project +
 * user); task (project + task).
 */
@Entity('rates')
export class Rate {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ type: 'text' })
  kind: RateKind;

  @Column({ name: 'user_id', type: 'char', length: 24, nullable: true })
  userId: string | null;

  @Column({ name: 'project_id', type: 'char', length: 24, nullable: true })
  projectId: string | null;

  @Column({ name: 'task_id', type: 'char', length: 24, nullable: true })
  taskId: string | null;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amount: number;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'timestamptz' })
  since: Date;
}
