import type { EntityManager } from 'typeorm';
import { likePattern, SqlConditions } from '../../common/utils/sql';

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

/** name, has_unit_price, price_in_cents, unit. */
export type CategoryValues = [string, boolean, number | null, string | null];

/** Which categories a list shows, in which order, which page. */
export interface CategoryListRequest {
  workspaceId: string;
  archived: boolean;
  name?: string;
  descending: boolean;
  size: number;
  page: number;
}

/** The SQL of expense categories. */
export const ExpenseCategoriesStore = {
  /** A page of the workspace's categories by name, with the count of all that match. */
  async page(manager: EntityManager, request: CategoryListRequest): Promise<{ rows: CategoryRow[]; total: number }> {
    const conditions = new SqlConditions([request.workspaceId, request.archived]);
    conditions.add('workspace_id = $1 AND archived = $2');
    if (request.name) conditions.add(`name ILIKE ${conditions.param(likePattern(request.name))} ESCAPE '\\'`);
    const where = conditions.sql;
    const params = conditions.params;
    const order = request.descending ? 'DESC' : 'ASC';
    const size = request.size;
    const rows: (CategoryRow & { total: string })[] = await manager.query(
      `SELECT *, count(*) OVER () AS total FROM expense_categories WHERE ${where}
        ORDER BY lower(name) ${order}, id ${order} LIMIT ${size} OFFSET ${(request.page - 1) * size}`,
      params,
    );
    if (rows.length) return { rows, total: Number(rows[0].total) };
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM expense_categories WHERE ${where}`, params)) as {
      n: number;
    }[];
    return { rows, total: row.n };
  },

  async find(manager: EntityManager, workspaceId: string, id: string): Promise<CategoryRow | undefined> {
    const rows: CategoryRow[] = await manager.query(
      'SELECT * FROM expense_categories WHERE workspace_id = $1 AND id = $2',
      [workspaceId, id],
    );
    return rows[0];
  },

  async insert(manager: EntityManager, workspaceId: string, id: string, values: CategoryValues): Promise<CategoryRow> {
    const rows: CategoryRow[] = await manager.query(
      `INSERT INTO expense_categories (id, workspace_id, name, has_unit_price, price_in_cents, unit)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [id, workspaceId, ...values],
    );
    return rows[0];
  },

  /** The updated row; undefined when there is no such category. */
  async update(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    values: CategoryValues,
  ): Promise<CategoryRow | undefined> {
    const [rows] = (await manager.query(
      `UPDATE expense_categories SET name = $3, has_unit_price = $4, price_in_cents = $5, unit = $6
        WHERE workspace_id = $1 AND id = $2 RETURNING *`,
      [workspaceId, id, ...values],
    )) as [CategoryRow[], number];
    return rows[0];
  },

  async setArchived(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    archived: boolean,
  ): Promise<CategoryRow | undefined> {
    const [rows] = (await manager.query(
      'UPDATE expense_categories SET archived = $3 WHERE workspace_id = $1 AND id = $2 RETURNING *',
      [workspaceId, id, archived],
    )) as [CategoryRow[], number];
    return rows[0];
  },

  /** The deleted row; undefined when there is no such category. */
  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<CategoryRow | undefined> {
    const [rows] = (await manager.query(
      'DELETE FROM expense_categories WHERE workspace_id = $1 AND id = $2 RETURNING *',
      [workspaceId, id],
    )) as [CategoryRow[], number];
    return rows[0];
  },
};
