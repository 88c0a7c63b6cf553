import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { WeekDay } from '../../users/dto/user-settings.dto';

export const MEMBERSHIP_STATUSES = ['PENDING', 'ACTIVE', 'DECLINED', 'INACTIVE'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A user's membership of a workspace, with the per-workspace profile fields of the reference. */
@Entity('workspace_members')
export class WorkspaceMember {
  @PrimaryColumn({ name: 'workspace_id', type: 'char', length: 24 })
  workspaceId: string;

  @PrimaryColumn({ name: 'user_id', type: 'char', length: 24 })
  userId: string;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: MembershipStatus;

  @Column({ name: 'week_start', type: 'text', default: 'MONDAY' })
  weekStart: WeekDay;

  /** Daily work capacity in seconds (reference: ISO duration, `PT8H`). */
  @Column({ name: 'work_capacity', type: 'integer', default: 28800 })
  workCapacity: number;

  @Column({
    name: 'working_days',
    type: 'text',
    array: true,
    default: () => "'{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}'",
  })
  workingDays: WeekDay[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
