/**
 * What the summary PDF's chart shows, computed without pdfkit (unit-tested):
 * one bar per day of the range (days without time included), per week above
 * DAILY_LIMIT days, per month above WEEKLY_LIMIT weeks; and each first-level
 * group's share of the total.
 */

export const DAILY_LIMIT = 62;
export const WEEKLY_LIMIT = 62;
const WEEK_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const DAY_MS = 86_400_000;

export interface ChartBar {
  /** The bucket's first day (`2024-05-06`). */
  start: string;
  /** A short axis label (`May 6`, `W19`, `May 2024`). */
  label: string;
  value: number;
}

export interface ChartSeries {
  unit: 'day' | 'week' | 'month';
  bars: ChartBar[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function dateIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Bars from the report's per-day values (days without entries are missing
 * there) over `first`..`last` (dates in the report's zone); weeks start on
 * `weekStart`, as the report's weeks do.
 */
export function chartSeries(
  values: Map<string, number>,
  first: string,
  last: string,
  weekStart = 'MONDAY',
): ChartSeries {
  const days: string[] = [];
  for (let t = toDay(first); t <= toDay(last); t += DAY_MS) days.push(fromDay(t));
  if (days.length <= DAILY_LIMIT) {
    return {
      unit: 'day',
      bars: days.map((d) => ({
        start: d,
        label: `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8))}`,
        value: values.get(d) ?? 0,
      })),
    };
  }
  const startDay = Math.max(0, WEEK_DAYS.indexOf(weekStart));
  const weekOf = (d: string) => {
    const t = toDay(d);
    const back = (new Date(t).getUTCDay() - startDay + 7) % 7;
    return fromDay(t - back * DAY_MS);
  };
  const weeks = new Set(days.map(weekOf));
  const unit: ChartSeries['unit'] = weeks.size <= WEEKLY_LIMIT ? 'week' : 'month';
  const bucketOf = unit === 'week' ? weekOf : (d: string) => `${d.slice(0, 7)}-01`;
  const bars = new Map<string, ChartBar>();
  for (const d of days) {
    const key = bucketOf(d);
    let bar = bars.get(key);
    if (!bar) {
      const label =
        unit === 'week'
          ? `${MONTHS[Number(key.slice(5, 7)) - 1]} ${Number(key.slice(8))}`
          : `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
      bar = { start: key, label, value: 0 };
      bars.set(key, bar);
    }
    bar.value += values.get(d) ?? 0;
  }
  return { unit, bars: [...bars.values()] };
}

/** Axis ticks from 0 to at least `max`: 4 or 5 steps of 1, 2 or 5 × 10^k. */
export function niceTicks(max: number, steps = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** Every how many bars a label is printed so that labels of `labelWidth` never overlap bars `barSpace` apart. */
export function labelEvery(barSpace: number, labelWidth: number): number {
  return Math.max(1, Math.ceil((labelWidth + 4) / Math.max(barSpace, 0.1)));
}

export interface Share {
  name: string;
  value: number;
  /** 0..1 of the total. */
  share: number;
  color: string | null;
}

/** The groups' shares, largest first; past `limit`, the rest are summed as "Other". */
export function shares(groups: { name: string; value: number; color?: string | null }[], limit = 8): Share[] {
  const total = groups.reduce((s, g) => s + Math.max(0, g.value), 0);
  const sorted = groups.filter((g) => g.value > 0).sort((a, b) => b.value - a.value);
  const head = sorted.length > limit ? sorted.slice(0, limit - 1) : sorted;
  const rest = sorted.slice(head.length);
  const list = head.map((g) => ({ name: g.name, value: g.value, color: g.color ?? null }));
  if (rest.length)
    list.push({ name: `Other (${rest.length})`, value: rest.reduce((s, g) => s + g.value, 0), color: null });
  return list.map((g) => ({ ...g, share: total ? g.value / total : 0 }));
}
