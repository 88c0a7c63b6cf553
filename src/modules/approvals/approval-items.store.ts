import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toInstant, toIsoDuration } from '../../common/utils/time';
import type { ApprovalRow } from './approval.store';
import { LOCKED_STATES } from './approval.store';
import type {
  ApprovalDetailsDto,
  ApprovalEntryInfoDto,
  ApprovalExpenseDto,
  ApprovalProjectInfoDto,
} from './dto/approval-details.dto';

type Details = Omit<ApprovalDetailsDto, 'approvalRequest'>;

interface EntryRow {
  id: string;
  approval_request_id: string;
  approval_status: string | null;
  description: string;
  billable: boolean;
  type: string;
  start_at: Date;
  end_at: Date | null;
  duration: number | null;
  hourly_rate: string | null;
  cost_rate: string | null;
  currency: string;
  project: ApprovalProjectInfoDto | null;
  task: { id: string; name: string } | null;
  tags: ApprovalEntryInfoDto['tags'];
  custom_fields: ApprovalEntryInfoDto['customFieldValues'];
}

interface ExpenseRow extends Omit<
  ApprovalExpenseDto,
  'isLocked' | 'locked' | 'detailedApprovalStatus' | 'total' | 'quantity'
> {
  total: string;
  quantity: string;
}

interface TotalsRow {
  id: string;
  tracked: number;
  billable_time: number;
  break_time: number;
  approved: number;
  pending: number;
  billable_amount: string;
  cost_amount: string;
  expense_total: string;
}

const PROJECT_JSON = `CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name, 'color', p.color,
  'clientId', p.client_id, 'clientName', cl.name) END`;

/** The entries, expenses and totals of a page of approval requests, in three queries. */
@Injectable()
export class ApprovalItemsStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(workspaceId: string, requests: readonly ApprovalRow[]): Promise<(id: string) => Details> {
    const ids = requests.map((r) => r.id);
    const zones = new Map(requests.map((r) => [r.id, r.owner_time_zone]));
    const [entries, expenses, totals] = ids.length
      ? await Promise.all([
          this.entries(workspaceId, ids),
          this.expenses(workspaceId, ids),
          this.totals(workspaceId, ids),
        ])
      : [[], [], []];
    return (id) => {
      const t = totals.find((row) => row.id === id);
      return {
        entries: entries.filter((e) => e.approval_request_id === id).map((e) => toEntryInfo(e, zones.get(id) ?? 'UTC')),
        expenses: expenses.filter((e) => e.approvalRequestId === id).map(toExpense),
        trackedTime: toIsoDuration(t?.tracked ?? 0) ?? 'PT0S',
        billableTime: toIsoDuration(t?.billable_time ?? 0) ?? 'PT0S',
        breakTime: toIsoDuration(t?.break_time ?? 0) ?? 'PT0S',
        approvedTime: toIsoDuration(t?.approved ?? 0) ?? 'PT0S',
        pendingTime: toIsoDuration(t?.pending ?? 0) ?? 'PT0S',
        billableAmount: Number(t?.billable_amount ?? 0),
        costAmount: Number(t?.cost_amount ?? 0),
        expenseTotal: Number(t?.expense_total ?? 0),
      };
    };
  }

  private entries(workspaceId: string, ids: string[]): Promise<EntryRow[]> {
    return this.dataSource.query(
      `SELECT te.id, te.approval_request_id, te.approval_status, te.description, te.billable, te.type, te.start_at, te.end_at, te.duration,
              te.hourly_rate::text AS hourly_rate, te.cost_rate::text AS cost_rate, te.currency, ${PROJECT_JSON} AS project,
              CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS task,
              coalesce((SELECT json_agg(json_build_object('id', tg.id, 'name', tg.name, 'archived', tg.archived, 'workspaceId', tg.workspace_id) ORDER BY tg.name)
                          FROM time_entry_tags tt JOIN tags tg ON tg.id = tt.tag_id WHERE tt.time_entry_id = te.id), '[]') AS tags,
              coalesce((SELECT json_agg(json_build_object('customFieldId', v.custom_field_id, 'timeEntryId', te.id, 'sourceType', 'TIMEENTRY', 'value', v.value))
                          FROM time_entry_custom_fields v WHERE v.time_entry_id = te.id), '[]') AS custom_fields
         FROM time_entries te
         LEFT JOIN projects p ON p.workspace_id = te.workspace_id AND p.id = te.project_id
         LEFT JOIN clients cl ON cl.workspace_id = p.workspace_id AND cl.id = p.client_id
         LEFT JOIN tasks t ON t.workspace_id = te.workspace_id AND t.id = te.task_id
        WHERE te.workspace_id = $1 AND te.approval_request_id = ANY($2::char(24)[])
        ORDER BY te.start_at, te.id`,
      [workspaceId, ids],
    );
  }

  private expenses(workspaceId: string, ids: string[]): Promise<ExpenseRow[]> {
    return this.dataSource.query(
      `SELECT e.id, e.workspace_id AS "workspaceId", e.user_id AS "userId", e.approval_request_id AS "approvalRequestId",
              coalesce(e.approval_status, 'UNSUBMITTED') AS "approvalStatus", e.billable, to_char(e.date, 'YYYY-MM-DD') AS date,
              e.notes, e.quantity::text AS quantity, (e.amount_cents / 100.0)::text AS total, w.currency,
              json_build_object('id', c.id, 'name', c.name, 'archived', c.archived, 'hasUnitPrice', c.has_unit_price,
                                'priceInCents', c.price_in_cents, 'unit', c.unit, 'workspaceId', c.workspace_id) AS category,
              ${PROJECT_JSON} AS project,
              CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS task
         FROM expenses e
         JOIN workspaces w ON w.id = e.workspace_id
         JOIN expense_categories c ON c.workspace_id = e.workspace_id AND c.id = e.category_id
         LEFT JOIN projects p ON p.workspace_id = e.workspace_id AND p.id = e.project_id
         LEFT JOIN clients cl ON cl.workspace_id = p.workspace_id AND cl.id = p.client_id
         LEFT JOIN tasks t ON t.workspace_id = e.workspace_id AND t.id = e.task_id
        WHERE e.workspace_id = $1 AND e.approval_request_id = ANY($2::char(24)[])
        ORDER BY e.date, e.id`,
      [workspaceId, ids],
    );
  }

  /** Durations in seconds (breaks apart) and amounts in cents, per request. */
  private totals(workspaceId: string, ids: string[]): Promise<TotalsRow[]> {
    return this.dataSource.query(
      `SELECT r.id,
              coalesce(te.tracked, 0)::int AS tracked, coalesce(te.billable_time, 0)::int AS billable_time,
              coalesce(te.break_time, 0)::int AS break_time, coalesce(te.approved, 0)::int AS approved,
              coalesce(te.pending, 0)::int AS pending, coalesce(te.billable_amount, 0)::text AS billable_amount,
              coalesce(te.cost_amount, 0)::text AS cost_amount, coalesce(ex.total, 0)::text AS expense_total
         FROM unnest($2::char(24)[]) AS r(id)
         LEFT JOIN (
           SELECT approval_request_id AS id,
                  sum(duration) FILTER (WHERE type <> 'BREAK') AS tracked,
                  sum(duration) FILTER (WHERE type <> 'BREAK' AND billable) AS billable_time,
                  sum(duration) FILTER (WHERE type = 'BREAK') AS break_time,
                  sum(duration) FILTER (WHERE type <> 'BREAK' AND approval_status = 'APPROVED') AS approved,
                  sum(duration) FILTER (WHERE type <> 'BREAK' AND approval_status = 'PENDING') AS pending,
                  round(sum(duration::numeric * hourly_rate / 3600) FILTER (WHERE type <> 'BREAK' AND billable)) AS billable_amount,
                  round(sum(duration::numeric * cost_rate / 3600) FILTER (WHERE type <> 'BREAK')) AS cost_amount
             FROM time_entries WHERE workspace_id = $1 AND approval_request_id = ANY($2::char(24)[])
            GROUP BY approval_request_id) te ON te.id = r.id
         LEFT JOIN (
           SELECT approval_request_id AS id, sum(amount_cents) AS total
             FROM expenses WHERE workspace_id = $1 AND approval_request_id = ANY($2::char(24)[])
            GROUP BY approval_request_id) ex ON ex.id = r.id`,
      [workspaceId, ids],
    );
  }
}

function toEntryInfo(row: EntryRow, timeZone: string): ApprovalEntryInfoDto {
  const rate = (amount: string | null) => (amount === null ? null : { amount: Number(amount), currency: row.currency });
  return {
    id: row.id,
    approvalRequestId: row.approval_request_id,
    billable: row.billable,
    costRate: rate(row.cost_rate),
    customFieldValues: row.custom_fields,
    description: row.description,
    hourlyRate: rate(row.hourly_rate),
    isLocked: row.approval_status !== null && LOCKED_STATES.includes(row.approval_status),
    project: row.project,
    tags: row.tags,
    task: row.task,
    timeInterval: {
      start: toInstant(row.start_at) ?? '',
      end: toInstant(row.end_at),
      duration: toIsoDuration(row.duration),
      timeZone,
    },
    type: row.type,
  };
}

function toExpense(row: ExpenseRow): ApprovalExpenseDto {
  const locked = LOCKED_STATES.includes(row.approvalStatus);
  return {
    ...row,
    detailedApprovalStatus: row.approvalStatus,
    total: Number(row.total),
    quantity: Number(row.quantity),
    locked,
    isLocked: locked,
  };
}
