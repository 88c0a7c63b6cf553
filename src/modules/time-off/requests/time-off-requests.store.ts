import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayActForSql } from '../../../common/access';
import { SqlConditions } from '../../../common/utils/sql';
import type { WeekDay } from '../../users/dto/user-settings.dto';
import type { DateRange } from '../shared/time-off-duration';
import { holidayAppliesTo, holidayOccurrencesSql, policyAppliesTo } from '../shared/assignment.store';
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

/** The member a request is for: their working days and capacity, and whether the policy applies to them. */
export interface RequestMemberRow {
  working_days: WeekDay[];
  work_capacity: number;
  applies: boolean;
}

/** Which requests a list shows (`caller` left out for admins, who see all), by the body's users, groups, statuses and period. */
export interface RequestFilter {
  caller?: string;
  users?: string[];
  userGroups?: string[];
  statuses: string[];
  start?: string;
  end?: string;
}

/** A new request as `TimeOffRequestsStore.insert` writes it. */
export interface NewRequest {
  id: string;
  policyId: string;
  userId: string;
  requesterId: string;
  start: string;
  end: string;
  halfDay: boolean;
  halfDayPeriod: string;
  note: string | null;
  amount: number;
}

/** Reads and writes time-off requests (read with the names of their users and policy). */
@Injectable()
export class TimeOffRequestsStore {
  /** The request of the policy; with `lock`, its row stays locked until the transaction ends. */
  async row(
    manager: EntityManager,
    workspaceId: string,
    policyId: string,
    id: string,
    lock = false,
  ): Promise<RequestRow> {
    if (lock) {
      const locked: unknown[] = await manager.query(
        `SELECT 1 FROM time_off_requests WHERE workspace_id = $1 AND policy_id = $2 AND id = $3 FOR UPDATE`,
        [workspaceId, policyId, id],
      );
      if (!locked.length) throw new NotFoundException('Time off request not found');
    }
    const rows: RequestRow[] = await manager.query(
      `${REQUEST_SELECT} WHERE r.workspace_id = $1 AND r.policy_id = $2 AND r.id = $3`,
      [workspaceId, policyId, id],
    );
    if (!rows.length) throw new NotFoundException('Time off request not found');
    return rows[0];
  }

  /** A page of the filtered requests, latest first, and the count of all of them. */
  async page(
    manager: EntityManager,
    workspaceId: string,
    filter: RequestFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: RequestRow[]; count: number }> {
    const where = new SqlConditions([workspaceId]);
    where.add('r.workspace_id = $1');
    if (filter.caller !== undefined) {
      const me = where.param(filter.caller);
      where.add(mayActForSql({ workspace: '$1', caller: me, user: 'r.user_id' }));
    }
    if (filter.users?.length) where.add(`r.user_id = ANY(${where.param(filter.users)})`);
    if (filter.userGroups?.length) {
      where.add(
        `r.user_id IN (SELECT g.user_id FROM user_group_members g WHERE g.workspace_id = $1 AND g.user_group_id = ANY(${where.param(filter.userGroups)}))`,
      );
    }
    if (filter.statuses.length && !filter.statuses.includes('ALL'))
      where.add(`r.status = ANY(${where.param(filter.statuses)})`);
    if (filter.start) where.add(`r.end_date >= ${where.param(filter.start)}::date`);
    if (filter.end) where.add(`r.start_date <= ${where.param(filter.end)}::date`);
    const rows: RequestRow[] = await manager.query(
      `${REQUEST_SELECT} WHERE ${where.sql} ORDER BY r.start_date DESC, r.created_at DESC, r.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      where.params,
    );
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM time_off_requests r WHERE ${where.sql}`,
      where.params,
    );
    return { rows, count };
  }

  /** The member with whether the policy applies to them; undefined when not a member. */
  async member(
    manager: EntityManager,
    workspaceId: string,
    policyId: string,
    userId: string,
  ): Promise<RequestMemberRow | undefined> {
    const rows: RequestMemberRow[] = await manager.query(
      `SELECT m.working_days, m.work_capacity, ${policyAppliesTo('p', 'm.user_id')} AS applies
         FROM workspace_members m JOIN time_off_policies p ON p.workspace_id = m.workspace_id AND p.id = $2
        WHERE m.workspace_id = $1 AND m.user_id = $3`,
      [workspaceId, policyId, userId],
    );
    return rows[0];
  }

  /** The user's holiday occurrences in the period, in one query (annual ones in each year). */
  holidays(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    period: { start: string; end: string },
  ): Promise<DateRange[]> {
    return manager.query(
      `SELECT o.occ_start::text AS start, o.occ_end::text AS "end" FROM (${holidayOccurrencesSql(`AND ${holidayAppliesTo('h', '$4')}`)}) o`,
      [workspaceId, period.start, period.end, userId],
    );
  }

  /** Whether a pending or approved request of the user overlaps the period (two halves of one day do not). */
  async overlaps(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    period: { start: string; end: string; halfDay: boolean; halfDayPeriod: string },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM time_off_requests
        WHERE workspace_id = $1 AND user_id = $2 AND status IN ('PENDING', 'APPROVED')
          AND start_date <= $4::date AND end_date >= $3::date
          AND NOT ($5 AND half_day AND half_day_period <> 'NOT_DEFINED' AND $6 <> 'NOT_DEFINED' AND half_day_period <> $6)
        LIMIT 1`,
      [workspaceId, userId, period.start, period.end, period.halfDay, period.halfDayPeriod],
    );
    return rows.length > 0;
  }

  /** Whether the user's current balance of the policy, less `amount`, stays at or above `floor`. */
  async balanceCovers(
    manager: EntityManager,
    workspaceId: string,
    policyId: string,
    userId: string,
    amount: number,
    floor: number,
  ): Promise<boolean> {
    const rows: { enough: boolean }[] = await manager.query(
      `SELECT coalesce((SELECT balance FROM time_off_balances WHERE workspace_id = $1 AND policy_id = $2 AND user_id = $3), 0) - $4::numeric >= $5::numeric AS enough`,
      [workspaceId, policyId, userId, amount, floor],
    );
    return rows[0].enough;
  }

  async insert(manager: EntityManager, workspaceId: string, r: NewRequest): Promise<void> {
    await manager.query(
      `INSERT INTO time_off_requests (id, workspace_id, policy_id, user_id, requester_user_id, start_date, end_date, half_day,
                                      half_day_period, note, balance_diff)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        r.id,
        workspaceId,
        r.policyId,
        r.userId,
        r.requesterId,
        r.start,
        r.end,
        r.halfDay,
        r.halfDayPeriod,
        r.note,
        r.amount,
      ],
    );
  }

  /** Approves a request at once (a policy without approval). */
  async approve(manager: EntityManager, workspaceId: string, id: string, by: string): Promise<void> {
    await manager.query(
      `UPDATE time_off_requests SET status = 'APPROVED', status_changed_by = $3, status_changed_at = now() WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, by],
    );
  }

  async setStatus(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    status: string,
    note: string | null,
    by: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE time_off_requests SET status = $3, status_note = $4, status_changed_by = $5, status_changed_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, status, note, by],
    );
  }

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM time_off_requests WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  }
}

function period(row: RequestRow): TimeOffRequestDto['timeOffPeriod'] {
  const dayStart = Date.parse(`${row.start_date}T00:00:00Z`);
  const half = (row.work_capacity * 1000) / 2;
  const halfStart = row.half_day_period === 'SECOND_HALF' ? dayStart + half : dayStart;
  return {
    halfDay: row.half_day,
    halfDayHours: row.half_day
      ? { start: toInstant(new Date(halfStart)) ?? '', end: toInstant(new Date(halfStart + half)) ?? '' }
      : null,
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
