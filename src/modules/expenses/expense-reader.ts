import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { isTeamManagerOf, mayActForSql } from '../../common/access';
import type { ExpenseQueryDto } from './dto/expense-query.dto';
import type { ExpenseDailyTotalsDto, ExpenseDto, ExpensesAndTotalsDto, ExpenseWeeklyTotalsDto } from './dto/expense.dto';
import { type ExpenseRow, toExpenseDto, toHydratedDto } from './expense.mapper';
import { centsToDecimal } from './money';

/** The columns of ExpenseRow (`e` is the expenses alias). */
const COLUMNS = `e.id, e.workspace_id, e.user_id, e.project_id, e.task_id, e.category_id, to_char(e.date, 'YYYY-MM-DD') AS date_text,
  e.notes, e.billable, e.amount_cents::text AS amount_cents, e.quantity::text AS quantity, e.invoiced, e.approval_status,
  row_to_json(c) AS category, p.name AS project_name, p.color AS project_color, p.client_id, cl.name AS client_name,
  t.name AS task_name, f.id AS file_id, f.name AS file_name`;

const FROM = `expenses e
  JOIN expense_categories c ON c.workspace_id = e.workspace_id AND c.id = e.category_id
  LEFT JOIN projects p ON p.workspace_id = e.workspace_id AND p.id = e.project_id
  LEFT JOIN clients cl ON cl.workspace_id = p.workspace_id AND cl.id = p.client_id
  LEFT JOIN tasks t ON t.workspace_id = e.workspace_id AND t.id = e.task_id
  LEFT JOIN LATERAL (SELECT ef.id, ef.name FROM expense_files ef WHERE ef.workspace_id = e.workspace_id AND ef.expense_id = e.id
                      ORDER BY ef.created_at DESC, ef.id DESC LIMIT 1) f ON true`;

/** Reads expenses as the caller may see them: admins all, others their own and those of the users they manage. */
@Injectable()
export class ExpenseReader {
  constructor(private readonly dataSource: DataSource) {}

  async list(ws: WorkspaceContext, query: ExpenseQueryDto): Promise<{ body: ExpensesAndTotalsDto; total: number }> {
    const params: unknown[] = [ws.workspaceId];
    const where = ['e.workspace_id = $1'];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (!ws.isAdmin) add((p) => mayActForSql({ workspace: '$1', caller: p, user: 'e.user_id' }), ws.userId);
    if (query['user-id']) add((p) => `e.user_id = ${p}`, query['user-id']);
    if (query['category-id']) add((p) => `e.category_id = ${p}`, query['category-id']);
    if (query['start-date']) add((p) => `e.date >= ${p}::date`, query['start-date']);
    if (query['end-date']) add((p) => `e.date <= ${p}::date`, query['end-date']);
    const filter = where.join(' AND ');
    const size = query['page-size'];
    const [rows, days] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE ${filter}
          ORDER BY e.date DESC, e.created_at DESC, e.id DESC LIMIT ${size} OFFSET ${(query.page - 1) * size}`,
        params,
      ) as Promise<ExpenseRow[]>,
      this.dataSource.query(
        `SELECT to_char(e.date, 'YYYY-MM-DD') AS day, to_char(date_trunc('week', e.date), 'YYYY-MM-DD') AS week,
                sum(e.amount_cents)::text AS cents, count(*)::int AS n
           FROM expenses e WHERE ${filter} GROUP BY e.date ORDER BY e.date`,
        params,
      ) as Promise<{ day: string; week: string; cents: string; n: number }[]>,
    ]);
    const total = days.reduce((sum, d) => sum + d.n, 0);
    const dailyTotals: ExpenseDailyTotalsDto[] = days.map((d) => ({
      date: d.day,
      dateAsInstant: `${d.day}T00:00:00Z`,
      total: centsToDecimal(Number(d.cents)),
    }));
    const weeks = new Map<string, number>();
    for (const d of days) weeks.set(d.week, (weeks.get(d.week) ?? 0) + Number(d.cents));
    const weeklyTotals: ExpenseWeeklyTotalsDto[] = [...weeks].map(([date, cents]) => ({ date, total: centsToDecimal(cents) }));
    return { body: { expenses: { count: total, expenses: rows.map(toHydratedDto) }, dailyTotals, weeklyTotals }, total };
  }

  async get(ws: WorkspaceContext, id: string): Promise<ExpenseDto> {
    return toExpenseDto(await this.findVisible(this.dataSource.manager, ws, id));
  }

  /**
   * One expense of this workspace (404 otherwise) that the caller may see
   * (403 for another member's), locked FOR UPDATE when writing.
   */
  async findVisible(manager: EntityManager, ws: WorkspaceContext, id: string, forUpdate = false): Promise<ExpenseRow> {
    const rows: (ExpenseRow & { visible: boolean })[] = await manager.query(
      `SELECT ${COLUMNS}, ($4 OR ${mayActForSql({ workspace: '$1', caller: '$3', user: 'e.user_id' })}) AS visible
         FROM ${FROM} WHERE e.workspace_id = $1 AND e.id = $2 ${forUpdate ? 'FOR UPDATE OF e' : ''}`,
      [ws.workspaceId, id, ws.userId, ws.isAdmin],
    );
    const row = rows[0];
    if (!row) throw new NotFoundException('Expense not found');
    if (!row.visible) throw new ForbiddenException("Only admins and the user's team managers may access another user's expenses");
    return row;
  }

  /** Is `userId` managed by the caller (TEAM_MANAGER of the user or of one of the user's groups)? */
  async manages(manager: EntityManager, ws: WorkspaceContext, userId: string): Promise<boolean> {
    return isTeamManagerOf(manager, ws, userId);
  }
}
