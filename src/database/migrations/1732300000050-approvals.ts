import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approval requests: one user's period (week, half month or month in the
 * user's time zone) submitted for approval. `period_end` is exclusive. A
 * partial unique index allows at most one PENDING or APPROVED request per user
 * and period start, whatever the code does; rejected and withdrawn requests
 * stay as history. Time entries and expenses point at the request that holds
 * them (`approval_request_id`) and carry its outcome in `approval_status`
 * (PENDING and APPROVED lock them for the member).
 */
export class Approvals1732300000050 implements MigrationInterface {
  name = 'Approvals1732300000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE approval_requests (
        id char(24) PRIMARY KEY,
        workspace_id char(24) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id char(24) NOT NULL,
        period text NOT NULL DEFAULT 'WEEKLY' CHECK (period IN ('WEEKLY', 'SEMI_MONTHLY', 'MONTHLY')),
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN_SUBMISSION', 'WITHDRAWN_APPROVAL')),
        note text,
        submitted_by char(24) NOT NULL REFERENCES users (id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        status_changed_by char(24) REFERENCES users (id),
        status_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        CHECK (period_end > period_start),
        CHECK (end_date > start_date),
        FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE UNIQUE INDEX approval_requests_one_active ON approval_requests (workspace_id, user_id, period_start)
        WHERE status IN ('PENDING', 'APPROVED');
      CREATE INDEX approval_requests_user_idx ON approval_requests (workspace_id, user_id, period_start DESC);
      CREATE INDEX approval_requests_status_idx ON approval_requests (workspace_id, status, period_start DESC);

      ALTER TABLE time_entries ADD COLUMN approval_request_id char(24),
        ADD FOREIGN KEY (workspace_id, approval_request_id) REFERENCES approval_requests (workspace_id, id)
          ON DELETE SET NULL (approval_request_id);
      CREATE INDEX time_entries_approval_request_idx ON time_entries (workspace_id, approval_request_id)
        WHERE approval_request_id IS NOT NULL;

      ALTER TABLE expenses ADD COLUMN approval_request_id char(24),
        ADD FOREIGN KEY (workspace_id, approval_request_id) REFERENCES approval_requests (workspace_id, id)
          ON DELETE SET NULL (approval_request_id);
      CREATE INDEX expenses_approval_request_idx ON expenses (workspace_id, approval_request_id)
        WHERE approval_request_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE expenses DROP COLUMN approval_request_id;
      ALTER TABLE time_entries DROP COLUMN approval_request_id;
      DROP TABLE approval_requests;
    `);
  }
}
