import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const ESTIMATE_TYPES = ['AUTO', 'MANUAL'] as const;
export type EstimateType = (typeof ESTIMATE_TYPES)[number];
export const RESET_OPTIONS = ['WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type ResetOption = (typeof RESET_OPTIONS)[number];
export const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

/** `time_estimate` jsonb: the estimate in seconds (ISO duration on the wire). */
export interface TimeEstimate {
  active: boolean;
  estimate: number;
  includeNonBillable: boolean;
  resetOption: ResetOption | null;
  type: EstimateType;
}

/** `budget_estimate` jsonb: the estimate in cents. */
export interface BudgetEstimate {
  active: boolean;
  estimate: number;
  includeExpenses: boolean;
  resetOption: ResetOption | null;
  type: EstimateType;
}

/** `estimate_reset` jsonb: when recurring estimates restart. */
export interface EstimateReset {
  interval: ResetOption | null;
  dayOfMonth: number | null;
  dayOfWeek: (typeof WEEK_DAYS)[number] | null;
  hour: number | null;
  month: (typeof MONTHS)[number] | null;
}

/** A project of a workspace; its name is unique per (workspace, client), case-insensitively. */
@Entity('projects')
export class Project {
  @PrimaryColumn({ type: 'char', length: 24 })
  id: string;

  @Column({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'client_id', type: 'char', length: 24, nullable: true })
  clientId: string | null;

  @Column({ type: 'text', default: '#03A9F4' })
  color: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'boolean', default: true })
  billable: boolean;

  @Column({ name: 'is_public', type: 'boolean', default: true })
  isPublic: boolean;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Column({ name: 'is_template', type: 'boolean', default: false })
  isTemplate: boolean;

  @Column({ name: 'time_estimate', type: 'jsonb', nullable: true })
  timeEstimate: TimeEstimate | null;

  @Column({ name: 'budget_estimate', type: 'jsonb', nullable: true })
  budgetEstimate: BudgetEstimate | null;

  @Column({ name: 'estimate_reset', type: 'jsonb', nullable: true })
  estimateReset: EstimateReset | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
