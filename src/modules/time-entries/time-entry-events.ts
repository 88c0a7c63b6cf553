import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent, OutboxService } from '../../common/outbox/outbox.service';
import { outboxInsertSql, SqlFragment } from '../../common/outbox/outbox.store';
import { fullView, TimeEntryRow, toTimeEntryDto } from './time-entry.mapper';
import type { EntrySettings } from './time-entry-rules';

export type TimeEntryEvent =
  'NEW_TIME_ENTRY' | 'NEW_TIMER_STARTED' | 'TIMER_STOPPED' | 'TIME_ENTRY_UPDATED' | 'TIME_ENTRY_DELETED';

/** Writes time entry events to the outbox (in the caller's transaction), the payload the entry as the REST API returns it. */
@Injectable()
export class TimeEntryEvents {
  constructor(private readonly outbox: OutboxService) {}

  record(manager: EntityManager, settings: EntrySettings, ...changes: [TimeEntryEvent, TimeEntryRow][]): Promise<void> {
    return this.outbox.record(manager, ...domainEvents(settings, changes));
  }

  /** The outbox INSERT of these changes, for a single-statement write (see `outboxInsertSql`). */
  sql(
    settings: EntrySettings,
    ...changes: [TimeEntryEvent, TimeEntryRow][]
  ): (firstParam: number, onlyIf?: string) => SqlFragment {
    const events = domainEvents(settings, changes);
    return (firstParam, onlyIf) => outboxInsertSql(events, firstParam, onlyIf);
  }
}

function domainEvents(settings: EntrySettings, changes: [TimeEntryEvent, TimeEntryRow][]): DomainEvent[] {
  return changes.map(([event, row]) => ({
    workspaceId: row.workspace_id,
    entityType: 'TIME_ENTRY',
    entityId: row.id,
    event,
    payload: toTimeEntryDto(row, fullView(settings)),
  }));
}
