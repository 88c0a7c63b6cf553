import type { ReportScope } from '../filter/report-scope.store';
import { dateBucketSql, monthBucketSql, weekBucketSql } from '../filter/report-time';
import type { SummaryGroup } from './dto/summary-report-filter.dto';

/** How one grouping reads its key from an entry (`te`) and its name from the key. */
export interface GroupKind {
  /** SQL of the key over `te` (and the join's alias); `tz()` names the report zone's parameter. */
  key(scope: ReportScope, tz: () => string): string;
  /** A join the key needs; `expands` when an entry may fall in several groups (it then counts in each). */
  join?: { sql: string; expands: boolean };
  /** Joins resolving the name of key column `k` under alias `a`, the name SQL, and extra fields ([key, JSON text SQL]). */
  label(k: string, a: string): { joins: string; name: string; extra: [string, string][] };
}

/**
 * SQL of the JSON text of a value: 'key' for a group key (ids, dates: never
 * needing escapes, so only quoted), 'text' for any string (escaped by to_json),
 * 'number' for an integer. NULL gives null.
 */
export function jsonValueSql(sql: string, kind: 'key' | 'text' | 'number'): string {
  if (kind === 'key') return `coalesce('"' || (${sql}) || '"', 'null')`;
  if (kind === 'text') return `coalesce(to_json((${sql})::text)::text, 'null')`;
  return `coalesce((${sql})::text, 'null')`;
}

/** A piece of a concatenation: a literal of ours, or SQL giving text. */
export type SqlPart = { lit: string } | { sql: string };

/**
 * SQL concatenating the JSON text of an object from [key, value] pairs, where a
 * value is SQL giving JSON text or parts (e.g. `[` children `]`). Adjacent
 * literals are merged: every `||` copies its left side, and the children of a
 * top-level group are megabytes.
 */
export function jsonObjectSql(fields: [string, string | SqlPart[]][]): string {
  const parts: SqlPart[] = [{ lit: '{' }];
  fields.forEach(([key, value], i) => {
    parts.push({ lit: `${i ? ',' : ''}"${key}":` }, ...(typeof value === 'string' ? [{ sql: value }] : value));
  });
  parts.push({ lit: '}' });
  const merged: SqlPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if ('lit' in part && last && 'lit' in last) merged[merged.length - 1] = { lit: last.lit + part.lit };
    else merged.push(part);
  }
  return merged.map((part) => ('lit' in part ? `'${part.lit.replace(/'/g, "''")}'` : part.sql)).join(' || ');
}

const entity = (table: string, without: string) => (k: string, a: string) => ({
  joins: `LEFT JOIN ${table} ${a} ON ${a}.id = ${k}`,
  name: `coalesce(${a}.name, '${without}')`,
  extra: [] as [string, string][],
});
const plain = (name: (k: string) => string) => (k: string) => ({
  joins: '',
  name: name(k),
  extra: [] as [string, string][],
});
const local = (tz: string) => `(te.start_at AT TIME ZONE ${tz})`;

/**
 * The groupings. DATE, WEEK, MONTH and YEAR put an entry in the bucket of its
 * START in the report's time zone (an entry crossing midnight counts on its
 * start day, as Clockify's reports show it). TAG and USER_GROUP count an entry
 * under each of its tags / its user's groups ("Without tag" / "Without group"
 * when none), so their groups may add up to more than the totals.
 */
export const GROUP_KINDS: Record<SummaryGroup, GroupKind> = {
  PROJECT: {
    key: () => 'te.project_id',
    label: (k, a) => ({
      joins: `LEFT JOIN projects ${a} ON ${a}.id = ${k} LEFT JOIN clients ${a}c ON ${a}c.id = ${a}.client_id`,
      name: `coalesce(${a}.name, 'Without project')`,
      extra: [
        ['clientName', jsonValueSql(`${a}c.name`, 'text')],
        ['clientId', jsonValueSql(`${a}.client_id`, 'key')],
        ['color', jsonValueSql(`${a}.color`, 'text')],
      ],
    }),
  },
  CLIENT: {
    key: () => 'gp.client_id',
    join: { sql: 'LEFT JOIN projects gp ON gp.id = te.project_id', expands: false },
    label: entity('clients', 'Without client'),
  },
  TASK: { key: () => 'te.task_id', label: entity('tasks', 'Without task') },
  TAG: {
    key: () => 'gt.tag_id',
    join: { sql: 'LEFT JOIN time_entry_tags gt ON gt.time_entry_id = te.id', expands: true },
    label: entity('tags', 'Without tag'),
  },
  USER: {
    key: () => 'te.user_id',
    label: (k, a) => ({
      joins: `LEFT JOIN users ${a} ON ${a}.id = ${k}`,
      name: `coalesce(${a}.name, '')`,
      extra: [['email', jsonValueSql(`${a}.email`, 'text')]],
    }),
  },
  USER_GROUP: {
    key: () => 'gu.user_group_id',
    join: {
      sql: 'LEFT JOIN user_group_members gu ON gu.workspace_id = te.workspace_id AND gu.user_id = te.user_id',
      expands: true,
    },
    label: entity('user_groups', 'Without group'),
  },
  DATE: { key: (_, tz) => `${dateBucketSql('te.start_at', tz())}::text`, label: plain((k) => k) },
  WEEK: {
    key: (s, tz) => `${weekBucketSql('te.start_at', tz(), s.weekStart)}::text`,
    label: plain((k) => `${k} || ' - ' || (${k}::date + 6)::text`),
  },
  MONTH: { key: (_, tz) => `to_char(${monthBucketSql('te.start_at', tz())}, 'YYYY-MM')`, label: plain((k) => k) },
  YEAR: { key: (_, tz) => `to_char(${local(tz())}, 'YYYY')`, label: plain((k) => k) },
  TIMEENTRY: {
    key: () => 'te.id',
    label: (k, a) => ({
      joins: `LEFT JOIN time_entries ${a} ON ${a}.id = ${k}`,
      name: `coalesce(${a}.description, '')`,
      extra: [],
    }),
  },
};
