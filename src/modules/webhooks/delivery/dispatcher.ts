import { Injectable } from '@nestjs/common';
import { DispatchStore } from './dispatch.store';

const BATCH = 500;
const MAX_BATCHES_PER_RUN = 20;

/**
 * Fans new outbox rows out into `webhook_deliveries`, one job per matching enabled webhook, a batch at a time
 * (why the cursor is safe between instances and against late commits: `DispatchStore`).
 */
@Injectable()
export class DeliveryDispatcher {
  constructor(private readonly store: DispatchStore) {}

  /** Fans out what is ready; answers the number of deliveries enqueued. */
  async fanOut(): Promise<number> {
    let enqueued = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const batch = await this.store.fanOutBatch(BATCH);
      enqueued += batch.enqueued;
      if (batch.read < BATCH) break;
    }
    return enqueued;
  }
}
