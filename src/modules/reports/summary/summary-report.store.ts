import type { EntityManager } from 'typeorm';
import { SqlConditions } from '../../../common/utils/sql';
import { buildReportWhere, reportExprs } from '../filter/report-filter.store';
import type { ReportScope } from '../filter/report-scope.store';
import { dateBucketSql } from '../filter/report-time';
import { amountOfSql, totalsObjectSql } from '../filter/report-totals.store';
import type { SummaryGroup, SummaryReportFilterDto } from './dto/summary-report-filter.dto';
import { GROUP_KINDS, jsonObjectSql, jsonValueSql, type SqlPart } from './summary-groups';

/** One statement and its parameters. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** The two statements of a summary report (run in one REPEATABLE READ transaction, so they see the same entries). */
export interface SummaryReportQueries {
  /** One row `{ totals, chart }`: the totals array and the per-day chart, as JSON text. */
  header: SqlStatement;
  /** One row per top-level group, in report order: `{ node }`, the group's JSON text with its children. */
  groups: SqlStatement;
}

/** SQL of a group's sums over rows `r` of the level below (which carry d, bd, n, e, c). */
function sumsOfSql(r: string): string {
  return ['d', 'bd', 'n', 'e', 'c'].map((m) => `sum(${r}.${m})::bigint AS ${m}`).join(', ');
}

/** SQL of the amount shown (scope.amountShown) from a row `r` carrying summed cents `e` (earned) and `c` (cost); NULL when hidden. */
function shownAmountSql(scope: ReportScope, r: string): string {
  return scope.amountShown === null ? 'NULL' : amountOfSql(scope.amountShown, `${r}.e`, `${r}.c`);
}

/**
 * SQL summing integer cents (a bigint expression) over many entries. Through float8: sum(bigint) keeps an
 * allocated 128-bit state per group, sum(float8) a plain double, and a double adds integers exactly while the
 * total stays below 2^53 cents (90 trillion dollars); the result is cast back to bigint.
 */
function centsSumSql(expr: string): string {
  return `sum((${expr})::float8)::bigint`;
}

/** The groupings of a summary request (default: PROJECT). */
export function summaryGroupsOf(body: SummaryReportFilterDto): SummaryGroup[] {
  return body.summaryFilter.groups?.length ? body.summaryFilter.groups : ['PROJECT'];
}

/**
 * The summary report, aggregated and serialized by PostgreSQL.
 *
 * groups:
 *   leaf   the matching entries (buildReportWhere) GROUP BY the keys of every
 *          level (TAG / USER_GROUP joins may put an entry in several groups);
 *          keys are compared with COLLATE "C" (ids and dates: bytes suffice, and
 *          the hash aggregate is much cheaper than under a libc collation)
 *   aggN   each upper level sums the level below and string_agg's its nodes,
 *          in report order, as `children`; names are joined per group, not per entry
 *   rows   the top level, one row per group, ordered
 * Nodes are JSON built by concatenation (cheaper than json_build_object for
 * 100,000 leaves); the top level stays rows so no 20 MB value is copied again
 * into one aggregate.
 *
 * header: totals and the chart from one GROUP BY day over the same entries
 * (an entry counts once there even when a TAG grouping repeats it).
 */
export function summaryReportQueries(scope: ReportScope, body: SummaryReportFilterDto): SummaryReportQueries {
  return { header: headerStatement(scope, body), groups: groupsStatement(scope, body) };
}

function headerStatement(scope: ReportScope, body: SummaryReportFilterDto): SqlStatement {
  const params: unknown[] = [];
  const where = buildReportWhere(scope, body, params);
  const tz = new SqlConditions(params).param(scope.timeZone);
  const x = reportExprs(scope);
  const totals = totalsObjectSql(scope, {
    duration: 'sum(d)',
    billableDuration: 'sum(bd)',
    count: 'sum(n)',
    earned: 'sum(e)',
    cost: 'sum(c)',
  });
  const chart = `json_build_object('id', r.day::text, '_id', r.day::text, 'totalTime', r.d, 'totalBillableTime', r.bd,
      'totalAmount', ${shownAmountSql(scope, 'r')}, 'earned', ${scope.amountShown === null ? 'NULL' : 'r.e'})`;
  const sql = `
WITH days AS (SELECT ${dateBucketSql('te.start_at', tz)} AS day, sum(${x.duration})::bigint AS d,
                     sum(${x.billableDuration})::bigint AS bd, count(*) AS n, ${centsSumSql(x.earned)} AS e, ${centsSumSql(x.cost)} AS c
                FROM time_entries te WHERE ${where} GROUP BY 1)
SELECT (SELECT json_build_array(${totals}) FROM days)::text AS totals,
       coalesce((SELECT json_agg(${chart} ORDER BY r.day) FROM days r), '[]'::json)::text AS chart`;
  return { sql, params };
}

function groupsStatement(scope: ReportScope, body: SummaryReportFilterDto): SqlStatement {
  const params: unknown[] = [];
  const groups = summaryGroupsOf(body);
  const where = buildReportWhere(scope, body, params);
  // The zone is a parameter only when a date grouping uses it (PostgreSQL refuses unused trailing parameters).
  let tzParam = '';
  const tz = () => tzParam || (tzParam = new SqlConditions(params).param(scope.timeZone));
  const x = reportExprs(scope);
  const kinds = groups.map((g) => GROUP_KINDS[g]);
  const joins = [...new Set(kinds.map((k) => k.join?.sql).filter((j): j is string => !!j))];
  const levels = groups.length;
  const keyCols = groups.map((_, i) => `k${i + 1}`);

  const leaf = `SELECT ${keyCols.join(', ')}, sum(d)::bigint AS d, sum(bd)::bigint AS bd, count(*) AS n,
    ${centsSumSql('e')} AS e, ${centsSumSql('c')} AS c
    FROM (SELECT ${kinds.map((k, i) => `(${k.key(scope, tz)}) COLLATE "C" AS k${i + 1}`).join(', ')},
                 ${x.duration} AS d, ${x.billableDuration} AS bd, ${x.earned} AS e, ${x.cost} AS c
            FROM time_entries te ${joins.join(' ')}
           WHERE ${where}) src
   GROUP BY ${keyCols.join(', ')}`;

  const hidden = scope.amountShown === null;
  const amounts = (r: string) =>
    `'[' || ${
      scope.amountTypes.length
        ? scope.amountTypes
            .map((t) => `'{"type":"${t}","value":' || (${amountOfSql(t, `${r}.e`, `${r}.c`)})::text || '}'`)
            .join(` || ',' || `)
        : `''`
    } || ']'`;
  const desc = body.sortOrder === 'DESCENDING' ? 'DESC' : 'ASC';
  const sortBy = (r: string, name: string, k: string) => {
    switch (body.summaryFilter.sortColumn) {
      case 'DURATION':
        return `${r}.d ${desc}, ${k}`;
      case 'AMOUNT':
        return `${hidden ? `${r}.d` : shownAmountSql(scope, r)} ${desc}, ${k}`;
      case 'EARNED':
        return `${r}.e ${desc}, ${k}`;
      case 'COST':
        return `${r}.c ${desc}, ${k}`;
      case 'PROFIT':
        return `(${r}.e - ${r}.c) ${desc}, ${k}`;
      default:
        return `(${k} IS NULL), lower(${name}) COLLATE "C" ${desc}, ${k}`;
    }
  };
  /** Level `lvl` (1-based) over rows `r`: its label joins, JSON node and order. */
  const level = (lvl: number, hasChildren: boolean) => {
    const k = `r.k${lvl}`;
    const label = kinds[lvl - 1].label(k, `n${lvl}`);
    const node = jsonObjectSql([
      ['_id', jsonValueSql(`coalesce(${k}, '')`, 'key')],
      ['id', jsonValueSql(k, 'key')],
      ['name', jsonValueSql(label.name, 'text')],
      ['nameLowerCase', jsonValueSql(`lower(${label.name})`, 'text')],
      ['duration', jsonValueSql('r.d', 'number')],
      ['amount', jsonValueSql(shownAmountSql(scope, 'r'), 'number')],
      ...(body.amounts?.length ? [['amounts', amounts('r')] as [string, string]] : []),
      ...label.extra,
      ...(hasChildren
        ? [['children', [{ lit: '[' }, { sql: 'r.children' }, { lit: ']' }]] as [string, SqlPart[]]]
        : []),
    ]);
    return { joins: label.joins, node, order: sortBy('r', label.name, k) };
  };

  const ctes: string[] = [`leaf AS (${leaf})`];
  let below = 'leaf';
  for (let lvl = levels; lvl >= 2; lvl--) {
    const parents = keyCols.slice(0, lvl - 1);
    const l = level(lvl, lvl < levels);
    ctes.push(`agg${lvl - 1} AS (SELECT ${parents.map((c) => `r.${c}`).join(', ')}, ${sumsOfSql('r')},
        string_agg(${l.node}, ',' ORDER BY ${l.order}) AS children
      FROM ${below} r ${l.joins} GROUP BY ${parents.map((c) => `r.${c}`).join(', ')})`);
    below = `agg${lvl - 1}`;
  }
  const top = level(1, levels > 1);
  const sql = `
WITH ${ctes.join(',\n')}
SELECT ${top.node} AS node FROM ${below} r ${top.joins} ORDER BY ${top.order}`;
  return { sql, params };
}

/** The summary's header row (`header` of summaryReportQueries): the totals array and the chart, as JSON text. */
export async function summaryReportHead(manager: EntityManager, header: SqlStatement): Promise<SummaryHead> {
  const [head]: SummaryHead[] = await manager.query(header.sql, header.params);
  return head;
}

export interface SummaryHead {
  totals: string;
  chart: string;
}
