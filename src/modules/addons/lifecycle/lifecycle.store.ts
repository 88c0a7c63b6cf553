import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../../common/utils/ids';
import { AddonWebhooksStore } from '../../webhooks/addon-webhooks.store';
import { claimLeased, releaseLeased } from '../../../common/jobs/lease-claim.store';
import type { DeliveryStatus } from '../../webhooks/delivery/retry-policy';
import type { SendResult } from '../../webhooks/delivery/sender';
import type { LifecycleType } from '../manifest';

export interface LifecycleJob {
  id: string;
  workspaceId: string;
  addonId: string;
  event: LifecycleType;
  url: string;
  payload: unknown;
  baseUrl: string;
  attempt: number;
  firstAttemptAt: Date;
  /** For the X-Addon-Lifecycle-Token: the add-on's key (or id) and installing user. */
  addonKey: string;
  userId: string;
}

interface ClaimRow {
  id: string;
  workspace_id: string;
  addon_id: string;
  event: LifecycleType;
  url: string;
  payload: unknown;
  base_url: string;
  attempts: number;
  first_attempt_at: Date;
  addon_key: string;
  user_id: string;
}

/**
 * Add-on lifecycle calls as jobs in `addon_lifecycle_jobs`, the same way as
 * webhook deliveries: `claim` leases due PENDING rows (`claimLeased`); `record` stores the outcome if the row is
 * still at that attempt. A permanently failed INSTALLED call fails its
 * installation (status FAILED, token revoked, webhooks removed) in the same
 * transaction.
 */
@Injectable()
export class LifecycleStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: AddonWebhooksStore,
  ) {}

  async enqueue(
    manager: EntityManager,
    job: { workspaceId: string; addonId: string; event: LifecycleType; url: string; payload: unknown; baseUrl: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO addon_lifecycle_jobs (id, workspace_id, addon_id, event, url, payload, base_url) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [newId(), job.workspaceId, job.addonId, job.event, job.url, JSON.stringify(job.payload), job.baseUrl],
    );
  }

  /** Pending calls of an installation that uninstalling makes moot (all but DELETED) stop here. */
  async cancelPending(manager: EntityManager, workspaceId: string, addonId: string): Promise<void> {
    await manager.query(
      `UPDATE addon_lifecycle_jobs SET status = 'FAILED', last_error = 'Cancelled: the add-on was uninstalled', updated_at = now()
        WHERE workspace_id = $1 AND addon_id = $2 AND status = 'PENDING' AND event <> 'DELETED'`,
      [workspaceId, addonId],
    );
  }

  async claim(limit: number): Promise<LifecycleJob[]> {
    const rows = await claimLeased<ClaimRow>(
      this.dataSource,
      {
        table: 'addon_lifecycle_jobs',
        alias: 'j',
        join: 'addons a',
        joinOn: 'a.workspace_id = j.workspace_id AND a.id = j.addon_id',
        returning: `j.id, j.workspace_id, j.addon_id, j.event, j.url, j.payload, j.base_url, j.attempts, j.first_attempt_at,
                  coalesce(a.key, a.id) AS addon_key, a.user_id`,
      },
      limit,
    );
    return rows.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      addonId: r.addon_id,
      event: r.event,
      url: r.url,
      payload: r.payload,
      baseUrl: r.base_url,
      attempt: r.attempts,
      firstAttemptAt: r.first_attempt_at,
      addonKey: r.addon_key,
      userId: r.user_id,
    }));
  }

  async record(
    job: LifecycleJob,
    result: SendResult,
    status: DeliveryStatus,
    nextAttemptAt: Date | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, updated] = await manager.query<[unknown[], number]>(
        `UPDATE addon_lifecycle_jobs
            SET status = $3, next_attempt_at = coalesce($4, next_attempt_at), last_status_code = $5, last_error = $6,
                last_duration_ms = $7, response_excerpt = $8, updated_at = now(),
                -- the installation token is not kept once the call is over
                payload = CASE WHEN $3 <> 'PENDING' AND event = 'INSTALLED' THEN payload - 'authToken' - 'webhooks' ELSE payload END
          WHERE id = $1 AND attempts = $2 AND status = 'PENDING'`,
        [
          job.id,
          job.attempt,
          status,
          nextAttemptAt,
          result.statusCode,
          result.error,
          result.durationMs,
          result.excerpt,
        ],
      );
      if (!updated || status !== 'FAILED' || job.event !== 'INSTALLED') return;
      const reason = `INSTALLED call failed: ${result.statusCode === null ? result.error : `status ${result.statusCode}`}`;
      const [, failed] = await manager.query<[unknown[], number]>(
        `UPDATE addons SET status = 'FAILED', revoked_at = now(), failed_reason = $3
          WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL`,
        [job.workspaceId, job.addonId, reason],
      );
      if (failed) await this.webhooks.deleteOfAddon(manager, job.workspaceId, job.addonId);
    });
  }

  /** Gives back a claimed call that was not sent (this instance is stopping): due now, the attempt not counted. */
  release(job: LifecycleJob): Promise<void> {
    return releaseLeased(this.dataSource, 'addon_lifecycle_jobs', job.id, job.attempt);
  }

  /** The calls made to an installation, newest first (its lifecycle log). */
  async log(workspaceId: string, addonId: string): Promise<LifecycleLogRow[]> {
    return this.dataSource.query(
      `SELECT id, event, url, status, attempts, last_status_code AS "statusCode", last_error AS error,
              response_excerpt AS "responseExcerpt", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM addon_lifecycle_jobs WHERE workspace_id = $1 AND addon_id = $2
        ORDER BY created_at DESC, id DESC LIMIT 100`,
      [workspaceId, addonId],
    );
  }
}

export interface LifecycleLogRow {
  id: string;
  event: LifecycleType;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  createdAt: Date;
  updatedAt: Date;
}
