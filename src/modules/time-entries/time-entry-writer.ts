import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { mayActFor } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import { BoundedMap } from '../../common/utils/bounded-map';
import { resolveCandidates } from '../rates/rates.service';
import type { TimeEntryCustomFieldRequestDto } from './dto/time-entry-requests.dto';
import { checkCustomFieldValue } from './time-entry-custom-fields';
import type { TimeEntryRow } from './time-entry.mapper';
import {
  checkBillableChange,
  checkInterval,
  checkLock,
  checkNotFinalized,
  checkRequiredFields,
  EntrySettings,
} from './time-entry-rules';
import { EntryValues, JudgedReferences, StoredCustomField } from './time-entry.store';
import { type ReferencesVariant, type RefsRow, TimeEntryReferencesStore } from './time-entry-references.store';

/** What a write asks the entry to become (after defaults for create, or merged with the entry for a partial update). */
export interface EntryInput {
  description: string;
  projectId: string | null;
  taskId: string | null;
  tagIds: string[];
  type: string;
  /** Undefined: the project's billable on create, unchanged on update (unless the project changes). */
  billable?: boolean;
  start: Date;
  end: Date | null;
  /** Undefined: leave the custom field values as they are. */
  customFields?: TimeEntryCustomFieldRequestDto[];
}

export interface PreparedEntry {
  values: EntryValues;
  tagIds: string[];
  customFields: StoredCustomField[] | null;
  settings: EntrySettings;
  /** The references and rates version the rules judged (see TimeEntryStore.insertIfUnchanged). */
  judged: JudgedReferences;
  /** Judged with the references an earlier write read (`reuse`): a write guarded by them may find them changed. */
  reused: boolean;
}

export interface PrepareOptions {
  /** Judge with the references an earlier write of the same ids read, if any: for a write that checks them (insertIfUnchanged). */
  reuse?: boolean;
  /** A rule of the caller's over the workspace settings, judged with the others. */
  check?: (settings: EntrySettings) => void;
}

/** The references of recent writes, by what they were read for (see `prepare`). */
const REMEMBERED_REFERENCES = 1000;

/**
 * Turns a requested entry into the values to store, in one query (plus one
 * for custom field values when given): it checks the user, project, task and
 * tags, reads the workspace settings and, when the entry is (re)priced, the
 * candidate rates. Then the workspace's rules are applied.
 *
 * With `reuse`, the references an earlier write of the same user, project, task, tags and caller read are judged
 * instead, when this instance has them: the write then checks in its own statement that they are still what the
 * database holds (`referencesUnchangedSql`) and writes nothing otherwise, so a remembered row saves the read and
 * can never decide a write. A remembered row the rules refuse is read again before any error is answered.
 */
@Injectable()
export class TimeEntryWriter {
  private readonly remembered = new BoundedMap<string, RefsRow>(REMEMBERED_REFERENCES);

  async prepare(
    manager: EntityManager,
    ws: WorkspaceContext,
    userId: string,
    input: EntryInput,
    current: TimeEntryRow | null,
    options: PrepareOptions = {},
  ): Promise<PreparedEntry> {
    const tagIds = [...new Set(input.tagIds)];
    const repriced =
      !current ||
      current.project_id !== input.projectId ||
      current.task_id !== input.taskId ||
      current.user_id !== userId ||
      new Date(current.start_at).getTime() !== input.start.getTime();
    const variant: ReferencesVariant = { isAdmin: ws.isAdmin, priced: repriced };
    const key = JSON.stringify([
      ws.workspaceId,
      ws.userId,
      ws.isAdmin,
      userId,
      input.projectId,
      input.taskId,
      [...tagIds].sort(),
      repriced,
    ]);
    const remembered = options.reuse ? this.remembered.get(key) : undefined;
    if (remembered) {
      try {
        return await this.judge(manager, ws, userId, input, current, tagIds, variant, remembered, options, true);
      } catch {
        // refused by what an earlier write read: the database's row decides (below)
      }
    }
    const refs = await this.references(manager, ws, userId, input, tagIds, variant);
    // Every read replaces what is remembered, also one without `reuse` (the retry after a remembered row went
    // stale): kept only by reusing calls, a stale row stayed, and each later create paid a refused write and a read.
    this.remembered.set(key, refs);
    return this.judge(manager, ws, userId, input, current, tagIds, variant, refs, options, false);
  }

  /** The rules over one references row, and the values to store. */
  private async judge(
    manager: EntityManager,
    ws: WorkspaceContext,
    userId: string,
    input: EntryInput,
    current: TimeEntryRow | null,
    tagIds: string[],
    variant: ReferencesVariant,
    refs: RefsRow,
    options: PrepareOptions,
    reused: boolean,
  ): Promise<PreparedEntry> {
    const projectChanged = !current || current.project_id !== input.projectId;
    if (!refs.user_exists) throw new NotFoundException('User not found in this workspace');
    assertMayActFor(ws, userId, refs.managed);
    if (input.projectId && (!refs.project_exists || !refs.project_visible))
      throw new NotFoundException('Project not found');
    if (input.taskId) {
      if (!input.projectId) throw new BadRequestException('A task needs its project: send projectId too');
      if (!refs.task_project_id) throw new NotFoundException('Task not found');
      if (refs.task_project_id !== input.projectId)
        throw new BadRequestException('The task does not belong to the project');
    }
    if (refs.tag_count !== tagIds.length) throw new NotFoundException('Tag not found');

    const settings = refs.settings;
    checkInterval(input.start, input.end);
    if (current) {
      checkNotFinalized(current, ws.isAdmin);
      checkLock(settings, ws.isAdmin, new Date(current.start_at), input.start);
    } else {
      checkLock(settings, ws.isAdmin, input.start);
    }
    checkRequiredFields(settings, { ...input, tagIds, projectHasTasks: refs.project_has_tasks });
    options.check?.(settings);

    const defaultBillable = projectChanged ? (refs.project_billable ?? false) : (current?.billable ?? false);
    checkBillableChange(settings, ws.isAdmin, input.billable, defaultBillable);
    const billable = input.billable ?? defaultBillable;

    let hourlyRate =
      current?.hourly_rate === null || current?.hourly_rate === undefined ? null : Number(current.hourly_rate);
    let costRate = current?.cost_rate === null || current?.cost_rate === undefined ? null : Number(current.cost_rate);
    let currency = current?.currency ?? refs.currency;
    if (refs.rates) {
      const resolved = resolveCandidates(refs.rates, input.start);
      hourlyRate = resolved.hourly?.amount ?? null;
      costRate = resolved.cost?.amount ?? null;
      currency = resolved.hourly?.currency ?? resolved.cost?.currency ?? refs.currency;
    }

    const customFields = input.customFields
      ? await this.customFields(manager, ws.workspaceId, input.customFields)
      : null;
    return {
      values: {
        userId,
        projectId: input.projectId,
        taskId: input.taskId,
        description: input.description,
        start: input.start,
        end: input.end,
        billable,
        type: input.type,
        hourlyRate,
        costRate,
        currency,
      },
      tagIds,
      customFields,
      settings,
      judged: { variant, callerId: ws.userId, fingerprint: refs.fingerprint, ratesVersion: refs.rates_version },
      reused,
    };
  }

  /** Checks that the caller may act on `userId`'s entries (self, admin or their team manager): 403 otherwise, 404 for non-members. */
  async assertAccess(manager: EntityManager, ws: WorkspaceContext, userId: string): Promise<void> {
    if (userId === ws.userId) return;
    const access = await TimeEntryReferencesStore.access(manager, ws.workspaceId, userId, ws.userId);
    if (!access.user_exists) throw new NotFoundException('User not found in this workspace');
    assertMayActFor(ws, userId, access.managed);
  }

  private async references(
    manager: EntityManager,
    ws: WorkspaceContext,
    userId: string,
    input: EntryInput,
    tagIds: string[],
    variant: ReferencesVariant,
  ): Promise<RefsRow> {
    return TimeEntryReferencesStore.references(manager, variant, {
      workspaceId: ws.workspaceId,
      userId,
      projectId: input.projectId,
      taskId: input.taskId,
      tagIds,
      callerId: ws.userId,
      start: input.start,
    });
  }

  private async customFields(
    manager: EntityManager,
    workspaceId: string,
    requested: TimeEntryCustomFieldRequestDto[],
  ): Promise<StoredCustomField[]> {
    if (!requested.length) return [];
    const ids = [...new Set(requested.map((r) => r.customFieldId))];
    const fields = await TimeEntryReferencesStore.customFields(manager, workspaceId, ids);
    const byId = new Map(fields.map((f) => [f.id, f]));
    const stored = new Map<string, StoredCustomField>();
    for (const r of requested) {
      const field = byId.get(r.customFieldId);
      if (!field) throw new NotFoundException(`Custom field ${r.customFieldId} not found`);
      if (field.entity_type !== 'TIMEENTRY')
        throw new BadRequestException(`Custom field ${field.name} is not a time entry field`);
      checkCustomFieldValue(field.name, field.type, field.allowed_values, r.value);
      stored.set(field.id, { customFieldId: field.id, name: field.name, value: r.value ?? null });
    }
    return [...stored.values()];
  }
}

/** Self, admins, and team managers of the user may act on a user's entries. */
export function assertMayActFor(ws: WorkspaceContext, userId: string, managed: boolean): void {
  if (mayActFor(ws, userId, managed)) return;
  throw new ForbiddenException("Only admins and the user's team managers may access another user's time entries");
}
