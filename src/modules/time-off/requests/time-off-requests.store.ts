import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toInstant } from '../../../common/utils/time';
import type { HalfDayPeriod } from './dto/time-off-request-requests.dto';
import type { TimeOffRequestDto, TimeOffRequestFullDto } from './dto/time-off-request.dto';

export interface RequestRow {
  id: string;
  workspace_id: string;
  policy_id: string;
  user_id: string;
  requester_user_id: string;
  start_date: string;
  end_date: string;
  half_day: boolean;
  half_day_period: HalfDayPeriod;
  note: string | null;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  /** numeric as text (exact). */
  balance_diff: string;
  status_note: string | null;
  status_changed_by: string | null;
  status_changed_at: Date | null;
  created_at: Date;
  policy_name: string;
  time_unit: 'DAYS' | 'HOURS';
  user_name: string;
  user_email: string;
  user_time_zone: string | null;
  requester_name: string;
  changed_by_name: string | null;
  work_capacity: number;
  balance: string;
}

export const REQUEST_SELECT = `
  SELECT r.id, r.workspace_id, r.policy_id, r.user_id, r.requester_user_id, r.start_date::text AS start_date,
         r.end_date::text AS end_date, r.half_day, r.half_day_period, r.note, r.status, r.balance_diff::text AS balance_diff,
         r.status_note, r.status_changed_by, r.status_changed_at, r.created_at,
         p.name AS policy_name, p.time_unit, u.name AS user_name, u.email AS user_email,
         u.settings->>'timeZone' AS user_time_zone, ru.name AS requester_name, cu.name AS changed_by_name,
         m.work_capacity, coalesce(b.balance, 0)::text AS balance
    FROM time_off_requests r
    JOIN time_off_policies p ON p.workspace_id = r.workspace_id AND p.id = r.policy_id
    JOIN workspace_members m ON m.workspace_id = r.workspace_id AND m.user_id = r.user_id
    JOIN users u ON u.id = r.user_id
    JOIN users ru ON ru.id = r.requester_user_id
    LEFT JOIN users cu ON cu.id = r.status_changed_by
    LEFT JOIN time_off_balances b ON b.workspace_id = r.workspace_id AND b.policy_id = r.policy_id AND b.user_id = r.user_id`;

/** Reads time-off requests with the names of their users and policy. */
@Injectable()
export class TimeOffRequestsStore {
  /** The request of the policy; with `lock`, its row stays locked until the transaction ends. */
  async row(manager: EntityManager, workspaceId: string, policyId: string, id: string, lock = false): Promise<RequestRow> {
    if (lock) {
      const locked: unknown[] = await manager.query(
        `SELECT 1 FROM time_off_requests WHERE workspace_id = $1 AND policy_id = $2 AND id = $3 FOR UPDATE`,
        [workspaceId, policyId, id],
      );
      if (!locked.length) throw new NotFoundException('Time off request not found');
    }
    const rows: RequestRow[] = await manager.query(`${REQUEST_SELECT} WHERE r.workspace_id = $1 AND r.policy_id = $2 AND r.id = $3`, [
      workspaceId,
      policyId,
      id,
    ]);
    if (!rows.length) throw new NotFoundException('Time off request not found');
    return rows[0];
  }
}

function period(row: RequestRow): TimeOffRequestDto['timeOffPeriod'] {
  const dayStart = Date.parse(`${row.start_date}T00:00:00Z`);
  const half = (row.work_capacity * 1000) / 2;
  const halfStart = row.half_day_period === 'SECOND_HALF' ? dayStart + half : dayStart;
  return {
    halfDay: row.half_day,
    halfDayHours: row.half_day ? { start: toInstant(new Date(halfStart)) ?? '', end: toInstant(new Date(halfStart + half)) ?? '' } : null,
    halfDayPeriod: row.half_day_period,
    period: { start: `${row.start_date}T00:00:00Z`, end: `${row.end_date}T23:59:59Z` },
  };
}

export function toRequestDto(row: RequestRow): TimeOffRequestDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    policyId: row.policy_id,
    userId: row.user_id,
    balanceDiff: Number(row.balance_diff),
    createdAt: toInstant(row.created_at) ?? '',
    note: row.note,
    status: {
      statusType: row.status,
      changedAt: toInstant(row.status_changed_at),
      changedByUserId: row.status_changed_by,
      changedByUserName: row.changed_by_name,
      changedForUserName: row.user_name,
      note: row.status_note,
    },
    timeOffPeriod: period(row),
  };
}

export function toFullRequestDto(row: RequestRow): TimeOffRequestFullDto {
  return {
    ...toRequestDto(row),
    balance: Number(row.balance),
    policyName: row.policy_name,
    requesterUserId: row.requester_user_id,
    requesterUserName: row.requester_name,
    timeUnit: row.time_unit,
    userEmail: row.user_email,
    userName: row.user_name,
    userTimeZone: row.user_time_zone ?? 'UTC',
  };
}
