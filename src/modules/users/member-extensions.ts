import type { EntityManager } from 'typeorm';
import type { WeekDay } from './dto/user-settings.dto';

/**
 * What a member's profile writes in the workspaces module's table (workspace_members), as an interface users owns:
 * workspaces (which imports users) implements it and `modules/extensions.module.ts` wires it in.
 */
export interface MemberSchedules {
  /** Null values keep the current ones. */
  update(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    schedule: { weekStart: WeekDay | null; workCapacity: number | null; workingDays: WeekDay[] | null },
  ): Promise<void>;
}
export const MEMBER_SCHEDULES = Symbol('MEMBER_SCHEDULES');
