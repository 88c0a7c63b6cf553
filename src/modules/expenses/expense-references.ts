import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import type { CategoryRow } from './expense-categories.service';
import type { ExpenseReader } from './expense-reader';
import { AmountError, hundredthsToText, parseCents, unitTotalCents } from './money';

/** The amount columns of an expense. */
export interface ExpenseAmount {
  amountCents: number;
  quantity: string;
}

/**
 * `amount` of a request as stored: for a unit-priced category it is the
 * quantity, and the total is quantity × unit price (half up on the cent);
 * otherwise it is the total itself, with quantity 1.
 */
export function amountOf(amount: string, category: CategoryRow): ExpenseAmount {
  try {
    const hundredths = parseCents(amount);
    if (category.has_unit_price) return { amountCents: unitTotalCents(hundredths, category.price_in_cents ?? 0), quantity: hundredthsToText(hundredths) };
    return { amountCents: hundredths, quantity: '1' };
  } catch (error) {
    if (error instanceof AmountError) throw new BadRequestException(error.message);
    throw error;
  }
}

/** The date part of `yyyy-MM-dd[Thh:mm:ss…]` as written; 400 for a day that does not exist. */
export function dateOf(text: string): string {
  const day = text.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) throw new BadRequestException(`date ${text} is not a valid date`);
  return day;
}

/** The category (404 when not in this workspace; 400 when archived, unless `allowArchived`). */
export async function categoryOf(manager: EntityManager, workspaceId: string, id: string, allowArchived = false): Promise<CategoryRow> {
  const rows: CategoryRow[] = await manager.query('SELECT * FROM expense_categories WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  if (!rows[0]) throw new NotFoundException('Expense category not found');
  if (rows[0].archived && !allowArchived) throw new BadRequestException('The expense category is archived');
  return rows[0];
}

/** The project and task exist in this workspace (404) and the task is the project's (400). */
export async function checkProjectTask(manager: EntityManager, workspaceId: string, projectId: string | null, taskId: string | null): Promise<void> {
  if (taskId && !projectId) throw new BadRequestException('taskId needs the projectId of its project');
  if (projectId) {
    const rows: unknown[] = await manager.query('SELECT 1 FROM projects WHERE workspace_id = $1 AND id = $2', [workspaceId, projectId]);
    if (!rows.length) throw new NotFoundException('Project not found');
  }
  if (taskId) {
    const rows: { project_id: string }[] = await manager.query('SELECT project_id FROM tasks WHERE workspace_id = $1 AND id = $2', [workspaceId, taskId]);
    if (!rows[0]) throw new NotFoundException('Task not found');
    if (rows[0].project_id !== projectId) throw new BadRequestException('The task does not belong to the project');
  }
}

/** The caller may file expenses for `userId`: self, admins, and the user's team managers; the user must be a member (404). */
export async function checkOwner(manager: EntityManager, reader: ExpenseReader, ws: WorkspaceContext, userId: string): Promise<void> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [ws.workspaceId, userId]);
  if (!rows.length) throw new NotFoundException('User not found in this workspace');
  if (userId === ws.userId || ws.isAdmin) return;
  if (!(await reader.manages(manager, ws, userId))) {
    throw new ForbiddenException("Only admins and the user's team managers may record expenses for another user");
  }
}
