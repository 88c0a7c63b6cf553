import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../../../common/utils/sql';
import { buildReportWhere, reportExprs } from '../filter/report-filter.store';
import type { ReportScope } from '../filter/report-scope.store';
import { totalsObjectSql } from '../filter/report-totals.store';
import type { DetailedReportFilterDto, DetailedSortColumn } from './dto/detailed-report-filter.dto';

const INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/** ORDER BY of the detailed report (always ending on the id, so pages never repeat or skip an entry). */
export function orderBy(column: DetailedSortColumn | undefined, descending: boolean, te: string): string {
  const dir = descending ? 'DESC' : 'ASC';
  const userName = `(SELECT lower(un.name) FROM users un WHERE un.id = ${te}.user_id)`;
  switch (column) {
    case 'ID':
      return `${te}.id ${dir}`;
    case 'DESCRIPTION':
      return `lower(${te}.description) ${dir}, ${te}.start_at ${dir}, ${te}.id ${dir}`;
    case 'USER':
      return `${userName} ${dir}, ${te}.start_at ${dir}, ${te}.id ${dir}`;
    case 'USER_DATE':
      return `${userName} ${dir}, ${te}.start_at ${dir}, ${te}.id ${dir}`;
    case 'DURATION':
      return `${te}.duration ${dir}, ${te}.start_at ${dir}, ${te}.id ${dir}`;
    default:
      return `${te}.start_at ${dir}, ${te}.id ${dir}`;
  }
}

/** The filter plus the detailed report's own audit criteria (any of them). */
export function detailedWhere(scope: ReportScope, body: DetailedReportFilterDto, params: unknown[]): string {
  let where = buildReportWhere(scope, body, params);
  const audit = body.detailedFilter.auditFilter;
  if (audit) {
    const any: string[] = [];
    if (audit.withoutProject) any.push('te.project_id IS NULL');
    if (audit.withoutTask) any.push('te.task_id IS NULL');
    if (audit.duration !== undefined) {
      const seconds = new SqlConditions(params).param(audit.duration * 3600);
      any.push(`te.duration ${audit.durationShorter ? '<' : '>'} ${seconds}`);
    }
    if (any.length) where += `\n  AND (${any.join(' OR ')})`;
  }
  return where;
}

/**
 * One statement answering the whole TimeEntryDetailedReportDto as json text:
 * the page of entries (with names, tags, custom fields, rates and amounts)
 * and the totals over every matching entry.
 */
export function detailedReportSql(scope: ReportScope, body: DetailedReportFilterDto, params: unknown[]): string {
  const where = detailedWhere(scope, body, params);
  const x = reportExprs(scope);
  const f = body.detailedFilter;
  const pageSize = f.pageSize ?? 50;
  const p = new SqlConditions(params).param;
  const limit = p(pageSize);
  const offset = p(((f.page ?? 1) - 1) * pageSize);
  const descending = body.sortOrder !== 'ASCENDING';
  const hidden = scope.amountShown === null;
  const rate = scope.amountShown === 'COST' ? 'p.cost_rate' : 'p.hourly_rate';
  const num = (sql: string) => (hidden ? 'NULL' : sql);

  const totals =
    f.options?.totals === 'EXCLUDE'
      ? `'[]'::json`
      : `(SELECT json_build_array(${totalsObjectSql(scope, {
          duration: `sum(${x.duration})`,
          billableDuration: `sum(${x.billableDuration})`,
          count: 'count(*)',
          earned: `sum(${x.earned})`,
          cost: `sum(${x.cost})`,
        })}) FROM time_entries te WHERE ${where})`;

  return `
WITH page AS (
  SELECT te.id, te.description, te.user_id, te.project_id, te.task_id, te.billable, te.type, te.start_at, te.end_at, te.currency,
         te.hourly_rate, te.cost_rate, te.approval_status,
         ${x.duration} AS d, ${x.earned} AS earned, ${x.cost} AS cost, ${x.amount} AS amount,
         te.duration
    FROM time_entries te
   WHERE ${where}
   ORDER BY ${orderBy(f.sortColumn, descending, 'te')}
   LIMIT ${limit} OFFSET ${offset}
), lock AS (
  SELECT (settings->>'lockTimeEntries')::timestamptz AS at FROM workspaces WHERE id = $1
)
SELECT json_build_object(
  'totals', ${totals},
  'timeentries', coalesce((
    SELECT json_agg(json_build_object(
      '_id', p.id, 'id', p.id, 'description', p.description,
      'userId', p.user_id, 'userName', u.name, 'userEmail', u.email,
      'projectId', p.project_id, 'projectName', pr.name, 'projectColor', pr.color,
      'clientId', pr.client_id, 'clientName', c.name,
      'taskId', p.task_id, 'taskName', t.name,
      'tagIds', coalesce(tg.ids, '[]'::json), 'tags', coalesce(tg.tags, '[]'::json),
      'billable', p.billable, 'type', p.type,
      'timeInterval', json_build_object('start', to_char(p.start_at AT TIME ZONE 'UTC', ${INSTANT}),
                                        'end', to_char(p.end_at AT TIME ZONE 'UTC', ${INSTANT}), 'duration', p.d),
      'approvalRequestId', NULL, 'isLocked', coalesce(p.start_at < lock.at, false), 'locked', coalesce(p.start_at < lock.at, false),
      'currency', p.currency,
      'rate', ${num(`coalesce(${rate}, 0)`)}, 'amount', ${num('p.amount')},
      'earnedRate', ${num('coalesce(p.hourly_rate, 0)')}, 'earnedAmount', ${num('p.earned')},
      'costRate', ${num('coalesce(p.cost_rate, 0)')}, 'costAmount', ${num('p.cost')},
      'customFields', coalesce(cf.list, '[]'::json)
    ) ORDER BY ${orderBy(f.sortColumn, descending, 'p')})
    FROM page p
    JOIN users u ON u.id = p.user_id
    LEFT JOIN projects pr ON pr.id = p.project_id
    LEFT JOIN clients c ON c.id = pr.client_id
    LEFT JOIN tasks t ON t.id = p.task_id
    LEFT JOIN lock ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(tag.id ORDER BY tag.name) AS ids, json_agg(json_build_object('id', tag.id, 'name', tag.name) ORDER BY tag.name) AS tags
        FROM time_entry_tags tt JOIN tags tag ON tag.id = tt.tag_id WHERE tt.time_entry_id = p.id
    ) tg ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('customFieldId', v.custom_field_id, 'name', f.name, 'value', v.value) ORDER BY f.name) AS list
        FROM time_entry_custom_fields v JOIN custom_fields f ON f.id = v.custom_field_id WHERE v.time_entry_id = p.id
    ) cf ON true
  ), '[]'::json)
)::text AS body`;
}

/** Runs the detailed report's statement: TimeEntryDetailedReportDto as the JSON text PostgreSQL wrote. */
export async function detailedReportBody(
  manager: EntityManager,
  scope: ReportScope,
  body: DetailedReportFilterDto,
): Promise<string> {
  const params: unknown[] = [];
  const sql = detailedReportSql(scope, body, params);
  const rows: { body: string }[] = await manager.query(sql, params);
  return rows[0].body;
}
