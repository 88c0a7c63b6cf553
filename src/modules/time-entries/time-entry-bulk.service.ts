import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { newId } from '../../common/utils/ids';
import { RatesService } from '../rates/rates.service';
import type { UpdateInvoicedStatusDto, UpdateTimeEntryBulkDto } from './dto/time-entry-requests.dto';
import type { TimeEntryWithRatesDto } from './dto/time-entry.dto';
import { TaggedEntry, tagged } from './time-entries.service';
import { TimeEntryEvent, TimeEntryEvents } from './time-entry-events';
import { TimeEntryHydrator } from './time-entry-hydrator';
import { TimeEntryRow, toTimeEntryDto, viewFor } from './time-entry.mapper';
import { checkLock, checkManualEntryAllowed, checkNotFinalized, toSecond } from './time-entry-rules';
import { TimeEntryStore } from './time-entry.store';
import { EntryInput, TimeEntryWriter } from './time-entry-writer';

/** The reference sets no limit on bulk edits and deletes; this server takes up to this many entries per request. */
export const MAX_BULK_ENTRIES = 1000;

/**
 * Writes on several entries of one user, each in one transaction: one invalid
 * or foreign id (or one entry breaking a rule) fails the request and changes nothing.
 */
@Injectable()
export class TimeEntryBulkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TimeEntryStore,
    private readonly writer: TimeEntryWriter,
    private readonly events: TimeEntryEvents,
    private readonly hydrator: TimeEntryHydrator,
    private readonly rates: RatesService,
  ) {}

  /** PUT /user/{userId}/time-entries: only the fields sent change. */
  async update(
    ws: WorkspaceContext,
    userId: string,
    items: UpdateTimeEntryBulkDto[],
    hydrated: boolean,
  ): Promise<TimeEntryWithRatesDto[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.rates.lockForPricing(manager, ws.workspaceId);
      const rows = await this.userEntries(
        manager,
        ws,
        userId,
        items.map((i) => i.id),
      );
      const changed: [TimeEntryEvent, TimeEntryRow][] = [];
      let settings = {};
      for (const [index, item] of items.entries()) {
        const row = rows[index];
        const projectId = item.projectId !== undefined ? item.projectId : row.project_id;
        const input: EntryInput = {
          description: item.description ?? row.description,
          projectId,
          taskId: item.taskId !== undefined ? item.taskId : projectId === row.project_id ? row.task_id : null,
          tagIds: item.tagIds ?? row.tag_ids ?? [],
          type: item.type ?? row.type,
          billable: item.billable,
          start: item.start ? toSecond(item.start) : new Date(row.start_at),
          end: item.end ? toSecond(item.end) : row.end_at === null ? null : new Date(row.end_at),
          customFields: item.customFields,
        };
        const prepared = await this.writer.prepare(manager, ws, userId, input, row);
        settings = prepared.settings;
        const updated = await this.store.update(
          manager,
          ws.workspaceId,
          row.id,
          prepared.values,
          prepared.tagIds,
          prepared.customFields,
        );
        changed.push([
          row.end_at === null && updated.end_at !== null ? 'TIMER_STOPPED' : 'TIME_ENTRY_UPDATED',
          updated,
        ]);
      }
      await this.events.record(manager, settings, ...changed);
      const view = viewFor(settings, ws.isAdmin);
      const entries = changed.map(([, row]) => toTimeEntryDto(row, view));
      return hydrated ? this.hydrator.hydrate(manager, ws.workspaceId, entries) : entries;
    });
  }

  /** DELETE /user/{userId}/time-entries?time-entry-ids=...: all or nothing; answers the deleted entries. */
  async delete(ws: WorkspaceContext, userId: string, requested: string[]): Promise<TimeEntryWithRatesDto[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.userEntries(manager, ws, userId, [...new Set(requested ?? [])]);
      const ids = rows.map((row) => row.id);
      const settings = await this.store.settings(manager, ws.workspaceId);
      for (const row of rows) {
        checkNotFinalized(row, ws.isAdmin);
        checkLock(settings, ws.isAdmin, new Date(row.start_at));
      }
      await this.store.delete(manager, ws.workspaceId, ids);
      await this.events.record(
        manager,
        settings,
        ...rows.map((row): [TimeEntryEvent, TimeEntryRow] => ['TIME_ENTRY_DELETED', row]),
      );
      const view = viewFor(settings, ws.isAdmin);
      return rows.map((row) => toTimeEntryDto(row, view));
    });
  }

  /** PATCH /time-entries/invoiced (admins): all ids must be entries of this workspace, or nothing changes. */
  async setInvoiced(ws: WorkspaceContext, body: UpdateInvoicedStatusDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows = await this.store.setInvoiced(manager, ws.workspaceId, body.timeEntryIds, body.invoiced);
      if (rows.length !== body.timeEntryIds.length) throw new NotFoundException('Time entry not found');
      const settings = await this.store.settings(manager, ws.workspaceId);
      await this.events.record(
        manager,
        settings,
        ...rows.map((row): [TimeEntryEvent, TimeEntryRow] => ['TIME_ENTRY_UPDATED', row]),
      );
    });
  }

  /** POST /user/{userId}/time-entries/{id}/duplicate: a copy of a finished entry (same times, rates, tags, fields). */
  async duplicate(ws: WorkspaceContext, userId: string, id: string): Promise<TaggedEntry> {
    return this.dataSource.transaction(async (manager) => {
      await this.rates.lockForPricing(manager, ws.workspaceId); // the copy keeps the rates the source has now
      const [row] = await this.userEntries(manager, ws, userId, [id]);
      if (row.end_at === null)
        throw new BadRequestException('A running time entry cannot be duplicated; stop it first');
      const settings = await this.store.settings(manager, ws.workspaceId);
      checkLock(settings, ws.isAdmin, new Date(row.start_at));
      checkManualEntryAllowed(settings, ws.isAdmin, true);
      const copy = await this.store.insert(
        manager,
        ws.workspaceId,
        newId(),
        {
          userId,
          projectId: row.project_id,
          taskId: row.task_id,
          description: row.description,
          start: new Date(row.start_at),
          end: new Date(row.end_at),
          billable: row.billable,
          type: row.type,
          hourlyRate: nullableNumber(row.hourly_rate),
          costRate: nullableNumber(row.cost_rate),
          currency: row.currency,
        },
        row.tag_ids ?? [],
        row.custom_fields ?? [],
      );
      await this.events.record(manager, settings, ['NEW_TIME_ENTRY', copy]);
      return tagged(copy, toTimeEntryDto(copy, viewFor(settings, ws.isAdmin)));
    });
  }

  /** The entries (locked, in the order of `ids`) of `userId`; 404 when one is missing, of another user or of another workspace. */
  /** The user's entries of those ids, in that order; a caller who may not touch that user's time is 403 before any 400 about the ids. */
  private async userEntries(
    manager: EntityManager,
    ws: WorkspaceContext,
    userId: string,
    requested: string[],
  ): Promise<TimeEntryRow[]> {
    await this.writer.assertAccess(manager, ws, userId);
    const ids = uniqueIds(requested);
    const rows = await this.store.byIds(manager, ws.workspaceId, ids, true);
    const found = new Set(rows.filter((r) => r.user_id === userId).map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new NotFoundException(`Time entry ${missing} not found for this user`);
    return rows;
  }
}

function uniqueIds(ids: string[]): string[] {
  if (!ids.length) throw new BadRequestException('At least one time entry is needed');
  if (ids.length > MAX_BULK_ENTRIES)
    throw new BadRequestException(`At most ${MAX_BULK_ENTRIES} time entries per request`);
  if (new Set(ids).size !== ids.length) throw new BadRequestException('The same time entry id appears more than once');
  return ids;
}

function nullableNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
