import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import { mayActFor, projectVisibleSql, teamManagerSql } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import { RateCandidateRow, rateCandidatesSql, resolveCandidates } from '../rates/rates.service';
import type { TimeEntryCustomFieldRequestDto } from './dto/time-entry-requests.dto';
import { checkCustomFieldValue } from './time-entry-custom-fields';
import type { TimeEntryRow } from './time-entry.mapper';
import {
  checkBillableChange, checkInterval, checkLock, checkNotFinalized, checkRequiredFields, EntrySettings,
} from './time-entry-rules';
import { EntryValues, StoredCustomField } from './time-entry.store';

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
  /** The workspace's rates_version the pricing read (see TimeEntryStore.insertIfRatesUnchanged). */
  ratesVersion: string;
}

interface RefsRow {
  settings: EntrySettings;
  rates_version: string;
  currency: string;
  user_exists: boolean;
  managed: boolean;
  project_exists: boolean;
  project_billable: boolean | null;
  project_visible: boolean;
  project_has_tasks: boolean;
  task_project_id: string | null;
  tag_count: number;
  /** The rate candidates, when the entry is (re)priced. */
  rates: RateCandidateRow[] | null;
}

/**
 * Turns a requested entry into the values to store, in one query (plus one
 * for custom field values when given): it checks the user, project, task and
 * tags, reads the workspace settings and, when the entry is (re)priced, the
 * candidate rates. Then the workspace's rules are applied.
 */
@Injectable()
export class TimeEntryWriter {
  async prepare(manager: EntityManager, ws: WorkspaceContext, userId: string, input: EntryInput, current: TimeEntryRow | null): Promise<PreparedEntry> {
    const tagIds = [...new Set(input.tagIds)];
    const projectChanged = !current || current.project_id !== input.projectId;
    const repriced = !current || projectChanged || current.task_id !== input.taskId || current.user_id !== userId
      || new Date(current.start_at).getTime() !== input.start.getTime();
    const refs = await this.references(manager, ws, userId, input, tagIds, repriced);
    if (!refs.user_exists) throw new NotFoundException('User not found in this workspace');
    assertMayActFor(ws, userId, refs.managed);
    if (input.projectId && (!refs.project_exists || !refs.project_visible)) throw new NotFoundException('Project not found');
    if (input.taskId) {
      if (!input.projectId) throw new BadRequestException('A task needs its project: send projectId too');
      if (!refs.task_project_id) throw new NotFoundException('Task not found');
      if (refs.task_project_id !== input.projectId) throw new BadRequestException('The task does not belong to the project');
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

    const defaultBillable = projectChanged ? (refs.project_billable ?? false) : (current?.billable ?? false);
    checkBillableChange(settings, ws.isAdmin, input.billable, defaultBillable);
    const billable = input.billable ?? defaultBillable;

    let hourlyRate = current?.hourly_rate === null || current?.hourly_rate === undefined ? null : Number(current.hourly_rate);
    let costRate = current?.cost_rate === null || current?.cost_rate === undefined ? null : Number(current.cost_rate);
    let currency = current?.currency ?? refs.currency;
    if (refs.rates) {
      const resolved = resolveCandidates(refs.rates, input.start);
      hourlyRate = resolved.hourly?.amount ?? null;
      costRate = resolved.cost?.amount ?? null;
      currency = resolved.hourly?.currency ?? resolved.cost?.currency ?? refs.currency;
    }

    const customFields = input.customFields ? await this.customFields(manager, ws.workspaceId, input.customFields) : null;
    return {
      values: {
        userId, projectId: input.projectId, taskId: input.taskId, description: input.description, start: input.start, end: input.end,
        billable, type: input.type, hourlyRate, costRate, currency,
      },
      tagIds,
      customFields,
      settings,
      ratesVersion: refs.rates_version,
    };
  }

  /** Checks that the caller may act on `userId`'s entries (self, admin or their team manager): 403 otherwise, 404 for non-members. */
  async assertAccess(manager: EntityManager, ws: WorkspaceContext, userId: string): Promise<void> {
    if (userId === ws.userId) return;
    const rows: { user_exists: boolean; managed: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = $1 AND m.user_id = $2) AS user_exists,
              ${teamManagerSql({ workspace: '$1', manager: '$3', user: '$2' })} AS managed`,
      [ws.workspaceId, userId, ws.userId],
    );
    if (!rows[0].user_exists) throw new NotFoundException('User not found in this workspace');
    assertMayActFor(ws, userId, rows[0].managed);
  }

  private async references(
    manager: EntityManager, ws: WorkspaceContext, userId: string, input: EntryInput, tagIds: string[], priced: boolean,
  ): Promise<RefsRow> {
    const rows = await preparedQuery<RefsRow>(
      manager,
      referencesSql(ws.isAdmin, priced),
      [ws.workspaceId, userId, input.projectId, input.taskId, tagIds, ws.userId, ...(priced ? [input.start] : [])],
    );
    return rows[0];
  }

  private async customFields(manager: EntityManager, workspaceId: string, requested: TimeEntryCustomFieldRequestDto[]): Promise<StoredCustomField[]> {
    if (!requested.length) return [];
    const ids = [...new Set(requested.map((r) => r.customFieldId))];
    const fields: { id: string; name: string; type: string; allowed_values: string[]; entity_type: string }[] = await manager.query(
      `SELECT id, name, type, allowed_values, entity_type FROM custom_fields WHERE workspace_id = $1 AND id = ANY($2::char(24)[])`,
      [workspaceId, ids],
    );
    const byId = new Map(fields.map((f) => [f.id, f]));
    const stored = new Map<string, StoredCustomField>();
    for (const r of requested) {
      const field = byId.get(r.customFieldId);
      if (!field) throw new NotFoundException(`Custom field ${r.customFieldId} not found`);
      if (field.entity_type !== 'TIMEENTRY') throw new BadRequestException(`Custom field ${field.name} is not a time entry field`);
      checkCustomFieldValue(field.name, field.type, field.allowed_values, r.value);
      stored.set(field.id, { customFieldId: field.id, name: field.name, value: r.value ?? null });
    }
    return [...stored.values()];
  }
}

const referencesSqls = new Map<string, string>();

/**
 * The statement of `TimeEntryWriter.references` (built once per variant: the hot statements are looked up by their
 * text, see preparedQuery): projects visible to all for admins, rate candidates only when the entry is priced.
 */
function referencesSql(isAdmin: boolean, priced: boolean): string {
  const variant = `${isAdmin}:${priced}`;
  let sql = referencesSqls.get(variant);
  if (sql) return sql;
  const visible = isAdmin ? 'true' : projectVisibleSql({ project: 'p', user: '$2' });
  const rates = priced
    ? `(SELECT COALESCE(json_agg(r), '[]') FROM (${rateCandidatesSql({ workspaceId: '$1', userId: '$2', projectId: '$3', taskId: '$4', at: '$7' })}) r)`
    : 'NULL';
  sql = `SELECT w.settings, w.currency, w.rates_version::text AS rates_version,
        EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = w.id AND m.user_id = $2) AS user_exists,
        ${teamManagerSql({ workspace: 'w.id', manager: '$6', user: '$2' })} AS managed,
        p.id IS NOT NULL AS project_exists, p.billable AS project_billable,
        CASE WHEN p.id IS NULL THEN false ELSE ${visible} END AS project_visible,
        EXISTS (SELECT 1 FROM tasks t WHERE t.workspace_id = w.id AND t.project_id = p.id AND t.status = 'ACTIVE') AS project_has_tasks,
        (SELECT t.project_id FROM tasks t WHERE t.workspace_id = w.id AND t.id = $4) AS task_project_id,
        (SELECT count(*)::int FROM tags g WHERE g.workspace_id = w.id AND g.id = ANY($5::char(24)[])) AS tag_count,
        ${rates} AS rates
   FROM workspaces w LEFT JOIN projects p ON p.workspace_id = w.id AND p.id = $3
  WHERE w.id = $1`;
  referencesSqls.set(variant, sql);
  return sql;
}

/** Self, admins, and team managers of the user may act on a user's entries. */
export function assertMayActFor(ws: WorkspaceContext, userId: string, managed: boolean): void {
  if (mayActFor(ws, userId, managed)) return;
  throw new ForbiddenException("Only admins and the user's team managers may access another user's time entries");
}
