import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices, their items, the time entries and expenses imported into items,
 * payments, and per-workspace invoice settings.
 *
 * Money is integer cents (bigint); percents and quantities are exact numerics.
 * The totals (subtotal, discount, taxes, amount, paid) are stored on the
 * invoice and recomputed in the transaction of every change to its items or
 * payments, so lists sort and filter on them in SQL; `balance` is generated.
 * A time entry or expense is on at most one invoice: the link tables have a
 * unique `(workspace_id, time_entry_id)` / `(workspace_id, expense_id)`.
 * Deleting a client keeps its invoices (client_id becomes NULL; the name is
 * kept in `client_name`).
 */
export class Invoices1732300000060 implements MigrationInterface {
  name = 'Invoices1732300000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invoices (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        number text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
        client_id char(24),
        client_name text NOT NULL DEFAULT '',
        company_id char(24),
        user_id char(24) NOT NULL,
        bill_from text NOT NULL DEFAULT '',
        currency text NOT NULL,
        issued_date timestamptz NOT NULL,
        due_date timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'UNSENT' CHECK (status IN ('UNSENT', 'SENT', 'PAID', 'PARTIALLY_PAID', 'VOID', 'OVERDUE')),
        subject text NOT NULL DEFAULT '',
        note text NOT NULL DEFAULT '',
        discount_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
        tax_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_percent BETWEEN 0 AND 100),
        tax2_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax2_percent BETWEEN 0 AND 100),
        tax_type text NOT NULL DEFAULT 'SIMPLE' CHECK (tax_type IN ('COMPOUND', 'SIMPLE', 'NONE')),
        visible_zero_fields text[] NOT NULL DEFAULT '{}',
        subtotal bigint NOT NULL DEFAULT 0,
        discount_amount bigint NOT NULL DEFAULT 0,
        tax_amount bigint NOT NULL DEFAULT 0,
        tax2_amount bigint NOT NULL DEFAULT 0,
        amount bigint NOT NULL DEFAULT 0,
        paid bigint NOT NULL DEFAULT 0,
        balance bigint GENERATED ALWAYS AS (amount - paid) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        CHECK (paid >= 0 AND paid <= amount),
        FOREIGN KEY (workspace_id, client_id) REFERENCES clients (workspace_id, id) ON DELETE SET NULL (client_id)
      );
      CREATE UNIQUE INDEX invoices_number_key ON invoices (workspace_id, number);
      CREATE INDEX invoices_status_idx ON invoices (workspace_id, status);
      CREATE INDEX invoices_client_idx ON invoices (workspace_id, client_id);
      CREATE INDEX invoices_issued_idx ON invoices (workspace_id, issued_date);

      CREATE TABLE invoice_items (
        workspace_id char(24) NOT NULL,
        invoice_id char(24) NOT NULL,
        position integer NOT NULL CHECK (position >= 1),
        description text NOT NULL DEFAULT '',
        item_type text NOT NULL,
        quantity numeric(16, 2) NOT NULL CHECK (quantity >= 0),
        unit_price bigint NOT NULL CHECK (unit_price >= 0),
        amount bigint NOT NULL CHECK (amount >= 0),
        apply_taxes text NOT NULL DEFAULT 'TAX1TAX2' CHECK (apply_taxes IN ('TAX1', 'TAX2', 'TAX1TAX2', 'NONE')),
        import_type text NOT NULL DEFAULT 'NOT_IMPORTED' CHECK (import_type IN ('NOT_IMPORTED', 'TIME_ENTRY_IMPORT', 'EXPENSE_IMPORT')),
        PRIMARY KEY (workspace_id, invoice_id, position),
        FOREIGN KEY (workspace_id, invoice_id) REFERENCES invoices (workspace_id, id) ON DELETE CASCADE
      );

      CREATE TABLE invoice_item_time_entries (
        workspace_id char(24) NOT NULL,
        invoice_id char(24) NOT NULL,
        item_position integer NOT NULL,
        time_entry_id char(24) NOT NULL,
        CONSTRAINT invoice_item_time_entries_entry_key UNIQUE (workspace_id, time_entry_id),
        FOREIGN KEY (workspace_id, invoice_id, item_position) REFERENCES invoice_items (workspace_id, invoice_id, position) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, time_entry_id) REFERENCES time_entries (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX invoice_item_time_entries_item_idx ON invoice_item_time_entries (workspace_id, invoice_id, item_position);

      CREATE TABLE invoice_item_expenses (
        workspace_id char(24) NOT NULL,
        invoice_id char(24) NOT NULL,
        item_position integer NOT NULL,
        expense_id char(24) NOT NULL,
        CONSTRAINT invoice_item_expenses_expense_key UNIQUE (workspace_id, expense_id),
        FOREIGN KEY (workspace_id, invoice_id, item_position) REFERENCES invoice_items (workspace_id, invoice_id, position) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, expense_id) REFERENCES expenses (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX invoice_item_expenses_item_idx ON invoice_item_expenses (workspace_id, invoice_id, item_position);

      CREATE TABLE invoice_payments (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        invoice_id char(24) NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        paid_at timestamptz NOT NULL,
        note text NOT NULL DEFAULT '',
        author_id char(24) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, invoice_id) REFERENCES invoices (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (workspace_id, invoice_id, paid_at);

      CREATE TABLE invoice_settings (
        workspace_id char(24) PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        number_prefix text NOT NULL DEFAULT '',
        next_number bigint NOT NULL DEFAULT 1 CHECK (next_number >= 1),
        due_days integer NOT NULL DEFAULT 30 CHECK (due_days >= 0),
        company_id char(24),
        item_type_id char(24),
        subject text NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '',
        tax_type text NOT NULL DEFAULT 'SIMPLE' CHECK (tax_type IN ('COMPOUND', 'SIMPLE', 'NONE')),
        tax_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_percent BETWEEN 0 AND 100),
        tax2_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax2_percent BETWEEN 0 AND 100),
        labels jsonb NOT NULL DEFAULT '{}',
        export_fields jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE invoice_settings, invoice_payments, invoice_item_expenses, invoice_item_time_entries, invoice_items, invoices',
    );
  }
}
