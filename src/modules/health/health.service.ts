import { Injectable } from '@nestjs/common';
import { HealthStore } from './health.store';

/** Whether the database answers in time. */
@Injectable()
export class HealthService {
  /** The probe in flight: concurrent checks share it, so a frozen database holds one pool connection, not one per check. */
  private probe: Promise<unknown> | undefined;

  constructor(private readonly store: HealthStore) {}

  async databaseAnswers(withinMs: number): Promise<boolean> {
    const probe = (this.probe ??= this.store.ping().finally(() => (this.probe = undefined)));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), withinMs)));
    try {
      return await Promise.race([
        probe.then(
          () => true,
          () => false,
        ),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
