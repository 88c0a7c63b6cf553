import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { type CategoryRow, ExpenseCategoriesStore } from './expense-categories.store';
import type { ExpenseReadService } from './expense-read.service';
import { ExpenseStore } from './expense.store';
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
    if (category.has_unit_price)
      return {
        amountCents: unitTotalCents(hundredths, category.price_in_cents ?? 0),
        quantity: hundredthsToText(hundredths),
      };
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
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day)
    throw new BadRequestException(`date ${text} is not a valid date`);
  return day;
}

/** The category (404 when not in this workspace; 400 when archived, unless `allowArchived`). */
export async function categoryOf(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  allowArchived = false,
): Promise<CategoryRow> {
  const row = await ExpenseCategoriesStore.find(manager, workspaceId, id);
  if (!row) throw new NotFoundException('Expense category not found');
  if (row.archived && !allowArchived) throw new BadRequestException('The expense category is archived');
  return row;
}

/** The project and task exist in this workspace (404) and the task is the project's (400). */
export async function checkProjectTask(
  manager: EntityManager,
  workspaceId: string,
  projectId: string | null,
  taskId: string | null,
): Promise<void> {
  if (taskId && !projectId) throw new BadRequestException('taskId needs the projectId of its project');
  if (projectId) {
    if (!(await ExpenseStore.projectExists(manager, workspaceId, projectId)))
      throw new NotFoundException('Project not found');
  }
  if (taskId) {
    const taskProjectId = await ExpenseStore.taskProjectId(manager, workspaceId, taskId);
    if (taskProjectId === undefined) throw new NotFoundException('Task not found');
    if (taskProjectId !== projectId) throw new BadRequestException('The task does not belong to the project');
  }
}

/** The caller may file expenses for `userId`: self, admins, and the user's team managers; the user must be a member (404). */
export async function checkOwner(
  manager: EntityManager,
  reader: ExpenseReadService,
  ws: WorkspaceContext,
  userId: string,
): Promise<void> {
  if (!(await ExpenseStore.isMember(manager, ws.workspaceId, userId)))
    throw new NotFoundException('User not found in this workspace');
  if (userId === ws.userId || ws.isAdmin) return;
  if (!(await reader.manages(manager, ws, userId))) {
    throw new ForbiddenException("Only admins and the user's team managers may record expenses for another user");
  }
}
