import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { isTeamManagerOf } from '../../common/access';
import type { ExpenseQueryDto } from './dto/expense-query.dto';
import type {
  ExpenseDailyTotalsDto,
  ExpenseDto,
  ExpensesAndTotalsDto,
  ExpenseWeeklyTotalsDto,
} from './dto/expense.dto';
import { type ExpenseRow, toExpenseDto, toHydratedDto } from './expense.mapper';
import { ExpenseStore } from './expense.store';
import { centsToDecimal } from './money';

/** Reads expenses as the caller may see them: admins all, others their own and those of the users they manage. */
@Injectable()
export class ExpenseReadService {
  constructor(private readonly dataSource: DataSource) {}

  async list(ws: WorkspaceContext, query: ExpenseQueryDto): Promise<{ body: ExpensesAndTotalsDto; total: number }> {
    const { rows, days } = await ExpenseStore.page(
      this.dataSource.manager,
      {
        workspaceId: ws.workspaceId,
        caller: ws.isAdmin ? undefined : ws.userId,
        userId: query['user-id'],
        categoryId: query['category-id'],
        startDate: query['start-date'],
        endDate: query['end-date'],
      },
      query['page-size'],
      query.page,
    );
    const total = days.reduce((sum, d) => sum + d.n, 0);
    const dailyTotals: ExpenseDailyTotalsDto[] = days.map((d) => ({
      date: d.day,
      dateAsInstant: `${d.day}T00:00:00Z`,
      total: centsToDecimal(Number(d.cents)),
    }));
    const weeks = new Map<string, number>();
    for (const d of days) weeks.set(d.week, (weeks.get(d.week) ?? 0) + Number(d.cents));
    const weeklyTotals: ExpenseWeeklyTotalsDto[] = [...weeks].map(([date, cents]) => ({
      date,
      total: centsToDecimal(cents),
    }));
    return {
      body: { expenses: { count: total, expenses: rows.map(toHydratedDto) }, dailyTotals, weeklyTotals },
      total,
    };
  }

  async get(ws: WorkspaceContext, id: string): Promise<ExpenseDto> {
    return toExpenseDto(await this.findVisible(this.dataSource.manager, ws, id));
  }

  /**
   * One expense of this workspace (404 otherwise) that the caller may see
   * (403 for another member's), locked FOR UPDATE when writing.
   */
  async findVisible(manager: EntityManager, ws: WorkspaceContext, id: string, forUpdate = false): Promise<ExpenseRow> {
    const row = await ExpenseStore.findWithVisibility(manager, ws.workspaceId, id, ws.userId, ws.isAdmin, forUpdate);
    if (!row) throw new NotFoundException('Expense not found');
    if (!row.visible)
      throw new ForbiddenException("Only admins and the user's team managers may access another user's expenses");
    return row;
  }

  /** Is `userId` managed by the caller (TEAM_MANAGER of the user or of one of the user's groups)? */
  async manages(manager: EntityManager, ws: WorkspaceContext, userId: string): Promise<boolean> {
    return isTeamManagerOf(manager, ws, userId);
  }
}
