import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { isLockNotAvailable } from '../../common/utils/sql';
import { RatesService } from '../rates/rates.service';
import { newId } from '../../common/utils/ids';
import type { CreateTimeEntryDto, StopTimeEntryDto, UpdateTimeEntryDto } from './dto/time-entry-requests.dto';
import type { TimeEntryWithRatesDto } from './dto/time-entry.dto';
import { TimeEntryEvent, TimeEntryEvents } from './time-entry-events';
import { TimeEntryHydrator } from './time-entry-hydrator';
import { TimeEntryRow, toTimeEntryDto, viewFor } from './time-entry.mapper';
import {
  checkIfMatch,
  checkInterval,
  checkLock,
  checkManualEntryAllowed,
  checkNotFinalized,
  checkRequiredFields,
  entityTag,
  type EntrySettings,
  toSecond,
} from './time-entry-rules';
import { newEntryRow, TimeEntryStore } from './time-entry.store';
import { EntryInput, TimeEntryWriter } from './time-entry-writer';

/** An entry as answered, with its ETag. */
export interface TaggedEntry {
  entry: TimeEntryWithRatesDto;
  etag: string;
}

export function tagged(row: TimeEntryRow, entry: TimeEntryWithRatesDto): TaggedEntry {
  return { entry, etag: entityTag(row.id, row.version) };
}

/**
 * Single time entries: create (a timer when there is no end: the running one
 * is stopped at the new start, in the same transaction), get, replace, delete,
 * and stop the running timer.
 */
@Injectable()
export class TimeEntriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TimeEntryStore,
    private readonly writer: TimeEntryWriter,
    private readonly events: TimeEntryEvents,
    private readonly hydrator: TimeEntryHydrator,
    private readonly rates: RatesService,
  ) {}

  /**
   * A manual entry (with `end`) is written by ONE statement (entry, tags,
   * custom field values and outbox row; atomic without an explicit
   * transaction) after one read that checks it. A timer (no `end`) stops the
   * running one in a transaction.
   */
  async create(
    ws: WorkspaceContext,
    userId: string,
    body: CreateTimeEntryDto,
    fromEntry?: string,
  ): Promise<TaggedEntry> {
    const start = toSecond(body.start ?? new Date());
    const end = body.end ? toSecond(body.end) : null;
    if (end) {
      const manager = this.dataSource.manager;
      const input = await this.newInput(manager, ws, body, start, end, fromEntry);
      const check = (settings: EntrySettings) => checkManualEntryAllowed(settings, ws.isAdmin, true);
      for (const reuse of [true, false]) {
        const prepared = await this.writer.prepare(manager, ws, userId, input, null, { reuse, check });
        const customFields = prepared.customFields ?? [];
        // The new row is known before the write: it is the outbox payload's source and the answer.
        const row = newEntryRow(ws.workspaceId, newId(), prepared.values, prepared.tagIds, customFields);
        const event = this.events.sql(prepared.settings, ['NEW_TIME_ENTRY', row]);
        const written = await this.store
          .insertIfUnchanged(
            manager,
            ws.workspaceId,
            row.id,
            prepared.values,
            prepared.tagIds,
            customFields,
            event,
            prepared.judged,
          )
          .catch((error: unknown) => (isLockNotAvailable(error) ? false : Promise.reject(error)));
        if (written) return tagged(row, toTimeEntryDto(row, viewFor(prepared.settings, ws.isAdmin)));
        // Remembered references that changed since: judge again with the database's. Otherwise a rate change is
        // running (or committed since the pricing): price again once it is done.
        if (!prepared.reused) break;
      }
    }
    return this.dataSource.transaction(async (manager) => {
      await this.rates.lockForPricing(manager, ws.workspaceId);
      const prepared = await this.writer.prepare(
        manager,
        ws,
        userId,
        await this.newInput(manager, ws, body, start, end, fromEntry),
        null,
      );
      checkManualEntryAllowed(prepared.settings, ws.isAdmin, end !== null);
      const stopped = end ? null : await this.stopForNewTimer(manager, ws.workspaceId, userId, start);
      const row = await this.store.insert(
        manager,
        ws.workspaceId,
        newId(),
        prepared.values,
        prepared.tagIds,
        prepared.customFields ?? [],
      );
      const changes: [TimeEntryEvent, TimeEntryRow][] = stopped ? [['TIMER_STOPPED', stopped]] : [];
      changes.push([end ? 'NEW_TIME_ENTRY' : 'NEW_TIMER_STARTED', row]);
      await this.events.record(manager, prepared.settings, ...changes);
      return tagged(row, toTimeEntryDto(row, viewFor(prepared.settings, ws.isAdmin)));
    });
  }

  /** What a create asks for: the body, with the fields it leaves out taken from `fromEntry` (duplicate) or defaults. */
  private async newInput(
    manager: EntityManager,
    ws: WorkspaceContext,
    body: CreateTimeEntryDto,
    start: Date,
    end: Date | null,
    fromEntry?: string,
  ): Promise<EntryInput> {
    const source = fromEntry ? await this.findAccessible(manager, ws, fromEntry) : null;
    const projectId = body.projectId ?? source?.project_id ?? null;
    return {
      description: body.description ?? source?.description ?? '',
      projectId,
      taskId: body.taskId ?? (projectId === source?.project_id ? (source?.task_id ?? null) : null),
      tagIds: body.tagIds ?? source?.tag_ids ?? [],
      type: body.type ?? 'REGULAR',
      billable: body.billable ?? source?.billable,
      start,
      end,
      customFields:
        body.customFields ??
        source?.custom_fields?.map((cf) => ({ customFieldId: cf.customFieldId, value: cf.value })) ??
        [],
    };
  }

  async get(ws: WorkspaceContext, id: string, hydrated: boolean): Promise<TaggedEntry> {
    const manager = this.dataSource.manager;
    const row = await this.findAccessible(manager, ws, id);
    const entry = toTimeEntryDto(row, viewFor(await this.store.settings(manager, ws.workspaceId), ws.isAdmin));
    return tagged(row, hydrated ? (await this.hydrator.hydrate(manager, ws.workspaceId, [entry]))[0] : entry);
  }

  /** PUT replaces the entry, as Clockify: fields left out are cleared, and without `end` the entry runs. */
  async update(ws: WorkspaceContext, id: string, body: UpdateTimeEntryDto, ifMatch?: string): Promise<TaggedEntry> {
    return this.dataSource.transaction(async (manager) => {
      await this.rates.lockForPricing(manager, ws.workspaceId);
      const row = await this.findAccessible(manager, ws, id, true);
      checkIfMatch(ifMatch, row.id, row.version);
      const input: EntryInput = {
        description: body.description ?? '',
        projectId: body.projectId ?? null,
        taskId: body.taskId ?? null,
        tagIds: body.tagIds ?? [],
        type: body.type ?? row.type,
        billable: body.billable,
        start: toSecond(body.start),
        end: body.end ? toSecond(body.end) : null,
        customFields: body.customFields,
      };
      const prepared = await this.writer.prepare(manager, ws, row.user_id, input, row);
      const updated = await this.store.update(
        manager,
        ws.workspaceId,
        id,
        prepared.values,
        prepared.tagIds,
        prepared.customFields,
      );
      const event = row.end_at === null && updated.end_at !== null ? 'TIMER_STOPPED' : 'TIME_ENTRY_UPDATED';
      await this.events.record(manager, prepared.settings, [event, updated]);
      return tagged(updated, toTimeEntryDto(updated, viewFor(prepared.settings, ws.isAdmin)));
    });
  }

  async delete(ws: WorkspaceContext, id: string, ifMatch?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.findAccessible(manager, ws, id, true);
      checkIfMatch(ifMatch, row.id, row.version);
      const settings = await this.store.settings(manager, ws.workspaceId);
      checkNotFinalized(row, ws.isAdmin);
      checkLock(settings, ws.isAdmin, new Date(row.start_at));
      await this.store.delete(manager, ws.workspaceId, [id]);
      await this.events.record(manager, settings, ['TIME_ENTRY_DELETED', row]);
    });
  }

  /** PATCH /user/{userId}/time-entries: stops the user's running timer at `end`. */
  async stop(ws: WorkspaceContext, userId: string, body: StopTimeEntryDto, ifMatch?: string): Promise<TaggedEntry> {
    return this.dataSource.transaction(async (manager) => {
      await this.writer.assertAccess(manager, ws, userId);
      const row = await this.store.running(manager, ws.workspaceId, userId);
      if (!row) throw new NotFoundException('No time entry is running for this user');
      checkIfMatch(ifMatch, row.id, row.version);
      const end = toSecond(body.end);
      checkInterval(new Date(row.start_at), end);
      const settings = await this.store.settings(manager, ws.workspaceId);
      checkNotFinalized(row, ws.isAdmin);
      const projectHasTasks =
        settings.forceTasks && row.project_id && !row.task_id
          ? await this.store.hasActiveTasks(manager, ws.workspaceId, row.project_id)
          : true;
      checkRequiredFields(settings, {
        description: row.description,
        projectId: row.project_id,
        taskId: row.task_id,
        tagIds: row.tag_ids ?? [],
        type: row.type,
        projectHasTasks,
      });
      const stopped = await this.store.setEnd(manager, ws.workspaceId, row.id, end);
      await this.events.record(manager, settings, ['TIMER_STOPPED', stopped]);
      return tagged(stopped, toTimeEntryDto(stopped, viewFor(settings, ws.isAdmin)));
    });
  }

  /** An entry of this workspace the caller may act on (own, admin, or managed user's): 404 / 403 otherwise. */
  async findAccessible(manager: EntityManager, ws: WorkspaceContext, id: string, lock = false): Promise<TimeEntryRow> {
    const [row] = await this.store.byIds(manager, ws.workspaceId, [id], lock);
    if (!row) throw new NotFoundException('Time entry not found');
    await this.writer.assertAccess(manager, ws, row.user_id);
    return row;
  }

  /** Before a new timer: serialise the user's starts, then stop the running entry at the new start. */
  private async stopForNewTimer(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    start: Date,
  ): Promise<TimeEntryRow | null> {
    await this.store.lockUserTimer(manager, workspaceId, userId);
    return this.store.stopRunning(manager, workspaceId, userId, start);
  }
}
