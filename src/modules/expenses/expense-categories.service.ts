import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique, likePattern } from '../../common/utils/sql';
import type { ExpenseCategoryQueryDto } from './dto/expense-category-query.dto';
import type { ExpenseCategoryRequestDto } from './dto/expense-category-requests.dto';
import type { ExpenseCategoriesWithCountDto, ExpenseCategoryDto } from './dto/expense-category.dto';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({ expense_categories_name_key: `Expense category with name '${name}' already exists` });

const ENTITY_TYPE = 'EXPENSE_CATEGORY';

/** A row of expense_categories. */
export interface CategoryRow {
  id: string;
  workspace_id: string;
  name: string;
  has_unit_price: boolean;
  price_in_cents: number | null;
  unit: string | null;
  archived: boolean;
}

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

  async list(workspaceId: string, query: ExpenseCategoryQueryDto): Promise<{ body: ExpenseCategoriesWithCountDto; total: number }> {
    const params: unknown[] = [workspaceId, query.archived];
    let where = 'workspace_id = $1 AND archived = $2';
    if (query.name) {
      params.push(likePattern(query.name));
      where += ` AND name ILIKE $${params.length} ESCAPE '\\'`;
    }
    const order = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    const size = query['page-size'];
    const rows: (CategoryRow & { total: string })[] = await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM expense_categories WHERE ${where}
        ORDER BY lower(name) ${order}, id ${order} LIMIT ${size} OFFSET ${(query.page - 1) * size}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(where, params);
    return { body: { categories: rows.map(toCategoryDto), count: total }, total };
  }

  async create(workspaceId: string, dto: ExpenseCategoryRequestDto): Promise<ExpenseCategoryDto> {
    const values = categoryValues(dto);
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        const rows: CategoryRow[] = await manager.query(
          `INSERT INTO expense_categories (id, workspace_id, name, has_unit_price, price_in_cents, unit)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
          [newId(), workspaceId, ...values],
        );
        return this.record(manager, rows[0], 'EXPENSE_CATEGORY_CREATED');
      }),
    );
  }

  /** PUT: the whole category as sent (unsent optional fields are cleared). */
  async update(workspaceId: string, id: string, dto: ExpenseCategoryRequestDto): Promise<ExpenseCategoryDto> {
    const values = categoryValues(dto);
    return conflictOnUnique(nameTaken(dto.name), () =>
      this.dataSource.transaction(async (manager) => {
        const [rows] = (await manager.query(
          `UPDATE expense_categories SET name = $3, has_unit_price = $4, price_in_cents = $5, unit = $6
            WHERE workspace_id = $1 AND id = $2 RETURNING *`,
          [workspaceId, id, ...values],
        )) as [CategoryRow[], number];
        if (!rows.length) throw new NotFoundException('Expense category not found');
        return this.record(manager, rows[0], 'EXPENSE_CATEGORY_UPDATED');
      }),
    );
  }

  async setArchived(workspaceId: string, id: string, archived: boolean): Promise<ExpenseCategoryDto> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        'UPDATE expense_categories SET archived = $3 WHERE workspace_id = $1 AND id = $2 RETURNING *',
        [workspaceId, id, archived],
      )) as [CategoryRow[], number];
      if (!rows.length) throw new NotFoundException('Expense category not found');
      return this.record(manager, rows[0], 'EXPENSE_CATEGORY_UPDATED');
    });
  }

  /** 409 while expenses still use the category (archive it instead). */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query('DELETE FROM expense_categories WHERE workspace_id = $1 AND id = $2 RETURNING *', [
        workspaceId,
        id,
      ])) as [CategoryRow[], number];
      if (!rows.length) throw new NotFoundException('Expense category not found');
      await this.record(manager, rows[0], 'EXPENSE_CATEGORY_DELETED');
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23503') throw new ConflictException('The expense category is used by expenses; archive it instead');
      throw error;
    });
  }

  private async count(where: string, params: unknown[]): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM expense_categories WHERE ${where}`, params)) as { n: number }[];
    return row.n;
  }

  private async record(manager: EntityManager, row: CategoryRow, event: string): Promise<ExpenseCategoryDto> {
    const dto = toCategoryDto(row);
    await this.outbox.record(manager, { workspaceId: row.workspace_id, entityType: ENTITY_TYPE, entityId: row.id, event, payload: dto });
    return dto;
  }

}

/** name, has_unit_price, price_in_cents, unit; a unit-priced category needs its price. */
function categoryValues(dto: ExpenseCategoryRequestDto): [string, boolean, number | null, string | null] {
  const hasUnitPrice = dto.hasUnitPrice ?? false;
  if (hasUnitPrice && dto.priceInCents === undefined) throw new BadRequestException('priceInCents is required when hasUnitPrice is true');
  return [dto.name, hasUnitPrice, dto.priceInCents ?? null, dto.unit || null];
}
