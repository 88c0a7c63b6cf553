/** A change of a domain entity, as the outbox keeps it for webhooks and the change feed. */
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
