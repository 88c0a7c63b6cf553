import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { env } from '../../../config/env.validation';
import { ClaimedJob, DeliveryQueue } from './delivery-queue.store';
import { DeliveryDispatcher } from './dispatcher';
import { nextStep } from './retry-policy';
import { sendDelivery, TIMEOUT_MS } from './sender';
import { DUE_JOB_RUNNERS, type DueJobRunner } from '../webhook-extensions';

const CLAIM_BATCH = 20;
const MAX_ROUNDS_PER_TICK = 10;

/**
 * The delivery loop, in every app instance: every WEBHOOK_POLL_MS, fan new
 * outbox rows out into deliveries, then claim due deliveries and send them
 * (in parallel within a batch), and run the other due jobs (add-on lifecycle calls). On shutdown
 * (`stop`, at SIGTERM) the loop stops claiming at once; sends in flight get a grace
 * period, then are aborted and their deliveries released (due again, attempt not
 * counted) for another instance, so nothing runs after close and nothing held is
 * left leased.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private pollMs = 500;
  private readonly cancel = new AbortController();

  constructor(
    private readonly dispatcher: DeliveryDispatcher,
    private readonly queue: DeliveryQueue,
    @Inject(DUE_JOB_RUNNERS) private readonly jobRunners: DueJobRunner[],
  ) {}

  onApplicationBootstrap(): void {
    const settings = env();
    if (!settings.WEBHOOK_WORKER) return; // an API-only instance: others deliver
    this.pollMs = settings.WEBHOOK_POLL_MS;
    this.schedule(this.pollMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop(TIMEOUT_MS);
  }

  /** Claims nothing more; sends still running after `graceMs` are aborted and their deliveries released. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (!this.running) return;
    const timer = setTimeout(() => this.cancel.abort(), graceMs);
    await this.running;
    clearTimeout(timer);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule(this.pollMs);
      });
    }, delay);
  }

  private async deliver(job: ClaimedJob): Promise<void> {
    const result = await sendDelivery(job, this.cancel.signal);
    if (this.cancel.signal.aborted && result.statusCode === null) return this.queue.release(job);
    await this.queue.record(
      job,
      result,
      nextStep(result, job.attempt, job.firstAttemptAt, new Date(), env().WEBHOOK_RETRY_BASE_MS),
    );
  }

  /** One round of work; errors are logged and the next round tries again. */
  async tick(): Promise<void> {
    try {
      await this.dispatcher.fanOut();
      for (const runner of this.jobRunners) {
        for (let round = 0; round < MAX_ROUNDS_PER_TICK && !this.stopped; round++) {
          if ((await runner.runDue()) < CLAIM_BATCH) break;
        }
      }
      for (let round = 0; round < MAX_ROUNDS_PER_TICK && !this.stopped; round++) {
        const jobs = await this.queue.claim(CLAIM_BATCH);
        await Promise.all(jobs.map((job) => this.deliver(job)));
        if (jobs.length < CLAIM_BATCH) break;
      }
    } catch (error) {
      if (!this.stopped)
        this.logger.error(`Webhook delivery round failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
