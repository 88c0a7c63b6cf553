import { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';
import type { DomainEvent } from './domain-event';

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

export const OutboxStore = {
  /** The events' outbox rows, in the caller's transaction. */
  async insert(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    await manager.insert(
      OutboxEvent,
      events.map((e) => ({ ...e, payload: e.payload as object })),
    );
  },

  /**
   * One event's row with the transaction's now() added to its payload as `at`, in SQL: a JS Date would lose the
   * microseconds by which readers find the rows the change stamped (the re-priced entries' `updated_at`).
   */
  async insertStamped(manager: EntityManager, event: DomainEvent): Promise<void> {
    await manager.query(
      `INSERT INTO outbox (workspace_id, entity_type, entity_id, event, payload)
       VALUES ($1, $2, $3, $4, $5::jsonb || jsonb_build_object('at', now()))`,
      [event.workspaceId, event.entityType, event.entityId, event.event, JSON.stringify(event.payload)],
    );
  },
};
