import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import { BoundedMap } from '../../common/utils/bounded-map';
import type { TimeEntryRow } from './time-entry.mapper';
import type { SqlFragment } from '../../common/outbox/outbox.store';
import type { EntrySettings } from './time-entry-rules';
import { ratesUnchangedSql } from '../rates/rates.store';
import { type ReferenceParams, referencesUnchangedSql, type ReferencesVariant } from './time-entry-references.store';

/** The columns of an entry with its tag ids and custom field values (`te` is the time_entries alias). */
export const ENTRY_COLUMNS = `te.*,
  ARRAY(SELECT tt.tag_id FROM time_entry_tags tt WHERE tt.time_entry_id = te.id ORDER BY tt.tag_id) AS tag_ids,
  (SELECT json_agg(json_build_object('customFieldId', cf.id, 'name', cf.name, 'value', v.value) ORDER BY cf.name)
     FROM time_entry_custom_fields v JOIN custom_fields cf ON cf.id = v.custom_field_id
    WHERE v.time_entry_id = te.id) AS custom_fields`;

/** What the rules of a write judged: the references row (its fingerprint and variant, the caller) and rates version. */
export interface JudgedReferences {
  variant: ReferencesVariant;
  callerId: string;
  fingerprint: string;
  ratesVersion: string;
}

/** The write statement's parameters as the references statement reads them ($17 the caller). */
const WRITE_PARAMS: ReferenceParams = {
  workspace: '$2',
  user: '$3',
  project: '$4',
  task: '$5',
  tags: '$14',
  caller: '$17',
  at: '$7',
};

/** The columns written by an insert or an update. */
export interface EntryValues {
  userId: string;
  projectId: string | null;
  taskId: string | null;
  description: string;
  start: Date;
  end: Date | null;
  billable: boolean;
  type: string;
  hourlyRate: number | null;
  costRate: number | null;
  currency: string;
}

export interface StoredCustomField {
  customFieldId: string;
  name: string;
  value: unknown;
}

/** The row an insert of these values creates (as the database will return it), known before the insert. */
export function newEntryRow(
  workspaceId: string,
  id: string,
  v: EntryValues,
  tagIds: readonly string[],
  customFields: readonly StoredCustomField[],
): TimeEntryRow {
  return {
    id,
    workspace_id: workspaceId,
    user_id: v.userId,
    project_id: v.projectId,
    task_id: v.taskId,
    description: v.description,
    start_at: v.start,
    end_at: v.end,
    duration: v.end ? Math.round((v.end.getTime() - v.start.getTime()) / 1000) : null,
    billable: v.billable,
    type: v.type as TimeEntryRow['type'],
    hourly_rate: v.hourlyRate,
    cost_rate: v.costRate,
    currency: v.currency,
    invoiced: false,
    approval_status: null,
    kiosk_id: null,
    version: 1,
    tag_ids: [...tagIds].sort(),
    custom_fields: customFields.length ? [...customFields] : null,
  };
}

/** The parameters of an entry's values, as insert and update bind them ($3 to $13). */
function entryParams(v: EntryValues): unknown[] {
  return [
    v.userId,
    v.projectId,
    v.taskId,
    v.description,
    v.start,
    v.end,
    v.billable,
    v.type,
    v.hourlyRate,
    v.costRate,
    v.currency,
  ];
}

/** Custom field values as the `jsonb_to_recordset(...) AS f(id, value)` of insert and update read them. */
function customFieldsJson(customFields: readonly StoredCustomField[]): string {
  return JSON.stringify(customFields.map((c) => ({ id: c.customFieldId, value: c.value })));
}

const writeStatements = new BoundedMap<string, string>(100);

/**
 * The insert statement of `write`, built once per guard variant and extra CTE (a handful of texts): the prepared
 * statement is looked up by its text (see preparedQuery), so a text rebuilt per request costs its building and hashing.
 */
function writeSql(guarded: ReferencesVariant | undefined, extraSql: string | undefined): string {
  const key = `${guarded ? `${guarded.isAdmin}:${guarded.priced}` : '-'}|${extraSql ?? ''}`;
  let sql = writeStatements.get(key);
  if (sql) return sql;
  const from = guarded ? ' FROM g' : '';
  const guard = guarded
    ? `g AS (SELECT 1 WHERE ${ratesUnchangedSql('$2', '$16')}
                 AND ${referencesUnchangedSql(guarded, WRITE_PARAMS, '$18')}),`
    : '';
  sql = `WITH ${guard}
       e AS (
         INSERT INTO time_entries (id, workspace_id, user_id, project_id, task_id, description, start_at, end_at, billable, type,
                                   hourly_rate, cost_rate, currency)
         SELECT $1::char(24), $2::char(24), $3::char(24), $4::char(24), $5::char(24), $6::text, $7::timestamptz, $8::timestamptz,
                $9::boolean, $10::text, $11::bigint, $12::bigint, $13::text${from}),
       t AS (INSERT INTO time_entry_tags (workspace_id, time_entry_id, tag_id) SELECT $2, $1, tag FROM${guarded ? ' g,' : ''} unnest($14::char(24)[]) tag),
       c AS (INSERT INTO time_entry_custom_fields (workspace_id, time_entry_id, custom_field_id, value)
             SELECT $2, $1, f.id, f.value FROM${guarded ? ' g,' : ''} jsonb_to_recordset($15::jsonb) AS f(id char(24), value jsonb))${
               extraSql
                 ? `,
       x AS (${extraSql})`
                 : ''
             }
       SELECT ${guarded ? 'EXISTS (SELECT 1 FROM g)' : 'true'} AS inserted`;
  writeStatements.set(key, sql);
  return sql;
}

/** Raw SQL for time entries: one statement per step, tags and custom fields written with their entry. */
@Injectable()
export class TimeEntryStore {
  async settings(manager: EntityManager, workspaceId: string): Promise<EntrySettings> {
    const rows: { settings: EntrySettings }[] = await manager.query('SELECT settings FROM workspaces WHERE id = $1', [
      workspaceId,
    ]);
    return rows[0]?.settings ?? {};
  }

  /** Entries by id (in this workspace only), optionally locked FOR UPDATE, in the order of `ids`. */
  async byIds(
    manager: EntityManager,
    workspaceId: string,
    ids: readonly string[],
    lock = false,
  ): Promise<TimeEntryRow[]> {
    const rows: TimeEntryRow[] = await manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM time_entries te WHERE te.workspace_id = $1 AND te.id = ANY($2::char(24)[])${lock ? ' FOR UPDATE OF te' : ''}`,
      [workspaceId, ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is TimeEntryRow => r !== undefined);
  }

  /** The running entry of a user, locked FOR UPDATE. */
  async running(manager: EntityManager, workspaceId: string, userId: string): Promise<TimeEntryRow | null> {
    const rows: TimeEntryRow[] = await manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM time_entries te WHERE te.workspace_id = $1 AND te.user_id = $2 AND te.end_at IS NULL FOR UPDATE OF te`,
      [workspaceId, userId],
    );
    return rows[0] ?? null;
  }

  /**
   * Serialises timer starts of one user (a transaction-scoped advisory lock),
   * so that "stop the running timer, start the new one" never races.
   */
  async lockUserTimer(manager: EntityManager, workspaceId: string, userId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`timer:${workspaceId}:${userId}`]);
  }

  /** Stops the user's running entry at `at` (never before its own start); returns it, or null when none ran. */
  async stopRunning(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    at: Date,
  ): Promise<TimeEntryRow | null> {
    const [rows]: [TimeEntryRow[], number] = await manager.query(
      `UPDATE time_entries te SET end_at = GREATEST(te.start_at, $3), version = te.version + 1, updated_at = now()
        WHERE te.workspace_id = $1 AND te.user_id = $2 AND te.end_at IS NULL
        RETURNING ${ENTRY_COLUMNS}`,
      [workspaceId, userId, at],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts an entry with its tags and custom field values in one statement;
   * `also` adds a CTE to that statement (e.g. the outbox row, see
   * `outboxInsertSql`), its parameters numbered from the given one. Returns
   * the new row as `newEntryRow` knows it (nothing is read back).
   *
   * `insertIfUnchanged` (an entry judged and priced outside a transaction): the statement
   * writes only if the workspace's rates are still those the pricing read
   * (`ratesUnchangedSql`: no rate change running, none committed since) and the
   * entry's references are still the row its rules judged (`referencesUnchangedSql`);
   * otherwise it writes nothing and answers false. The caller then judges again.
   */
  async insert(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    v: EntryValues,
    tagIds: readonly string[],
    customFields: readonly StoredCustomField[],
    also?: (firstParam: number, onlyIf?: string) => SqlFragment,
  ): Promise<TimeEntryRow> {
    await this.write(manager, workspaceId, id, v, tagIds, customFields, also);
    return newEntryRow(workspaceId, id, v, tagIds, customFields);
  }

  /** `insert` with the rates and references guard (see above): false when nothing was written. */
  insertIfUnchanged(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    v: EntryValues,
    tagIds: readonly string[],
    customFields: readonly StoredCustomField[],
    also: (firstParam: number, onlyIf?: string) => SqlFragment,
    judged: JudgedReferences,
  ): Promise<boolean> {
    return this.write(manager, workspaceId, id, v, tagIds, customFields, also, judged);
  }

  private async write(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    v: EntryValues,
    tagIds: readonly string[],
    customFields: readonly StoredCustomField[],
    also?: (firstParam: number, onlyIf?: string) => SqlFragment,
    judged?: JudgedReferences,
  ): Promise<boolean> {
    const extra = also?.(judged ? 19 : 16, judged ? 'EXISTS (SELECT 1 FROM g)' : undefined);
    const rows = await preparedQuery<{ inserted: boolean }>(manager, writeSql(judged?.variant, extra?.sql), [
      id,
      workspaceId,
      ...entryParams(v),
      tagIds,
      customFieldsJson(customFields),
      ...(judged ? [judged.ratesVersion, judged.callerId, judged.fingerprint] : []),
      ...(extra?.params ?? []),
    ]);
    return rows[0]?.inserted === true;
  }

  /**
   * Rewrites an entry (bumping its version); tags and custom field values are
   * replaced when given. Returns the new row.
   */
  async update(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    v: EntryValues,
    tagIds: readonly string[] | null,
    customFields: readonly StoredCustomField[] | null,
  ): Promise<TimeEntryRow> {
    if (tagIds) {
      await manager.query(
        `WITH d AS (DELETE FROM time_entry_tags WHERE time_entry_id = $1 AND tag_id <> ALL($3::char(24)[]))
         INSERT INTO time_entry_tags (workspace_id, time_entry_id, tag_id) SELECT $2, $1, unnest($3::char(24)[]) ON CONFLICT DO NOTHING`,
        [id, workspaceId, tagIds],
      );
    }
    if (customFields) {
      await manager.query(
        `INSERT INTO time_entry_custom_fields (workspace_id, time_entry_id, custom_field_id, value)
         SELECT $2, $1, f.id, f.value FROM jsonb_to_recordset($3::jsonb) AS f(id char(24), value jsonb)
         ON CONFLICT (time_entry_id, custom_field_id) DO UPDATE SET value = EXCLUDED.value`,
        [id, workspaceId, customFieldsJson(customFields)],
      );
    }
    const rows: [TimeEntryRow[], number] = await manager.query(
      `UPDATE time_entries te SET user_id = $3, project_id = $4, task_id = $5, description = $6, start_at = $7, end_at = $8,
              billable = $9, type = $10, hourly_rate = $11, cost_rate = $12, currency = $13, version = te.version + 1, updated_at = now()
        WHERE te.workspace_id = $1 AND te.id = $2
        RETURNING ${ENTRY_COLUMNS}`,
      [workspaceId, id, ...entryParams(v)],
    );
    return rows[0][0];
  }

  /** Sets the end of an entry (stopping a timer), bumping its version. */
  async setEnd(manager: EntityManager, workspaceId: string, id: string, end: Date): Promise<TimeEntryRow> {
    const [rows]: [TimeEntryRow[], number] = await manager.query(
      `UPDATE time_entries te SET end_at = $3, version = te.version + 1, updated_at = now()
        WHERE te.workspace_id = $1 AND te.id = $2 RETURNING ${ENTRY_COLUMNS}`,
      [workspaceId, id, end],
    );
    return rows[0];
  }

  /** Sets the invoiced flag of entries, bumping their versions; returns the rows changed. */
  async setInvoiced(
    manager: EntityManager,
    workspaceId: string,
    ids: readonly string[],
    invoiced: boolean,
  ): Promise<TimeEntryRow[]> {
    const [rows]: [TimeEntryRow[], number] = await manager.query(
      `UPDATE time_entries te SET invoiced = $3, version = te.version + 1, updated_at = now()
        WHERE te.workspace_id = $1 AND te.id = ANY($2::char(24)[]) RETURNING ${ENTRY_COLUMNS}`,
      [workspaceId, ids, invoiced],
    );
    return rows;
  }

  async delete(manager: EntityManager, workspaceId: string, ids: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM time_entries WHERE workspace_id = $1 AND id = ANY($2::char(24)[])', [
      workspaceId,
      ids,
    ]);
  }

  /** Whether the project has an ACTIVE task. */
  async hasActiveTasks(manager: EntityManager, workspaceId: string, projectId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM tasks WHERE workspace_id = $1 AND project_id = $2 AND status = 'ACTIVE' LIMIT 1`,
      [workspaceId, projectId],
    );
    return rows.length > 0;
  }
}
