import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import type { ChangeField, CreateExpenseDto, UpdateExpenseDto } from './dto/expense-requests.dto';
import type { ExpenseDto } from './dto/expense.dto';
import { ExpenseFilesService, type Receipt } from './expense-files.service';
import { ExpenseReadService } from './expense-read.service';
import { amountOf, categoryOf, checkOwner, checkProjectTask, dateOf, type ExpenseAmount } from './expense-references';
import { isLocked, toExpenseDto, type ExpenseRow } from './expense.mapper';
import { ExpenseStore, type ExpenseValues } from './expense.store';

const ENTITY_TYPE = 'EXPENSE';

/** Creates, changes and deletes expenses (with their receipts), each in one transaction with its outbox event. */
@Injectable()
export class ExpensesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ExpenseReadService,
    private readonly files: ExpenseFilesService,
    private readonly outbox: OutboxService,
  ) {}

  async create(ws: WorkspaceContext, dto: CreateExpenseDto, receipt: Receipt | null): Promise<ExpenseDto> {
    return this.dataSource.transaction(async (manager) => {
      const userId = dto.userId ?? ws.userId;
      await checkOwner(manager, this.reader, ws, userId);
      const category = await categoryOf(manager, ws.workspaceId, dto.categoryId);
      const projectId = dto.projectId ?? null;
      const taskId = dto.taskId ?? null;
      await checkProjectTask(manager, ws.workspaceId, projectId, taskId);
      const values: ExpenseValues = {
        userId,
        projectId,
        taskId,
        categoryId: category.id,
        date: dateOf(dto.date),
        notes: dto.notes ?? '',
        billable: dto.billable ?? false,
        ...amountOf(dto.amount, category),
      };
      const id = newId();
      await ExpenseStore.insert(manager, ws.workspaceId, id, values);
      if (receipt) await this.files.replace(manager, ws.workspaceId, id, receipt);
      return this.record(manager, ws, id, 'EXPENSE_CREATED');
    });
  }

  async update(ws: WorkspaceContext, id: string, dto: UpdateExpenseDto, receipt: Receipt | null): Promise<ExpenseDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.reader.findVisible(manager, ws, id, true);
      assertUnlocked(ws, row);
      const fields = new Set<ChangeField>(dto.changeFields ?? sentFields(dto, receipt));
      const values = await this.changed(manager, ws, row, dto, fields);
      await ExpenseStore.update(manager, ws.workspaceId, id, values);
      if (fields.has('FILE')) await this.files.replace(manager, ws.workspaceId, id, receipt);
      return this.record(manager, ws, id, 'EXPENSE_UPDATED');
    });
  }

  async delete(ws: WorkspaceContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.reader.findVisible(manager, ws, id, true);
      assertUnlocked(ws, row);
      await ExpenseStore.delete(manager, ws.workspaceId, id);
      await this.outbox.record(manager, {
        workspaceId: ws.workspaceId,
        entityType: ENTITY_TYPE,
        entityId: id,
        event: 'EXPENSE_DELETED',
        payload: toExpenseDto(row),
      });
    });
  }

  /** The expense after applying the fields named in `fields`; the rest stays as stored. */
  private async changed(
    manager: EntityManager,
    ws: WorkspaceContext,
    row: ExpenseRow,
    dto: UpdateExpenseDto,
    fields: Set<ChangeField>,
  ): Promise<ExpenseValues> {
    const need = <T>(value: T | undefined, name: string): T => {
      if (value === undefined) throw new BadRequestException(`${name} is required to change it`);
      return value;
    };
    const userId = fields.has('USER') ? need(dto.userId, 'userId') : row.user_id;
    if (userId !== row.user_id) await checkOwner(manager, this.reader, ws, userId);
    const projectId = fields.has('PROJECT') ? (dto.projectId ?? null) : row.project_id;
    let taskId = fields.has('TASK') ? (dto.taskId ?? null) : row.task_id;
    if (!fields.has('TASK') && projectId !== row.project_id) taskId = null;
    await checkProjectTask(manager, ws.workspaceId, projectId, taskId);
    const categoryChanged = fields.has('CATEGORY') && need(dto.categoryId, 'categoryId') !== row.category_id;
    const category = categoryChanged
      ? await categoryOf(manager, ws.workspaceId, dto.categoryId as string)
      : row.category;
    let amount: ExpenseAmount = { amountCents: Number(row.amount_cents), quantity: row.quantity };
    if (fields.has('AMOUNT')) amount = amountOf(need(dto.amount, 'amount'), category);
    else if (categoryChanged)
      amount = category.has_unit_price
        ? amountOf(row.quantity, category)
        : { amountCents: amount.amountCents, quantity: '1' };
    return {
      userId,
      projectId,
      taskId,
      categoryId: category.id,
      date: fields.has('DATE') ? dateOf(need(dto.date, 'date')) : row.date_text,
      notes: fields.has('NOTES') ? (dto.notes ?? '') : row.notes,
      billable: fields.has('BILLABLE') ? (dto.billable ?? false) : row.billable,
      ...amount,
    };
  }

  private async record(manager: EntityManager, ws: WorkspaceContext, id: string, event: string): Promise<ExpenseDto> {
    const dto = toExpenseDto(await this.reader.findVisible(manager, ws, id));
    await this.outbox.record(manager, {
      workspaceId: ws.workspaceId,
      entityType: ENTITY_TYPE,
      entityId: id,
      event,
      payload: dto,
    });
    return dto;
  }
}

/** Without changeFields, every field the request carries changes. */
function sentFields(dto: UpdateExpenseDto, receipt: Receipt | null): ChangeField[] {
  const sent: [unknown, ChangeField][] = [
    [dto.userId, 'USER'],
    [dto.date, 'DATE'],
    [dto.projectId, 'PROJECT'],
    [dto.taskId, 'TASK'],
    [dto.categoryId, 'CATEGORY'],
    [dto.notes, 'NOTES'],
    [dto.amount, 'AMOUNT'],
    [dto.billable, 'BILLABLE'],
    [receipt ?? undefined, 'FILE'],
  ];
  return sent.filter(([value]) => value !== undefined).map(([, field]) => field);
}

/** Invoiced and approved expenses are locked for everyone but admins (403). */
function assertUnlocked(ws: WorkspaceContext, row: ExpenseRow): void {
  if (!ws.isAdmin && isLocked(row))
    throw new ForbiddenException(
      'The expense is invoiced, submitted for approval or approved and can only be changed by admins',
    );
}
