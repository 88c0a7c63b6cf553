import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holidays, time-off policies (with the members and groups they apply to),
 * balances with their change history, and time-off requests. Amounts (days or
 * hours) are exact numerics; every reference is a composite key through
 * `(workspace_id, id)`.
 */
export class TimeOff1732300000020 implements MigrationInterface {
  name = 'TimeOff1732300000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holidays (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        occurs_annually boolean NOT NULL DEFAULT false,
        everyone boolean NOT NULL DEFAULT false,
        automatic_time_entry_creation jsonb,
        color text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        UNIQUE (workspace_id, id)
      );
      CREATE INDEX holidays_period_idx ON holidays (workspace_id, start_date);

      CREATE TABLE holiday_users (
        workspace_id char(24) NOT NULL,
        holiday_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        PRIMARY KEY (holiday_id, user_id),
        FOREIGN KEY (workspace_id, holiday_id) REFERENCES holidays (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX holiday_users_user_idx ON holiday_users (workspace_id, user_id);

      CREATE TABLE holiday_user_groups (
        workspace_id char(24) NOT NULL,
        holiday_id char(24) NOT NULL,
        user_group_id char(24) NOT NULL,
        PRIMARY KEY (holiday_id, user_group_id),
        FOREIGN KEY (workspace_id, holiday_id) REFERENCES holidays (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_group_id) REFERENCES user_groups (workspace_id, id) ON DELETE CASCADE
      );

      CREATE TABLE time_off_policies (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL,
        approve jsonb NOT NULL,
        allow_half_day boolean NOT NULL DEFAULT false,
        allow_negative_balance boolean NOT NULL DEFAULT false,
        negative_balance jsonb,
        time_unit text NOT NULL DEFAULT 'DAYS' CHECK (time_unit IN ('DAYS', 'HOURS')),
        automatic_accrual jsonb,
        automatic_time_entry_creation jsonb,
        color text,
        icon text,
        has_expiration boolean NOT NULL DEFAULT false,
        everyone boolean NOT NULL DEFAULT false,
        archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id)
      );
      CREATE UNIQUE INDEX time_off_policies_name_key ON time_off_policies (workspace_id, lower(name));

      CREATE TABLE time_off_policy_users (
        workspace_id char(24) NOT NULL,
        policy_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        PRIMARY KEY (policy_id, user_id),
        FOREIGN KEY (workspace_id, policy_id) REFERENCES time_off_policies (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX time_off_policy_users_user_idx ON time_off_policy_users (workspace_id, user_id);

      CREATE TABLE time_off_policy_user_groups (
        workspace_id char(24) NOT NULL,
        policy_id char(24) NOT NULL,
        user_group_id char(24) NOT NULL,
        PRIMARY KEY (policy_id, user_group_id),
        FOREIGN KEY (workspace_id, policy_id) REFERENCES time_off_policies (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_group_id) REFERENCES user_groups (workspace_id, id) ON DELETE CASCADE
      );

      CREATE TABLE time_off_balances (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        policy_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        balance numeric(12, 4) NOT NULL DEFAULT 0,
        used numeric(12, 4) NOT NULL DEFAULT 0,
        UNIQUE (workspace_id, id),
        UNIQUE (workspace_id, policy_id, user_id),
        FOREIGN KEY (workspace_id, policy_id) REFERENCES time_off_policies (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );

      CREATE TABLE time_off_requests (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        policy_id char(24) NOT NULL,
        user_id char(24) NOT NULL,
        requester_user_id char(24) NOT NULL REFERENCES users (id),
        start_date date NOT NULL,
        end_date date NOT NULL,
        half_day boolean NOT NULL DEFAULT false,
        half_day_period text NOT NULL DEFAULT 'NOT_DEFINED' CHECK (half_day_period IN ('FIRST_HALF', 'SECOND_HALF', 'NOT_DEFINED')),
        note text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        balance_diff numeric(12, 4) NOT NULL,
        status_note text,
        status_changed_by char(24) REFERENCES users (id),
        status_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, policy_id) REFERENCES time_off_policies (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX time_off_requests_user_idx ON time_off_requests (workspace_id, user_id, start_date);
      CREATE INDEX time_off_requests_policy_idx ON time_off_requests (workspace_id, policy_id);

      CREATE TABLE time_off_balance_changes (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL,
        balance_id char(24) NOT NULL,
        diff numeric(12, 4) NOT NULL,
        reason text NOT NULL CHECK (reason IN ('ADJUSTMENT', 'REQUEST_APPROVED', 'REQUEST_RETURNED')),
        request_id char(24),
        note text,
        changed_by char(24) REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (workspace_id, balance_id) REFERENCES time_off_balances (workspace_id, id) ON DELETE CASCADE
      );
      CREATE INDEX time_off_balance_changes_balance_idx ON time_off_balance_changes (workspace_id, balance_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE time_off_balance_changes, time_off_requests, time_off_balances, time_off_policy_user_groups,
                 time_off_policy_users, time_off_policies, holiday_user_groups, holiday_users, holidays;
    `);
  }
}
