import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { mayActForSql } from '../../common/access';
import { SqlConditions } from '../../common/utils/sql';
import { toInstant } from '../../common/utils/time';
import { ExpenseStore } from '../expenses/expense.store';
import { TimeEntryApprovalStore } from '../time-entries/time-entry-approval.store';
import type { ApprovalSortColumn } from './dto/approval-query.dto';
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
const SORT_SQL: Record<ApprovalSortColumn, string> = {
  ID: 'ar.id',
  USER_ID: 'ar.user_id',
  START: 'ar.period_start',
  UPDATED_AT: 'coalesce(ar.status_changed_at, ar.submitted_at)',
};

/** A new PENDING request as `ApprovalStore.insert` writes it. */
export interface NewApprovalRequest {
  id: string;
  workspaceId: string;
  userId: string;
  period: string;
  start: Date;
  end: Date;
  startDate: string;
  endDate: string;
  submittedBy: string;
}

export const LOCKED_STATES = ['PENDING', 'APPROVED'];

export function toApprovalRequestDto(row: ApprovalRow): ApprovalRequestDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    creator: { userId: row.submitted_by, userName: row.creator_name, userEmail: row.creator_email },
    dateRange: {
      start: toInstant(row.period_start) ?? '',
      end: toInstant(new Date(new Date(row.period_end).getTime() - 1000)) ?? '',
    },
    owner: {
      userId: row.user_id,
      userName: row.owner_name,
      timeZone: row.owner_time_zone,
      startOfWeek: row.owner_week_start,
    },
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
    if (lock)
      await manager.query('SELECT 1 FROM approval_requests WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [
        workspaceId,
        id,
      ]);
    const rows: ApprovalRow[] = await manager.query(
      `SELECT ${APPROVAL_COLUMNS} FROM ${APPROVAL_FROM} WHERE ar.workspace_id = $1 AND ar.id = $2`,
      [workspaceId, id],
    );
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
    const rows: { d: string }[] = await manager.query(
      `SELECT to_char(($1::timestamptz AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS d`,
      [instant, timeZone],
    );
    return rows[0].d;
  }

  /** The instants of the local midnights starting two dates in a time zone. */
  async midnights(
    manager: EntityManager,
    start: string,
    end: string,
    timeZone: string,
  ): Promise<{ start: Date; end: Date }> {
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
  async attach(
    manager: EntityManager,
    row: Pick<ApprovalRow, 'workspace_id' | 'user_id' | 'id' | 'period_start' | 'period_end'>,
  ): Promise<number> {
    const entries = await TimeEntryApprovalStore.attach(
      manager,
      {
        workspaceId: row.workspace_id,
        userId: row.user_id,
        requestId: row.id,
        start: row.period_start,
        end: row.period_end,
      },
      LOCKED_STATES,
    );
    const expenses = await ExpenseStore.attachToApproval(manager, row.workspace_id, row.user_id, row.id, LOCKED_STATES);
    return entries + expenses;
  }

  /** Sets the approval status of the request's entries and expenses that are in one of `from`. */
  async setItemsStatus(
    manager: EntityManager,
    workspaceId: string,
    requestId: string,
    from: readonly string[],
    to: string,
  ): Promise<void> {
    await TimeEntryApprovalStore.setStatus(manager, workspaceId, requestId, from, to);
    await ExpenseStore.setApprovalStatus(manager, workspaceId, requestId, from, to);
  }

  /** A page of requests (`caller` left out for admins, who see all), in the order asked for, with the count of all of them. */
  async page(
    manager: EntityManager,
    workspaceId: string,
    caller: string | undefined,
    status: string | undefined,
    sort: { column: ApprovalSortColumn; descending: boolean },
    page: { page: number; pageSize: number },
  ): Promise<{ rows: ApprovalRow[]; total: number }> {
    const where = new SqlConditions([workspaceId]);
    where.add('ar.workspace_id = $1');
    if (caller !== undefined)
      where.add(mayActForSql({ workspace: '$1', caller: where.param(caller), user: 'ar.user_id' }));
    if (status) where.add(`ar.status = ${where.param(status)}`);
    const filterParams = [...where.params];
    const order = sort.descending ? 'DESC' : 'ASC';
    const limit = where.param(page.pageSize);
    const offset = where.param((page.page - 1) * page.pageSize);
    const rows: (ApprovalRow & { total: string })[] = await manager.query(
      `SELECT ${APPROVAL_COLUMNS}, count(*) OVER () AS total FROM ${APPROVAL_FROM}
        WHERE ${where.sql}
        ORDER BY ${SORT_SQL[sort.column]} ${order}, ar.id ${order}
        LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    if (rows[0]) return { rows, total: Number(rows[0].total) };
    const counted: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM approval_requests ar WHERE ${where.sql}`,
      filterParams,
    );
    return { rows, total: counted[0]?.n ?? 0 };
  }

  /** The workspace's approval period setting (`settings.approvalPeriod`), null when unset. */
  async periodSetting(manager: EntityManager, workspaceId: string): Promise<string | null | undefined> {
    const settings: { period: string | null }[] = await manager.query(
      `SELECT settings->>'approvalPeriod' AS period FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    return settings[0]?.period;
  }

  async insert(manager: EntityManager, r: NewApprovalRequest): Promise<void> {
    await manager.query(
      `INSERT INTO approval_requests (id, workspace_id, user_id, period, period_start, period_end, start_date, end_date, status, submitted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING', $9)`,
      [r.id, r.workspaceId, r.userId, r.period, r.start, r.end, r.startDate, r.endDate, r.submittedBy],
    );
  }

  /** The request of exactly this period to resubmit to, locked: the active one when there is one, else the latest. */
  async lockForResubmit(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    start: Date,
    end: Date,
  ): Promise<{ id: string; status: string } | undefined> {
    const rows: { id: string; status: string }[] = await manager.query(
      `SELECT id, status FROM approval_requests
        WHERE workspace_id = $1 AND user_id = $2 AND period_start = $3 AND period_end = $4
        ORDER BY (status = ANY($5::text[])) DESC, submitted_at DESC, id DESC LIMIT 1 FOR UPDATE`,
      [workspaceId, userId, start, end, LOCKED_STATES],
    );
    return rows[0];
  }

  /** Makes a request PENDING again (its note cleared). */
  async setPending(manager: EntityManager, workspaceId: string, id: string, by: string): Promise<void> {
    await manager.query(
      `UPDATE approval_requests SET status = 'PENDING', note = NULL, status_changed_by = $3, status_changed_at = now()
        WHERE workspace_id = $1 AND id = $2`,
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
      `UPDATE approval_requests SET status = $3, note = $4, status_changed_by = $5, status_changed_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, status, note, by],
    );
  }

  /** A pending or approved request of the user overlapping the period (other than `except`). */
  async activeOverlapping(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    start: Date,
    end: Date,
    except: string | null,
  ): Promise<Pick<ApprovalRow, 'id' | 'status'> | undefined> {
    const rows: Pick<ApprovalRow, 'id' | 'status'>[] = await manager.query(
      `SELECT id, status FROM approval_requests
        WHERE workspace_id = $1 AND user_id = $2 AND status = ANY($3::text[]) AND period_start < $5 AND period_end > $4
          AND ($6::char(24) IS NULL OR id <> $6)
        LIMIT 1`,
      [workspaceId, userId, LOCKED_STATES, start, end, except],
    );
    return rows[0];
  }
}
