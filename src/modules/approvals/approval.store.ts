import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { toInstant } from '../../common/utils/time';
import type { ApprovalRequestDto } from './dto/approval-request.dto';

/** An approval request with the names the DTO prints. */
export interface ApprovalRow {
  id: string;
  workspace_id: string;
  user_id: string;
  period: string;
  period_start: Date;
  period_end: Date;
  status: string;
  note: string | null;
  submitted_by: string;
  submitted_at: Date;
  status_changed_by: string | null;
  status_changed_at: Date | null;
  owner_name: string;
  owner_time_zone: string;
  owner_week_start: string;
  creator_name: string;
  creator_email: string;
  changer_name: string | null;
}

/** The owner of a period: time zone (one PostgreSQL knows, else UTC) and first day of the week. */
export interface PeriodOwner {
  timeZone: string;
  weekStart: string;
}

/**
 * The week start of a member: the workspace profile's when changed from its
 * default, else the user's settings (`aliases m = workspace_members, u = users`).
 */
const WEEK_START_SQL = `coalesce(nullif(m.week_start, 'MONDAY'), u.settings->>'weekStart', 'MONDAY')`;

export const APPROVAL_COLUMNS = `ar.id, ar.workspace_id, ar.user_id, ar.period, ar.period_start, ar.period_end, ar.status, ar.note,
  ar.submitted_by, ar.submitted_at, ar.status_changed_by, ar.status_changed_at,
  u.name AS owner_name, coalesce(u.settings->>'timeZone', 'UTC') AS owner_time_zone, ${WEEK_START_SQL} AS owner_week_start,
  cr.name AS creator_name, cr.email AS creator_email, ch.name AS changer_name`;

export const APPROVAL_FROM = `approval_requests ar
  JOIN users u ON u.id = ar.user_id
  JOIN workspace_members m ON m.workspace_id = ar.workspace_id AND m.user_id = ar.user_id
  JOIN users cr ON cr.id = ar.submitted_by
  LEFT JOIN users ch ON ch.id = ar.status_changed_by`;

/** Entries and expenses in these states are locked for the member. */
export const LOCKED_STATES = ['PENDING', 'APPROVED'];

/** Rows changed by an UPDATE run through `manager.query` (TypeORM answers `[rows, rowCount]` for it). */
function affected(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}

export function toApprovalRequestDto(row: ApprovalRow): ApprovalRequestDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    creator: { userId: row.submitted_by, userName: row.creator_name, userEmail: row.creator_email },
    dateRange: {
      start: toInstant(row.period_start) ?? '',
      end: toInstant(new Date(new Date(row.period_end).getTime() - 1000)) ?? '',
    },
    owner: { userId: row.user_id, userName: row.owner_name, timeZone: row.owner_time_zone, startOfWeek: row.owner_week_start },
    status: {
      state: row.status,
      note: row.note,
      updatedAt: toInstant(row.status_changed_at ?? row.submitted_at) ?? '',
      updatedBy: row.status_changed_by ?? row.submitted_by,
      updatedByUserName: (row.status_changed_by ? row.changer_name : row.creator_name) ?? '',
    },
  };
}

/** SQL for approval requests and the rows they lock. */
@Injectable()
export class ApprovalStore {
  async find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<ApprovalRow> {
    if (lock) await manager.query('SELECT 1 FROM approval_requests WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [workspaceId, id]);
    const rows: ApprovalRow[] = await manager.query(`SELECT ${APPROVAL_COLUMNS} FROM ${APPROVAL_FROM} WHERE ar.workspace_id = $1 AND ar.id = $2`, [workspaceId, id]);
    if (!rows[0]) throw new NotFoundException('Approval request not found');
    return rows[0];
  }

  /** The member whose period is submitted, locked so that submissions of one user run one at a time; 404 when not a member. */
  async lockOwner(manager: EntityManager, workspaceId: string, userId: string): Promise<PeriodOwner> {
    const rows: { time_zone: string; week_start: string }[] = await manager.query(
      `SELECT coalesce((SELECT z.name FROM pg_timezone_names z WHERE z.name = u.settings->>'timeZone'), 'UTC') AS time_zone,
              ${WEEK_START_SQL} AS week_start
         FROM workspace_members m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 AND m.user_id = $2
        FOR UPDATE OF m`,
      [workspaceId, userId],
    );
    if (!rows[0]) throw new NotFoundException('User not found in this workspace');
    return { timeZone: rows[0].time_zone, weekStart: rows[0].week_start };
  }

  /** The calendar date of an instant in a time zone. */
  async localDate(manager: EntityManager, instant: Date, timeZone: string): Promise<string> {
    const rows: { d: string }[] = await manager.query(`SELECT to_char(($1::timestamptz AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS d`, [instant, timeZone]);
    return rows[0].d;
  }

  /** The instants of the local midnights starting two dates in a time zone. */
  async midnights(manager: EntityManager, start: string, end: string, timeZone: string): Promise<{ start: Date; end: Date }> {
    const rows: { s: Date; e: Date }[] = await manager.query(
      `SELECT ($1::date::timestamp AT TIME ZONE $3) AS s, ($2::date::timestamp AT TIME ZONE $3) AS e`,
      [start, end, timeZone],
    );
    return { start: rows[0].s, end: rows[0].e };
  }

  /**
   * Puts the owner's not yet submitted (or rejected/withdrawn) entries and
   * expenses of the period into the request as PENDING; returns how many.
   */
  async attach(manager: EntityManager, row: Pick<ApprovalRow, 'workspace_id' | 'user_id' | 'id' | 'period_start' | 'period_end'>): Promise<number> {
    const entries: unknown = await manager.query(
      `UPDATE time_entries SET approval_status = 'PENDING', approval_request_id = $3, version = version + 1
        WHERE workspace_id = $1 AND user_id = $2 AND start_at >= $4 AND start_at < $5 AND end_at IS NOT NULL
          AND (approval_status IS NULL OR approval_status <> ALL($6::text[]))`,
      [row.workspace_id, row.user_id, row.id, row.period_start, row.period_end, LOCKED_STATES],
    );
    const expenses: unknown = await manager.query(
      `UPDATE expenses e SET approval_status = 'PENDING', approval_request_id = ar.id
         FROM approval_requests ar
        WHERE ar.workspace_id = $1 AND ar.id = $3 AND e.workspace_id = $1 AND e.user_id = $2
          AND e.date >= ar.start_date AND e.date < ar.end_date
          AND (e.approval_status IS NULL OR e.approval_status <> ALL($4::text[]))`,
      [row.workspace_id, row.user_id, row.id, LOCKED_STATES],
    );
    return affected(entries) + affected(expenses);
  }

  /** Sets the approval status of the request's entries and expenses that are in one of `from`. */
  async setItemsStatus(manager: EntityManager, workspaceId: string, requestId: string, from: readonly string[], to: string): Promise<void> {
    await manager.query(
      `UPDATE time_entries SET approval_status = $4, version = version + 1
        WHERE workspace_id = $1 AND approval_request_id = $2 AND approval_status = ANY($3::text[])`,
      [workspaceId, requestId, from, to],
    );
    await manager.query(
      `UPDATE expenses SET approval_status = $4 WHERE workspace_id = $1 AND approval_request_id = $2 AND approval_status = ANY($3::text[])`,
      [workspaceId, requestId, from, to],
    );
  }
}
