import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expense categories, expenses and their receipts. Money is integer cents
 * (`amount_cents`; for unit-priced categories quantity × unit price, rounded
 * half up on the cent), quantities are exact numerics, receipts are kept in
 * the database so that every app instance can serve them. Every reference is
 * a composite key through `(workspace_id, id)`.
 */
export class Expenses1732300000040 implements MigrationInterface {
  name = 'Expenses1732300000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expense_categories (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        has_unit_price boolean NOT NULL DEFAULT false,
        price_in_cents integer CHECK (price_in_cents >= 0),
        unit text,
        archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id)
      );
      CREATE UNIQUE INDEX expense_categories_name_key ON expense_categories (workspace_id, lower(name));

      CREATE TABLE expenses (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id char(24) NOT NULL,
        project_id char(24),
        task_id char(24),
        category_id char(24) NOT NULL,
        date date NOT NULL,
        notes text NOT NULL DEFAULT '',
        billable boolean NOT NULL DEFAULT false,
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        quantity numeric NOT NULL DEFAULT 1 CHECK (quantity >= 0),
        invoiced boolean NOT NULL DEFAULT false,
        approval_status text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (task_id IS NULL OR project_id IS NOT NULL),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, project_id) REFERENCES projects (workspace_id, id),
        FOREIGN KEY (workspace_id, project_id, task_id) REFERENCES tasks (workspace_id, project_id, id),
        FOREIGN KEY (workspace_id, category_id) REFERENCES expense_categories (workspace_id, id)
      );
      CREATE INDEX expenses_user_date_idx ON expenses (workspace_id, user_id, date);
      CREATE INDEX expenses_date_idx ON expenses (workspace_id, date);
      CREATE INDEX expenses_category_idx ON expenses (workspace_id, category_id);
      CREATE INDEX expenses_project_idx ON expenses (workspace_id, project_id);

      CREATE TABLE expense_files (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        expense_id char(24) NOT NULL,
        name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (workspace_id, expense_id) REFERENCES expenses (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX expense_files_expense_idx ON expense_files (workspace_id, expense_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE expense_files, expenses, expense_categories');
  }
}
