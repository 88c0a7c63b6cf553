import { Injectable } from '@nestjs/common';
import { AddonTokenService } from '../../../common/auth/addon-token.service';
import { env } from '../../../config/env.validation';
import { nextStep } from '../../webhooks/delivery/retry-policy';
import { postJson, SendResult } from '../../webhooks/delivery/sender';
import type { DueJobRunner, DueTask } from '../../webhooks/webhook-extensions';
import { LifecycleJob, LifecycleStore } from './lifecycle.store';

/** After this many attempts a lifecycle call has failed (with the 5 s base: about 5 minutes of retries). */
export const LIFECYCLE_MAX_ATTEMPTS = 6;
const LIFECYCLE_TOKEN_SECONDS = 10 * 60;

/**
 * Sends due lifecycle calls, driven by the webhook worker's loop (one loop per
 * instance, same switch WEBHOOK_WORKER). Each call carries a fresh
 * X-Addon-Lifecycle-Token (a short-lived RS256 JWT the add-on verifies with the
 * JWKS); retries follow the webhook policy, at most LIFECYCLE_MAX_ATTEMPTS.
 */
@Injectable()
export class LifecycleRunner implements DueJobRunner {
  constructor(
    private readonly store: LifecycleStore,
    private readonly tokens: AddonTokenService,
  ) {}

  /** Claims up to `limit` due calls; the worker runs the answered tasks side by side. */
  async claimDue(limit: number): Promise<DueTask[]> {
    const jobs = await this.store.claim(limit);
    return jobs.map((job) => (cancel: AbortSignal) => this.send(job, cancel));
  }

  private async send(job: LifecycleJob, cancel: AbortSignal): Promise<void> {
    let result: SendResult;
    try {
      const { token } = await this.tokens.sign(
        {
          workspaceId: job.workspaceId,
          addonId: job.addonId,
          key: job.addonKey,
          user: job.userId,
          tokenType: 'LIFECYCLE',
          baseUrl: job.baseUrl,
        },
        LIFECYCLE_TOKEN_SECONDS,
      );
      result = await postJson(
        job.url,
        JSON.stringify(job.payload),
        {
          'User-Agent': 'clockify-compatible-addons/1',
          'X-Addon-Lifecycle-Token': token,
        },
        cancel,
      );
    } catch (error) {
      result = {
        statusCode: null,
        durationMs: 0,
        error: `Not sent: ${error instanceof Error ? error.message : String(error)}`,
        excerpt: null,
      };
    }
    if (cancel.aborted && result.statusCode === null) return this.store.release(job);
    const step = nextStep(result, job.attempt, job.firstAttemptAt, new Date(), env().WEBHOOK_RETRY_BASE_MS);
    const status = step.status === 'PENDING' && job.attempt >= LIFECYCLE_MAX_ATTEMPTS ? 'FAILED' : step.status;
    await this.store.record(job, result, status, status === 'PENDING' ? (step.nextAttemptAt ?? null) : null);
  }
}
