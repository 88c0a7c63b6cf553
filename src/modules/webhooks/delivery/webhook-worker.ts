import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { env } from '../../../config/env.validation';
import { DeliveryQueue } from './delivery-queue.store';
import { DeliveryDispatcher } from './dispatcher';
import { nextStep } from './retry-policy';
import { sendDelivery, TIMEOUT_MS } from './sender';
import { DUE_JOB_RUNNERS, type DueJobRunner, type DueTask } from '../webhook-extensions';

const CLAIM_BATCH = 20;
const MAX_ROUNDS_PER_TICK = 10;
/** Sends of one kind of job running at once in one instance; more wait in PostgreSQL for the next round. */
const MAX_IN_FLIGHT = 50;

/** The tasks of one job source that are running, at most MAX_IN_FLIGHT. */
class InFlight {
  private readonly running = new Set<Promise<void>>();

  constructor(readonly source: DueJobRunner) {}

  get room(): number {
    return MAX_IN_FLIGHT - this.running.size;
  }

  start(task: Promise<void>, onError: (error: unknown) => void): void {
    const tracked: Promise<void> = task.catch(onError).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  async settled(): Promise<void> {
    await Promise.all(this.running);
  }
}

/**
 * The delivery loop, in every app instance: every WEBHOOK_POLL_MS, fan new outbox rows out into deliveries, then
 * claim due jobs (webhook deliveries, and the other runners' jobs: add-on lifecycle calls) into the sends in flight.
 * A round does not wait for its sends, so a receiver that hangs until the send timeout holds up only its own
 * deliveries. On shutdown (`stop`, at SIGTERM) the loop stops claiming at once; sends in flight get a grace period,
 * then are aborted and their jobs released (due again, attempt not counted) for another instance, so nothing runs
 * after close and nothing held is left leased.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private pollMs = 500;
  private readonly cancel = new AbortController();
  private readonly sources: InFlight[];

  constructor(
    private readonly dispatcher: DeliveryDispatcher,
    private readonly queue: DeliveryQueue,
    @Inject(DUE_JOB_RUNNERS) jobRunners: DueJobRunner[],
  ) {
    const deliveries: DueJobRunner = { claimDue: (limit) => this.claimDeliveries(limit) };
    this.sources = [deliveries, ...jobRunners].map((source) => new InFlight(source));
  }

  onApplicationBootstrap(): void {
    const settings = env();
    if (!settings.WEBHOOK_WORKER) return; // an API-only instance: others deliver
    this.pollMs = settings.WEBHOOK_POLL_MS;
    this.schedule(this.pollMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop(TIMEOUT_MS);
  }

  /** Claims nothing more; sends still running after `graceMs` are aborted and their jobs released. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const timer = setTimeout(() => this.cancel.abort(), graceMs);
    await this.running;
    await Promise.all(this.sources.map((s) => s.settled()));
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

  private async claimDeliveries(limit: number): Promise<DueTask[]> {
    const jobs = await this.queue.claim(limit);
    return jobs.map((job) => async (cancel) => {
      const result = await sendDelivery(job, cancel);
      if (cancel.aborted && result.statusCode === null) return this.queue.release(job);
      const step = nextStep(result, job.attempt, job.firstAttemptAt, new Date(), env().WEBHOOK_RETRY_BASE_MS);
      await this.queue.record(job, result, step);
    });
  }

  /** Starts due jobs of one source while it has room, up to MAX_ROUNDS_PER_TICK claims. */
  private async claimFrom(inFlight: InFlight): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS_PER_TICK && !this.stopped; round++) {
      const limit = Math.min(CLAIM_BATCH, inFlight.room);
      if (limit <= 0) return;
      const tasks = await inFlight.source.claimDue(limit);
      for (const task of tasks) inFlight.start(task(this.cancel.signal), (error) => this.failed('send', error));
      if (tasks.length < limit) return;
    }
  }

  /** One round of work; errors are logged and the next round tries again (a job whose outcome was not recorded is sent again when its lease ends). */
  async tick(): Promise<void> {
    try {
      await this.dispatcher.fanOut();
      for (const inFlight of this.sources) await this.claimFrom(inFlight);
    } catch (error) {
      this.failed('round', error);
    }
  }

  private failed(what: string, error: unknown): void {
    if (!this.stopped)
      this.logger.error(`Webhook delivery ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
