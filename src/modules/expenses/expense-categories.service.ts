import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import type { ExpenseCategoryQueryDto } from './dto/expense-category-query.dto';
import type { ExpenseCategoryRequestDto } from './dto/expense-category-requests.dto';
import type { ExpenseCategoriesWithCountDto, ExpenseCategoryDto } from './dto/expense-category.dto';
import { type CategoryRow, type CategoryValues, ExpenseCategoriesStore } from './expense-categories.store';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({
  expense_categories_name_key: `Expense category with name '${name}' already exists`,
});

const ENTITY_TYPE = 'EXPENSE_CATEGORY';

export function toCategoryDto(row: CategoryRow): ExpenseCategoryDto {
  return {
    id: row.id,
    name: row.name,
    hasUnitPrice: row.has_unit_price,
    priceInCents: row.price_in_cents,
    unit: row.unit,
    archived: row.archived,
    workspaceId: row.workspace_id,
  };
}

/** Expense categories: admins write them; every member reads them (to pick one for an expense). */
@Injectable()
export class ExpenseCategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async list(
    workspaceId: string,
    query: ExpenseCategoryQueryDto,
  ): Promise<{ body: ExpenseCategoriesWithCountDto; total: number }> {
    const { rows, total } = await ExpenseCategoriesStore.page(this.dataSource.manager, {
      workspaceId,
      archived: query.archived,
      name: query.name,
      descending: query['sort-order'] === 'DESCENDING',
      size: query['page-size'],
      page: query.page,
    });
    return { body: { categories: rows.map(toCategoryDto), count: total }, total };
  }

  async create(workspaceId: string, dto: ExpenseCategoryRequestDto): Promise<ExpenseCategoryDto> {
    const values = categoryValues(dto);
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        const row = await ExpenseCategoriesStore.insert(manager, workspaceId, newId(), values);
        return this.record(manager, row, 'EXPENSE_CATEGORY_CREATED');
      }),
    );
  }

  /** PUT: the whole category as sent (unsent optional fields are cleared). */
  async update(workspaceId: string, id: string, dto: ExpenseCategoryRequestDto): Promise<ExpenseCategoryDto> {
    const values = categoryValues(dto);
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        const row = await ExpenseCategoriesStore.update(manager, workspaceId, id, values);
        if (!row) throw new NotFoundException('Expense category not found');
        return this.record(manager, row, 'EXPENSE_CATEGORY_UPDATED');
      }),
    );
  }

  async setArchived(workspaceId: string, id: string, archived: boolean): Promise<ExpenseCategoryDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await ExpenseCategoriesStore.setArchived(manager, workspaceId, id, archived);
      if (!row) throw new NotFoundException('Expense category not found');
      return this.record(manager, row, 'EXPENSE_CATEGORY_UPDATED');
    });
  }

  /** 409 while expenses still use the category (archive it instead). */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.dataSource
      .transaction(async (manager) => {
        const row = await ExpenseCategoriesStore.delete(manager, workspaceId, id);
        if (!row) throw new NotFoundException('Expense category not found');
        await this.record(manager, row, 'EXPENSE_CATEGORY_DELETED');
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23503')
          throw new ConflictException('The expense category is used by expenses; archive it instead');
        throw error;
      });
  }

  private async record(manager: EntityManager, row: CategoryRow, event: string): Promise<ExpenseCategoryDto> {
    const dto = toCategoryDto(row);
    await this.outbox.record(manager, {
      workspaceId: row.workspace_id,
      entityType: ENTITY_TYPE,
      entityId: row.id,
      event,
      payload: dto,
    });
    return dto;
  }
}

/** name, has_unit_price, price_in_cents, unit; a unit-priced category needs its price. */
function categoryValues(dto: ExpenseCategoryRequestDto): CategoryValues {
  const hasUnitPrice = dto.hasUnitPrice ?? false;
  if (hasUnitPrice && dto.priceInCents === undefined)
    throw new BadRequestException('priceInCents is required when hasUnitPrice is true');
  return [dto.name, hasUnitPrice, dto.priceInCents ?? null, dto.unit || null];
}
