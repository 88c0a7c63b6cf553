import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { claimLeased, releaseLeased } from '../../../common/jobs/lease-claim.store';
import type { NextStep } from './retry-policy';
import type { DeliveryJob, SendResult } from './sender';

export interface ClaimedJob extends DeliveryJob {
  attempt: number;
  firstAttemptAt: Date;
}

interface ClaimRow {
  id: string;
  webhook_id: string;
  event: string;
  payload: unknown;
  attempts: number;
  first_attempt_at: Date;
  url: string;
  token: string;
  secret: string;
}

/**
 * The delivery jobs in PostgreSQL. `claim` leases due PENDING rows (see `claimLeased`); `record` stores the
 * outcome, only if the row is still at that attempt.
 */
@Injectable()
export class DeliveryQueue {
  constructor(private readonly dataSource: DataSource) {}

  async claim(limit: number): Promise<ClaimedJob[]> {
    const rows = await claimLeased<ClaimRow>(
      this.dataSource,
      {
        table: 'webhook_deliveries',
        alias: 'd',
        join: 'webhooks w',
        joinOn: 'w.id = d.webhook_id AND w.workspace_id = d.workspace_id',
        returning: 'd.id, d.webhook_id, d.event, d.payload, d.attempts, d.first_attempt_at, w.url, w.token, w.secret',
      },
      limit,
    );
    return rows.map((r) => ({
      id: r.id,
      webhookId: r.webhook_id,
      event: r.event,
      payload: r.payload,
      url: r.url,
      token: r.token,
      secret: r.secret,
      attempt: r.attempts,
      firstAttemptAt: r.first_attempt_at,
    }));
  }

  async record(job: ClaimedJob, result: SendResult, step: NextStep): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = $3,
              next_attempt_at = coalesce($4, next_attempt_at),
              last_status_code = $5,
              last_error = $6,
              last_duration_ms = $7,
              response_excerpt = $8,
              responded_at = CASE WHEN $5::int IS NULL THEN responded_at ELSE now() END,
              updated_at = now()
        WHERE id = $1 AND attempts = $2`,
      [
        job.id,
        job.attempt,
        step.status,
        step.nextAttemptAt ?? null,
        result.statusCode,
        result.error,
        result.durationMs,
        result.excerpt,
      ],
    );
  }

  /** Gives back a claimed delivery that was not sent (this instance is stopping): due now, the attempt not counted. */
  release(job: ClaimedJob): Promise<void> {
    return releaseLeased(this.dataSource, 'webhook_deliveries', job.id, job.attempt);
  }
}
