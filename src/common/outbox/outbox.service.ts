import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DomainEvent } from './domain-event';
import { OutboxStore } from './outbox.store';

export type { DomainEvent } from './domain-event';

/**
 * Every create/update/delete of a domain entity calls `record` with the
 * EntityManager of its own transaction, so the event exists exactly when the
 * change does (or, for a single-statement write, embeds `outboxInsertSql` of
 * `outbox.store.ts`).
 */
@Injectable()
export class OutboxService {
  async record(manager: EntityManager, ...events: DomainEvent[]): Promise<void> {
    if (!events.length) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox events must be written inside the transaction of the change');
    }
    await OutboxStore.insert(manager, events);
  }
}
