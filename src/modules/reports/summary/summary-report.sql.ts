import { buildReportWhere, reportExprs } from '../filter/report-filter.sql';
import type { ReportScope } from '../filter/report-scope';
import { dateBucketSql } from '../filter/report-time';
import { amountOfSql, totalsObjectSql } from '../filter/report-totals.sql';
import type { SummaryGroup, SummaryReportFilterDto } from './dto/summary-report-filter.dto';
import { GROUP_KINDS } from './summary-groups';

const SUMS = 'sum(d) AS d, sum(bd) AS bd, sum(n) AS n, sum(e) AS e, sum(c) AS c';

/**
 * One statement answering the whole TimeEntrySummaryReportDto as json text.
 *
 *   src    the matching entries (buildReportWhere), one row per entry and group
 *          (TAG / USER_GROUP joins may repeat an entry), with its group keys,
 *          day, rounded duration and amounts
 *   leaf   GROUP BY the keys of every level, and (GROUPING SETS, same pass) by
 *          day for the chart and totals when no join repeats entries
 *   aggN   each upper level sums the level below and json_agg's its nodes as
 *          `children`, names joined once per group (not per entry)
 *   body   json_build_object(totals, groupOne, chart)::text
 *
 * Nothing but the final text reaches Node.
 */
export function summaryReportSql(scope: ReportScope, body: SummaryReportFilterDto, params: unknown[]): string {
  const groups: SummaryGroup[] = body.summaryFilter.groups?.length ? body.summaryFilter.groups : ['PROJECT'];
  const where = buildReportWhere(scope, body, params);
  params.push(scope.timeZone);
  const tz = `$${params.length}`;
  const x = reportExprs(scope);
  const kinds = groups.map((g) => GROUP_KINDS[g]);
  const joins = [...new Set(kinds.map((k) => k.join?.sql).filter((j): j is string => !!j))];
  const expands = kinds.some((k) => k.join?.expands);
  const levels = groups.length;
  const keyCols = groups.map((_, i) => `k${i + 1}`);

  const day = dateBucketSql('te.start_at', tz);
  const measures = `${x.duration} AS d, ${x.billableDuration} AS bd, 1 AS n, ${x.earned} AS e, ${x.cost} AS c`;
  const src = `SELECT ${kinds.map((k, i) => `(${k.key(scope, tz)})::text COLLATE "C" AS k${i + 1}`).join(', ')}, ${day} AS day, ${measures}
      FROM time_entries te ${joins.join(' ')}
     WHERE ${where}`;

  // Leaf groups (and, when entries are not repeated, the days in the same pass).
  const leafAndDays = expands
    ? `leaf AS (SELECT ${keyCols.join(', ')}, ${SUMS} FROM src GROUP BY ${keyCols.join(', ')}),
       days AS (SELECT ${day} AS day, sum(${x.duration}) AS d, sum(${x.billableDuration}) AS bd, count(*) AS n,
                       sum(${x.earned}) AS e, sum(${x.cost}) AS c FROM time_entries te WHERE ${where} GROUP BY 1)`
    : `grouped AS (SELECT ${keyCols.join(', ')}, day, ${SUMS}, GROUPING(day) AS only_keys FROM src
                GROUP BY GROUPING SETS ((${keyCols.join(', ')}), (day))),
       leaf AS (SELECT ${keyCols.join(', ')}, d, bd, n, e, c FROM grouped WHERE only_keys = 1),
       days AS (SELECT day, d, bd, n, e, c FROM grouped WHERE only_keys = 0)`;

  const hidden = scope.amountShown === null;
  const amountOf = (r: string) => (hidden ? 'NULL' : amountOfSql(scope.amountShown ?? 'EARNED', `${r}.e`, `${r}.c`));
  const amounts = (r: string) => (scope.amountTypes.length
    ? `json_build_array(${scope.amountTypes.map((t) => `json_build_object('type', '${t}', 'value', ${amountOfSql(t, `${r}.e`, `${r}.c`)})`).join(', ')})`
    : `'[]'::json`);
  const desc = body.sortOrder === 'DESCENDING' ? 'DESC' : 'ASC';
  const sortBy = (r: string, name: string, k: string) => {
    switch (body.summaryFilter.sortColumn) {
      case 'DURATION': return `${r}.d ${desc}, ${k}`;
      case 'AMOUNT': return `${hidden ? `${r}.d` : amountOf(r)} ${desc}, ${k}`;
      case 'EARNED': return `${r}.e ${desc}, ${k}`;
      case 'COST': return `${r}.c ${desc}, ${k}`;
      case 'PROFIT': return `(${r}.e - ${r}.c) ${desc}, ${k}`;
      default: return `(${k} IS NULL), lower(${name}) COLLATE "C" ${desc}, ${k}`;
    }
  };
  /**
   * Level `level` (1-based): its nodes built from rows of `from` and ordered by
   * parent keys then the sort column, so the parent's plain json_agg (fed by a
   * sorted sub-query, as PostgreSQL keeps that order) needs no per-group sort.
   */
  const level = (lvl: number, from: string, hasChildren: boolean) => {
    const k = `r.k${lvl}`;
    const label = kinds[lvl - 1].label(k, `n${lvl}`);
    const fields = [
      `'_id', coalesce(${k}, '')`, `'id', ${k}`, `'name', ${label.name}`, `'nameLowerCase', lower(${label.name})`,
      `'duration', r.d`, `'amount', ${amountOf('r')}`, ...(body.amounts?.length ? [`'amounts', ${amounts('r')}`] : []), ...label.extra,
      ...(hasChildren ? [`'children', r.children`] : []),
    ];
    const parents = keyCols.slice(0, lvl - 1).map((c) => `r.${c}`);
    return `SELECT ${[...parents, 'r.d', 'r.bd', 'r.n', 'r.e', 'r.c'].join(', ')}, json_build_object(${fields.join(', ')}) AS node
      FROM ${from} r ${label.joins}
     ORDER BY ${[...parents, sortBy('r', label.name, k)].join(', ')}`;
  };

  const ctes: string[] = [`src AS (${src})`, leafAndDays];
  let below = 'leaf';
  for (let lvl = levels; lvl >= 2; lvl--) {
    const parents = keyCols.slice(0, lvl - 1);
    ctes.push(`agg${lvl - 1} AS (SELECT ${parents.join(', ')}, json_agg(s.node) AS children, ${SUMS}
      FROM (${level(lvl, below, lvl < levels)}) s GROUP BY ${parents.join(', ')})`);
    below = `agg${lvl - 1}`;
  }
  const top = `(SELECT json_agg(s.node) FROM (${level(1, below, levels > 1)}) s)`;
  const totals = totalsObjectSql(scope, { duration: 'sum(d)', billableDuration: 'sum(bd)', count: 'sum(n)', earned: 'sum(e)', cost: 'sum(c)' });
  const chart = `json_build_object('id', r.day::text, '_id', r.day::text, 'totalTime', r.d, 'totalBillableTime', r.bd,
      'totalAmount', ${amountOf('r')}, 'earned', ${hidden ? 'NULL' : 'r.e'})`;

  return `
WITH ${ctes.join(',\n')}
SELECT json_build_object(
  'totals', (SELECT json_build_array(${totals}) FROM days),
  'groupOne', coalesce(${top}, '[]'::json),
  'chart', coalesce((SELECT json_agg(${chart} ORDER BY r.day) FROM days r), '[]'::json)
)::text AS body`;
}
