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

/** A piece of SQL with its parameters, numbered from the `firstParam` it was built for. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * The outbox INSERT for a write done as ONE statement outside an explicit
 * transaction: put `sql` in the statement as a CTE
 * (`WITH e AS (INSERT ...), o AS (<sql>) SELECT ...`), its parameters numbered
 * from `firstParam`. A single statement is atomic, so the event exists exactly
 * when the change does; `tx_id` defaults to the statement's own transaction.
 * `onlyIf` (SQL) makes the rows conditional, as the statement's write may be.
 */
export function outboxInsertSql(events: readonly DomainEvent[], firstParam: number, onlyIf?: string): SqlFragment {
  return {
    sql: `INSERT INTO outbox (workspace_id, entity_type, entity_id, event, payload)
          SELECT o.workspace_id, o.entity_type, o.entity_id, o.event, o.payload
            FROM jsonb_to_recordset($${firstParam}::jsonb)
              AS o(workspace_id char(24), entity_type text, entity_id char(24), event text, payload jsonb)${onlyIf ? ` WHERE ${onlyIf}` : ''}`,
    params: [
      JSON.stringify(
        events.map((e) => ({
          workspace_id: e.workspaceId,
          entity_type: e.entityType,
          entity_id: e.entityId,
          event: e.event,
          payload: e.payload,
        })),
      ),
    ],
  };
}

/**
 * Every create/update/delete of a domain entity calls `record` with the
 * EntityManager of its own transaction, so the event exists exactly when the
 * change does (or, for a single-statement write, embeds `outboxInsertSql`).
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
