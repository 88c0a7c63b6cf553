import type { EntityManager } from 'typeorm';
import type { WeekDay } from '../users/dto/user-settings.dto';
import type { MemberSchedules } from '../users/member-extensions';

/** A member's week start, work capacity and working days in the workspace, as the member profile sets them. */
export const MemberScheduleStore: MemberSchedules = {
  async update(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    schedule: { weekStart: WeekDay | null; workCapacity: number | null; workingDays: WeekDay[] | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE workspace_members SET week_start = coalesce($3, week_start), work_capacity = coalesce($4, work_capacity),
              working_days = coalesce($5::text[], working_days)
        WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId, schedule.weekStart, schedule.workCapacity, schedule.workingDays],
    );
  },
};
