import { BadRequestException } from '@nestjs/common';
import { likePattern, SqlConditions } from '../../../common/utils/sql';
import {
  archivedFlag,
  containsCondition,
  flagConditions,
  idFilterConditions,
  idsOrNull,
  type ParamFn,
  visibilityCondition,
} from './report-conditions.store';
import type { CustomFieldFilterDto, ReportFilterBaseDto } from './report-filter.dto';
import type { ReportScope } from './report-scope.store';
import { amountCentsSql, roundDurationSql } from './report-time';

/**
 * The one report filter: detailed, summary, weekly, attendance and exports all
 * select their entries with it, so a filter means the same thing everywhere.
 * The conditions shared with the expense report (visibility, id filters, flags)
 * are in report-conditions.store.ts; expenses: expense-filter.store.ts.
 *
 * Usage:
 *   const scope = await resolveReportScope(manager, ws, body);   // report-scope.store.ts: 400/403, zone, range, rights
 *   const params: unknown[] = [];
 *   const where = buildReportWhere(scope, body, params);         // pushes $1..$n into params
 *   const x = reportExprs(scope);                                 // duration / amounts SQL over `te`
 *   await inReportTransaction(dataSource, (m) => m.query(
 *     `SELECT sum(${x.duration}) FROM time_entries te WHERE ${where}`, params));
 *
 * - The fragment is over `time_entries te` only (related tables through
 *   EXISTS / `= ANY(ARRAY(SELECT ...))` sub-queries), so no join is needed and
 *   an entry is never duplicated; add your own joins for names.
 * - Range: entries whose START is in [scope.start, scope.end] (the resolved
 *   dateRangeStart/End or dateRangeType in the report's zone).
 * - Running entries (end_at NULL) are left out (Clockify's reports show an
 *   entry once stopped), unless `{ includeRunning: true }` (attendance), where
 *   reportExprs(scope, { includeRunning: true }) counts them up to now().
 * - users/userGroups/projects/clients/tasks/tags: CONTAINS = one of the ids,
 *   DOES_NOT_CONTAIN = none of them (entries without a project/client/task/tag
 *   included), CONTAINS_ONLY = as CONTAINS for single-valued fields; for tags,
 *   tagged and with no tag outside the ids. Empty ids: no condition. `status`
 *   keeps, of the ids, the entities with that status (ACTIVE/ARCHIVED;
 *   users: ACTIVE/PENDING/INACTIVE/ACTIVE_WITH_PENDING).
 * - billable, description (contains, case-insensitive), withoutDescription,
 *   invoicingState, approvalState (APPROVED = approval_status 'APPROVED'),
 *   currency (ids = currency codes), customFields/userCustomFields.
 * - Visibility (scope.visibility): admins see all; members their own time, their
 *   team's (TEAM_MANAGER of the user or of a group of theirs) and, when the
 *   workspace's onlyAdminsSeeAllTimeEntries is false, others' time on projects
 *   they may see (public ones unless onlyAdminsSeePublicProjectsEntries, ones
 *   they are members of, ones they manage).
 */
export function buildReportWhere(
  scope: ReportScope,
  filter: ReportFilterBaseDto,
  params: unknown[],
  options: { includeRunning?: boolean } = {},
): string {
  const p = new SqlConditions(params).param;
  const ws = p(scope.workspaceId);
  const and: string[] = [
    `te.workspace_id = ${ws}`,
    `te.start_at >= ${p(scope.start)}`,
    `te.start_at <= ${p(scope.end)}`,
  ];
  if (!options.includeRunning) and.push('te.end_at IS NOT NULL');

  const visible = visibilityCondition(scope, 'te', p);
  if (visible) and.push(visible);
  and.push(...idFilterConditions(filter, 'te', ws, p));

  const tags = idsOrNull(filter.tags?.ids);
  if (tags) {
    const archived = archivedFlag(filter.tags?.status);
    const set =
      archived === null
        ? `${p(tags)}::bpchar[]`
        : `ARRAY(SELECT x.id FROM tags x WHERE x.workspace_id = ${ws} AND x.id = ANY(${p(tags)}::bpchar[]) AND x.archived = ${archived})`;
    const has = `EXISTS (SELECT 1 FROM time_entry_tags tt WHERE tt.time_entry_id = te.id AND tt.tag_id = ANY(${set}))`;
    const contains = filter.tags?.contains ?? filter.tags?.containedInTimeentry;
    if (contains === 'DOES_NOT_CONTAIN') and.push(`NOT ${has}`);
    else if (contains === 'CONTAINS_ONLY') {
      and.push(
        `${has} AND NOT EXISTS (SELECT 1 FROM time_entry_tags tt WHERE tt.time_entry_id = te.id AND NOT tt.tag_id = ANY(${set}))`,
      );
    } else and.push(has);
  }
  const currencies = idsOrNull(filter.currency?.ids);
  if (currencies)
    and.push(
      containsCondition(
        'te.currency',
        filter.currency?.contains,
        `${p(currencies.map((c) => c.toUpperCase()))}::text[]`,
        false,
      ),
    );

  if (filter.withoutDescription) and.push(`te.description = ''`);
  else if (filter.description) and.push(`te.description ILIKE ${p(likePattern(filter.description))} ESCAPE '\\'`);
  and.push(...flagConditions(filter, 'te', p));

  for (const field of filter.customFields ?? []) {
    const cond = customFieldCondition(field, p, 'v.value');
    if (cond) {
      const rows = `time_entry_custom_fields v WHERE v.time_entry_id = te.id AND v.custom_field_id = ${p(field.id)}`;
      and.push(
        cond.negate
          ? `NOT EXISTS (SELECT 1 FROM ${rows} AND ${cond.sql})`
          : `EXISTS (SELECT 1 FROM ${rows} AND ${cond.sql})`,
      );
    }
  }
  for (const field of filter.userCustomFields ?? []) {
    const cond = customFieldCondition(field, p, 'v.value');
    if (cond) {
      const rows = `user_custom_field_values v WHERE v.workspace_id = ${ws} AND v.user_id = te.user_id AND v.custom_field_id = ${p(field.id)}`;
      and.push(
        cond.negate
          ? `NOT EXISTS (SELECT 1 FROM ${rows} AND ${cond.sql})`
          : `EXISTS (SELECT 1 FROM ${rows} AND ${cond.sql})`,
      );
    }
  }
  return and.join('\n  AND ');
}

/** A condition on a stored jsonb value (`col`); `negate` means "no row matches" (isEmpty, unchecked). */
function customFieldCondition(
  field: CustomFieldFilterDto,
  p: ParamFn,
  col: string,
): { sql: string; negate: boolean } | null {
  const nonEmpty = `${col} IS NOT NULL AND ${col} NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb)`;
  if (field.isEmpty) return { sql: nonEmpty, negate: true };
  const value = field.value;
  if (value === undefined || value === null) return null;
  const bad = (msg: string) => new BadRequestException(`customFields: ${msg}`);
  const type =
    field.type ??
    (typeof value === 'number'
      ? 'NUMBER'
      : typeof value === 'boolean'
        ? 'CHECKBOX'
        : Array.isArray(value)
          ? 'DROPDOWN_MULTIPLE'
          : 'TXT');
  switch (type) {
    case 'NUMBER': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) throw bad('a NUMBER value must be a number');
      const op = field.numberCondition === 'GREATER_THAN' ? '>' : field.numberCondition === 'LESS_THAN' ? '<' : '=';
      return {
        sql: `jsonb_typeof(${col}) = 'number' AND (${col} #>> '{}')::numeric ${op} ${p(n)}::numeric`,
        negate: false,
      };
    }
    case 'CHECKBOX': {
      const on = value === true || value === 'true';
      if (!on && value !== false && value !== 'false') throw bad('a CHECKBOX value must be true or false');
      return { sql: `${col} = 'true'::jsonb`, negate: !on };
    }
    case 'DROPDOWN_SINGLE':
      if (typeof value !== 'string') throw bad('a DROPDOWN_SINGLE value must be a string');
      return { sql: `${col} #>> '{}' = ${p(value)}`, negate: false };
    case 'DROPDOWN_MULTIPLE': {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((v) => typeof v === 'string')) throw bad('a DROPDOWN_MULTIPLE value must be a list of strings');
      return {
        sql: `(CASE WHEN jsonb_typeof(${col}) = 'array' THEN ${col} ?| ${p(list)}::text[] ELSE (${col} #>> '{}') = ANY(${p(list)}::text[]) END)`,
        negate: false,
      };
    }
    default:
      if (typeof value !== 'string') throw bad('a TXT or LINK value must be a string');
      return { sql: `(${col} #>> '{}') ILIKE ${p(likePattern(value))} ESCAPE '\\'`, negate: false };
  }
}

/** SQL expressions over `te` shared by every report (all integers: seconds and cents). */
export interface ReportExprs {
  /** Seconds, rounded as the scope says (the duration reports show and amounts are computed from). */
  duration: string;
  /** `duration` when billable, else 0. */
  billableDuration: string;
  /** Cents earned: billable entries only, duration × hourly_rate, per entry rounded half up. */
  earned: string;
  /** Cents of cost: duration × cost_rate, per entry rounded half up. */
  cost: string;
  /** earned − cost. */
  profit: string;
  /** The amount of scope.amountShown ('NULL' when hidden). */
  amount: string;
}

export function reportExprs(
  scope: ReportScope,
  options: { includeRunning?: boolean; alias?: string } = {},
): ReportExprs {
  const te = options.alias ?? 'te';
  const raw = options.includeRunning
    ? `coalesce(${te}.duration, greatest(0, extract(epoch FROM now() - ${te}.start_at)::int))`
    : `${te}.duration`;
  const duration = roundDurationSql(raw, scope.rounding);
  const earned = `CASE WHEN ${te}.billable THEN ${amountCentsSql(duration, `${te}.hourly_rate`)} ELSE 0 END`;
  const cost = amountCentsSql(duration, `${te}.cost_rate`);
  const profit = `(${earned} - ${cost})`;
  const amount =
    scope.amountShown === 'COST'
      ? cost
      : scope.amountShown === 'PROFIT'
        ? profit
        : scope.amountShown === 'EARNED'
          ? earned
          : 'NULL::bigint';
  return {
    duration,
    billableDuration: `CASE WHEN ${te}.billable THEN ${duration} ELSE 0 END`,
    earned,
    cost,
    profit,
    amount,
  };
}
