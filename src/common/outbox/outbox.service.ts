import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';

export interface DomainEvent {
  workspaceId: string;
  /** The resource kind, e.g. `PROJECT`, `TIME_ENTRY`, `USER`. */
  entityType: string;
  entityId: string;
  /** The Clockify webhook event name, e.g. `NEW_PROJECT`, `TIME_ENTRY_DELETED`. */
  event: string;
  /** The resource as the REST API returns it. */
  payload: unknown;
}

/**
 * Every create/update/delete of a domain entity calls `record` with the
 * EntityManager of its own transaction, so the event exists exactly when the
 * change does.
 */
@Injectable()
export class OutboxService {
  async record(manager: EntityManager, ...events: DomainEvent[]): Promise<void> {
    if (!events.length) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox events must be written inside the transaction of the change');
    }
    await manager.insert(
      OutboxEvent,
      events.map((e) => ({ ...e, payload: e.payload as object })),
    );
  }
}
