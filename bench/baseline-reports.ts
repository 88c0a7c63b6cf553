import { Client } from 'pg';
import { reportSettingsSql } from '../src/database/session-settings';
import type { BenchSet } from './seed';

/**
 * The floor of the report rows (`baseline-summary-*`, `baseline-weekly`, `baseline-detailed-page`): the same
 * filters as the app's rows, computed in the bench process the plainest way: one SQL statement (GROUP BY, no JSON
 * built in SQL) read with node-postgres, the tree and the JSON built in JavaScript, no HTTP, no authentication, no
 * transaction. It answers the same JSON as the app (the bench checks it once per row), so the ratio compares the same
 * work. Only the bodies the bench sends are supported (UTC or one zone, the owner's key, amounts EARNED shown).
 * The session gets the settings the app's report transactions use (work_mem 64MB, no JIT). Not part of the product.
 */
export interface FloorReports {
  summary(range: { start: string; end: string }): Promise<string>;
  weekly(firstDay: string, timeZone: string): Promise<string>;
  detailedPage(projectIds: string[], range: { start: string; end: string }): Promise<string>;
  close(): Promise<void>;
}

const EARNED = (te: string) =>
  `CASE WHEN ${te}.billable THEN (${te}.duration::bigint * coalesce(${te}.hourly_rate, 0) + 1800) / 3600 ELSE 0 END`;
const COST = (te: string) => `(${te}.duration::bigint * coalesce(${te}.cost_rate, 0) + 1800) / 3600`;
const BILLABLE_DURATION = (te: string) => `CASE WHEN ${te}.billable THEN ${te}.duration ELSE 0 END`;

/** Summary PROJECT → USER → TASK plus the per-day chart: one GROUP BY GROUPING SETS, names joined on the groups. */
const SUMMARY = `
SELECT g.chart, g.project_id, g.user_id, g.task_id, g.day::text AS day, g.d, g.bd, g.n, g.e,
       p.name AS project_name, p.color, p.client_id, c.name AS client_name, u.name AS user_name, u.email, t.name AS task_name
  FROM (SELECT GROUPING(te.project_id, te.user_id, te.task_id) <> 0 AS chart, te.project_id, te.user_id, te.task_id,
               (te.start_at AT TIME ZONE 'UTC')::date AS day,
               sum(te.duration) AS d, sum(${BILLABLE_DURATION('te')}) AS bd, count(*) AS n, sum(${EARNED('te')}) AS e
          FROM time_entries te
         WHERE te.workspace_id = $1 AND te.start_at >= $2 AND te.start_at <= $3 AND te.end_at IS NOT NULL
         GROUP BY GROUPING SETS ((te.project_id, te.user_id, te.task_id), ((te.start_at AT TIME ZONE 'UTC')::date))) g
  LEFT JOIN projects p ON p.id = g.project_id LEFT JOIN clients c ON c.id = p.client_id
  LEFT JOIN users u ON u.id = g.user_id LEFT JOIN tasks t ON t.id = g.task_id`;

interface SummaryRow {
  chart: boolean;
  project_id: string | null;
  user_id: string | null;
  task_id: string | null;
  day: string | null;
  d: string;
  bd: string;
  n: string;
  e: string;
  project_name: string | null;
  color: string | null;
  client_id: string | null;
  client_name: string | null;
  user_name: string | null;
  email: string | null;
  task_name: string | null;
}

/** Weekly by USER: one GROUP BY user, local day over the week's entries. */
const WEEKLY = `
SELECT te.user_id, u.name, (te.start_at AT TIME ZONE $3)::date::text AS day,
       sum(te.duration) AS d, sum(${BILLABLE_DURATION('te')}) AS bd, count(*) AS n, sum(${EARNED('te')}) AS e
  FROM time_entries te JOIN users u ON u.id = te.user_id
 WHERE te.workspace_id = $1 AND te.end_at IS NOT NULL
   AND te.start_at >= ($2::date)::timestamp AT TIME ZONE $3 AND te.start_at < ($2::date + 7)::timestamp AT TIME ZONE $3
 GROUP BY te.user_id, u.name, 3`;

/** The detailed filter of the bench's page: billable entries of some projects in a range. */
const DETAILED_WHERE = `te.workspace_id = $1 AND te.start_at >= $2 AND te.start_at <= $3 AND te.end_at IS NOT NULL
     AND te.billable AND te.project_id = ANY($4::bpchar[])`;

/** A detailed page of 50 (newest first) with its totals over every matching entry, names, tags, custom fields. */
const DETAILED = `
SELECT p.*, tot.d AS total_d, tot.bd AS total_bd, tot.n AS total_n, tot.e AS total_e,
       u.name AS user_name, u.email, pr.name AS project_name, pr.color, pr.client_id, c.name AS client_name, t.name AS task_name,
       coalesce(p.start_at < (w.settings->>'lockTimeEntries')::timestamptz, false) AS locked, tg.ids AS tag_ids, tg.names AS tag_names,
       cf.ids AS cf_ids, cf.names AS cf_names, cf.vals AS cf_values
  FROM (SELECT te.id, te.description, te.user_id, te.project_id, te.task_id, te.billable, te.type, te.start_at, te.end_at, te.duration,
               te.currency, te.hourly_rate, te.cost_rate, ${EARNED('te')} AS earned, ${COST('te')} AS cost
          FROM time_entries te WHERE ${DETAILED_WHERE}
         ORDER BY te.start_at DESC, te.id DESC LIMIT 50) p
  CROSS JOIN (SELECT sum(te.duration) AS d, sum(${BILLABLE_DURATION('te')}) AS bd, count(*) AS n, sum(${EARNED('te')}) AS e
                FROM time_entries te WHERE ${DETAILED_WHERE}) tot
  JOIN users u ON u.id = p.user_id
  JOIN workspaces w ON w.id = $1
  LEFT JOIN projects pr ON pr.id = p.project_id LEFT JOIN clients c ON c.id = pr.client_id LEFT JOIN tasks t ON t.id = p.task_id
  LEFT JOIN LATERAL (SELECT array_agg(g.id ORDER BY g.name) AS ids, array_agg(g.name ORDER BY g.name) AS names
                       FROM time_entry_tags x JOIN tags g ON g.id = x.tag_id WHERE x.time_entry_id = p.id) tg ON true
  LEFT JOIN LATERAL (SELECT array_agg(v.custom_field_id ORDER BY f.name) AS ids, array_agg(f.name ORDER BY f.name) AS names,
                            array_agg(v.value ORDER BY f.name) AS vals
                       FROM time_entry_custom_fields v JOIN custom_fields f ON f.id = v.custom_field_id WHERE v.time_entry_id = p.id) cf ON true
 ORDER BY p.start_at DESC, p.id DESC`;

interface Node {
  _id: string;
  id: string | null;
  name: string;
  nameLowerCase: string;
  duration: number;
  amount: number;
  [extra: string]: unknown;
}

/** The app's default order of a level: groups without a key last, then by lower-case name, then by key. */
function byName(a: Node, b: Node): number {
  return (
    (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) ||
    (a.nameLowerCase < b.nameLowerCase ? -1 : a.nameLowerCase > b.nameLowerCase ? 1 : 0) ||
    (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  );
}

function node(id: string | null, name: string, extra: Record<string, unknown> = {}): Node {
  return { _id: id ?? '', id, name, nameLowerCase: name.toLowerCase(), duration: 0, amount: 0, ...extra };
}

function totalsOf(d: number, bd: number, n: number, e: number) {
  return {
    _id: '',
    id: '',
    totalTime: d,
    totalBillableTime: bd,
    entriesCount: n,
    totalAmount: e,
    amounts: [{ type: 'EARNED', value: e }],
  };
}

/** Instants as the app writes them (seconds, Z). */
const instant = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19)}Z` : null);

export async function openFloor(databaseUrl: string, set: BenchSet): Promise<FloorReports> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(reportSettingsSql(false));
  const w = set.workspaceId;
  return {
    async summary(range) {
      const { rows } = await db.query<SummaryRow>(SUMMARY, [w, range.start, range.end]);
      type Project = { node: Node; users: Map<string, { node: Node; tasks: Node[] }> };
      const projects = new Map<string, Project>();
      const chart: {
        id: string;
        _id: string;
        totalTime: number;
        totalBillableTime: number;
        totalAmount: number;
        earned: number;
      }[] = [];
      let d = 0,
        bd = 0,
        n = 0,
        e = 0;
      for (const r of rows) {
        const rd = Number(r.d),
          re = Number(r.e);
        if (r.chart) {
          chart.push({
            id: r.day ?? '',
            _id: r.day ?? '',
            totalTime: rd,
            totalBillableTime: Number(r.bd),
            totalAmount: re,
            earned: re,
          });
          continue;
        }
        d += rd;
        bd += Number(r.bd);
        n += Number(r.n);
        e += re;
        let project = projects.get(r.project_id ?? '');
        if (!project) {
          const p = node(r.project_id, r.project_name ?? 'Without project', {
            clientName: r.client_name,
            clientId: r.client_id,
            color: r.color,
            children: [],
          });
          project = { node: p, users: new Map() };
          projects.set(r.project_id ?? '', project);
        }
        let user = project.users.get(r.user_id ?? '');
        if (!user) {
          user = { node: node(r.user_id, r.user_name ?? '', { email: r.email, children: [] }), tasks: [] };
          project.users.set(r.user_id ?? '', user);
        }
        const task = node(r.task_id, r.task_name ?? 'Without task');
        task.duration = rd;
        task.amount = re;
        user.tasks.push(task);
        user.node.duration += rd;
        user.node.amount += re;
        project.node.duration += rd;
        project.node.amount += re;
      }
      const groupOne = [...projects.values()]
        .map((p) => {
          p.node.children = [...p.users.values()]
            .map((u) => {
              u.node.children = u.tasks.sort(byName);
              return u.node;
            })
            .sort(byName);
          return p.node;
        })
        .sort(byName);
      chart.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return JSON.stringify({ totals: [totalsOf(d, bd, n, e)], groupOne, chart });
    },

    async weekly(firstDay, timeZone) {
      const { rows } = await db.query<{
        user_id: string;
        name: string;
        day: string;
        d: string;
        bd: string;
        n: string;
        e: string;
      }>(WEEKLY, [w, firstDay, timeZone]);
      const days = Array.from({ length: 7 }, (_, i) =>
        new Date(Date.parse(`${firstDay}T00:00:00Z`) + i * 86400_000).toISOString().slice(0, 10),
      );
      const index = new Map(days.map((day, i) => [day, i]));
      const byDay = days.map((date) => ({ date, duration: 0, amount: 0 }));
      const groups = new Map<string, Node & { days: { date: string; duration: number; amount: number }[] }>();
      let d = 0,
        bd = 0,
        n = 0,
        e = 0;
      for (const r of rows) {
        let g = groups.get(r.user_id);
        if (!g) {
          g = { ...node(r.user_id, r.name), days: days.map((date) => ({ date, duration: 0, amount: 0 })) };
          groups.set(r.user_id, g);
        }
        const i = index.get(r.day) ?? 0;
        const rd = Number(r.d),
          re = Number(r.e);
        g.days[i].duration = rd;
        g.days[i].amount = re;
        g.duration += rd;
        g.amount += re;
        byDay[i].duration += rd;
        byDay[i].amount += re;
        d += rd;
        bd += Number(r.bd);
        n += Number(r.n);
        e += re;
      }
      const groupOne = [...groups.values()].sort(
        (a, b) => a.nameLowerCase.localeCompare(b.nameLowerCase) || a._id.localeCompare(b._id),
      );
      return JSON.stringify({
        groupOne,
        totals: [totalsOf(d, bd, n, e)],
        totalsByDay: byDay,
        decimalFormat: false,
        includeUsersWithoutTime: false,
        trackTimeDownToSeconds: true,
        usersWithoutTime: [],
      });
    },

    async detailedPage(projectIds, range) {
      const { rows } = await db.query(DETAILED, [w, range.start, range.end, projectIds]);
      const first = rows[0] as Record<string, string> | undefined;
      const totals = first
        ? totalsOf(Number(first.total_d), Number(first.total_bd), Number(first.total_n), Number(first.total_e))
        : totalsOf(0, 0, 0, 0);
      return JSON.stringify({
        totals: [totals],
        timeentries: rows.map((r) => ({
          _id: r.id,
          id: r.id,
          description: r.description,
          userId: r.user_id,
          userName: r.user_name,
          userEmail: r.email,
          projectId: r.project_id,
          projectName: r.project_name,
          projectColor: r.color,
          clientId: r.client_id,
          clientName: r.client_name,
          taskId: r.task_id,
          taskName: r.task_name,
          tagIds: r.tag_ids ?? [],
          tags: ((r.tag_ids ?? []) as string[]).map((id, i) => ({ id, name: (r.tag_names as string[])[i] })),
          billable: r.billable,
          type: r.type,
          timeInterval: { start: instant(r.start_at as Date), end: instant(r.end_at as Date), duration: r.duration },
          approvalRequestId: null,
          isLocked: r.locked,
          locked: r.locked,
          currency: r.currency,
          rate: Number(r.hourly_rate ?? 0),
          amount: Number(r.earned),
          earnedRate: Number(r.hourly_rate ?? 0),
          earnedAmount: Number(r.earned),
          costRate: Number(r.cost_rate ?? 0),
          costAmount: Number(r.cost),
          customFields: ((r.cf_ids ?? []) as string[]).map((id, i) => ({
            customFieldId: id,
            name: (r.cf_names as string[])[i],
            value: (r.cf_values as unknown[])[i],
          })),
        })),
      });
    },

    close: () => db.end(),
  };
}

/** Where two JSON values first differ (a path), or null when they are equal (key order ignored). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const diff = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (diff) return diff;
    }
    return null;
  }
  const ra = a as Record<string, unknown>,
    rb = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    const diff = firstDifference(ra[key], rb[key], `${path}.${key}`);
    if (diff) return diff;
  }
  return null;
}
