import { BoundedMap } from '../../../common/utils/bounded-map';
import type { DateRangeType, ReportWeekDay } from './report-filter.dto';

/**
 * Time in reports: rounding of durations (the workspace's `round` setting) and
 * calendar buckets (day, week, month) in the report's IANA time zone, both as
 * pure functions (unit-tested, used by tests and exports) and as SQL
 * expressions over `timestamptz` columns (used by every report query).
 */

// ---------------------------------------------------------------- rounding

export type RoundingMode = 'NEAREST' | 'UP' | 'DOWN';
export interface Rounding {
  mode: RoundingMode;
  /** 1..60 */
  minutes: number;
}

/**
 * The workspace's `round` setting ({round: "Round to nearest" | "Round up to" |
 * "Round down to", minutes: "15"}) as a Rounding; null when it is missing or its
 * minutes are not 1..60.
 */
export function roundingFromSetting(
  round: { round?: string; minutes?: string | number } | null | undefined,
): Rounding | null {
  if (!round) return null;
  const minutes = Number(round.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) return null;
  const text = (round.round ?? '').toLowerCase();
  const mode: RoundingMode = text.includes('up') ? 'UP' : text.includes('down') ? 'DOWN' : 'NEAREST';
  return { mode, minutes };
}

/**
 * A duration in seconds rounded to a multiple of `minutes`: NEAREST rounds a
 * half step up (7:30 of a 15-minute step becomes 15:00), UP any part of a step
 * up, DOWN any part down. Null rounding returns the duration unchanged.
 */
export function roundDuration(seconds: number, rounding: Rounding | null): number {
  if (!rounding) return seconds;
  const step = rounding.minutes * 60;
  switch (rounding.mode) {
    case 'UP':
      return Math.ceil(seconds / step) * step;
    case 'DOWN':
      return Math.floor(seconds / step) * step;
    default:
      return Math.floor((seconds + step / 2) / step) * step;
  }
}

/** The same as roundDuration, in SQL over an integer seconds expression (minutes are validated integers, inlined). */
export function roundDurationSql(secondsExpr: string, rounding: Rounding | null): string {
  if (!rounding) return secondsExpr;
  const step = Math.trunc(rounding.minutes) * 60;
  switch (rounding.mode) {
    case 'UP':
      return `(((${secondsExpr}) + ${step - 1}) / ${step} * ${step})`;
    case 'DOWN':
      return `((${secondsExpr}) / ${step} * ${step})`;
    default:
      return `(((${secondsExpr}) + ${step / 2}) / ${step} * ${step})`;
  }
}

/** Amount in cents of `seconds` at `rateCents` per hour, rounded half up (per entry, before summing). */
export function amountCents(seconds: number, rateCents: number | null): number {
  if (!rateCents) return 0;
  return Math.floor((seconds * rateCents + 1800) / 3600);
}

/** The same as amountCents in SQL (bigint arithmetic; both operands are non-negative, so `/` floors). */
export function amountCentsSql(secondsExpr: string, rateExpr: string): string {
  return `((${secondsExpr})::bigint * coalesce(${rateExpr}, 0) + 1800) / 3600`;
}

// ---------------------------------------------------------------- time zones

/** Whether Intl knows the zone (its formatter is made once and kept: constructing one costs more than a report's JS). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Formatters by zone name as the client spelled it; bounded, since any casing of a name is valid. */
const formatters = new BoundedMap<string, Intl.DateTimeFormat>(1000);
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of `instant` in `timeZone`. */
export function civilAt(instant: Date, timeZone: string): Civil {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
    millisecond: instant.getUTCMilliseconds(),
  };
}

function civilAsUtc(c: Civil): number {
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
}

/** The instant at which the wall clock of `timeZone` shows `c` (a time skipped by DST moves forward, as PostgreSQL does). */
export function instantOf(c: Civil, timeZone: string): Date {
  const asUtc = civilAsUtc(c);
  const offset1 = civilAsUtc(civilAt(new Date(asUtc), timeZone)) - asUtc;
  let t = asUtc - offset1;
  const offset2 = civilAsUtc(civilAt(new Date(t), timeZone)) - t;
  if (offset2 !== offset1) t = asUtc - offset2;
  return new Date(t);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A range bound of a report filter: with an offset (`Z`, `+02:00`) it is that
 * instant; without one (`2018-11-01T00:00:00`, `2018-11-01`) a wall-clock time
 * in `timeZone`. Null when malformed.
 */
export function parseReportInstant(text: string, timeZone: string): Date | null {
  if (WITH_OFFSET.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(text) ? null : d;
  }
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const c: Civil = {
    year: +y,
    month: +mo,
    day: +d,
    hour: +(h ?? 0),
    minute: +(mi ?? 0),
    second: +(s ?? 0),
    millisecond: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
  };
  if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > 31 || c.hour > 23 || c.minute > 59 || c.second > 59)
    return null;
  const check = new Date(Date.UTC(c.year, c.month - 1, c.day));
  if (check.getUTCDate() !== c.day) return null;
  return instantOf(c, timeZone);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** ISO day of week 1 (Monday) .. 7 (Sunday) of a week start. */
export function isoDayOf(weekStart: ReportWeekDay): number {
  return ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].indexOf(weekStart) + 1;
}

/** `YYYY-MM-DD` of the day `instant` falls on in `timeZone`. */
export function dateBucket(instant: Date, timeZone: string): string {
  const c = civilAt(instant, timeZone);
  return ymd(c.year, c.month, c.day);
}

/** `YYYY-MM-DD` of the first day of the week (starting on `weekStart`) that `instant` falls in, in `timeZone`. */
export function weekBucket(instant: Date, timeZone: string, weekStart: ReportWeekDay): string {
  const c = civilAt(instant, timeZone);
  const day = new Date(Date.UTC(c.year, c.month - 1, c.day));
  const isoDow = ((day.getUTCDay() + 6) % 7) + 1;
  day.setUTCDate(day.getUTCDate() - ((isoDow - isoDayOf(weekStart) + 7) % 7));
  return day.toISOString().slice(0, 10);
}

/** `YYYY-MM` of the month `instant` falls in, in `timeZone`. */
export function monthBucket(instant: Date, timeZone: string): string {
  const c = civilAt(instant, timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}`;
}

/** SQL: the local date (type `date`) of `col` in the zone named by the SQL expression `tz` (a parameter). */
export function dateBucketSql(col: string, tz: string): string {
  return `(${col} AT TIME ZONE ${tz})::date`;
}

/** SQL: the first day (type `date`) of the week of `col` in `tz`, weeks starting on `weekStart`. */
export function weekBucketSql(col: string, tz: string, weekStart: ReportWeekDay): string {
  const local = `(${col} AT TIME ZONE ${tz})`;
  return `(${local}::date - ((extract(isodow FROM ${local})::int - ${isoDayOf(weekStart)} + 7) % 7))`;
}

/** SQL: the first day (type `date`) of the month of `col` in `tz`. */
export function monthBucketSql(col: string, tz: string): string {
  return `date_trunc('month', ${col} AT TIME ZONE ${tz})::date`;
}

// ---------------------------------------------------------------- ranges

/** Shifts a civil date by days (UTC arithmetic on the calendar only). */
function addDays(y: number, m: number, d: number, days: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

function dayStart(y: number, m: number, d: number, tz: string): Date {
  return instantOf({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 }, tz);
}

/**
 * The range [start, end] (end inclusive, the last millisecond) of a relative
 * dateRangeType at `now`, in `timeZone`: TODAY, YESTERDAY, THIS_WEEK, LAST_WEEK,
 * PAST_TWO_WEEKS (the last 14 days, today included), THIS_MONTH, LAST_MONTH,
 * THIS_YEAR, LAST_YEAR. Null for ABSOLUTE.
 */
export function relativeRange(
  type: DateRangeType,
  now: Date,
  timeZone: string,
  weekStart: ReportWeekDay,
): { start: Date; end: Date } | null {
  const c = civilAt(now, timeZone);
  let from: [number, number, number];
  let toExclusive: [number, number, number];
  const today: [number, number, number] = [c.year, c.month, c.day];
  const weekFirst = (): [number, number, number] => {
    const [y, m, d] = weekBucket(now, timeZone, weekStart).split('-').map(Number);
    return [y, m, d];
  };
  switch (type) {
    case 'TODAY':
      from = today;
      toExclusive = addDays(...today, 1);
      break;
    case 'YESTERDAY':
      from = addDays(...today, -1);
      toExclusive = today;
      break;
    case 'THIS_WEEK':
      from = weekFirst();
      toExclusive = addDays(...from, 7);
      break;
    case 'LAST_WEEK':
      toExclusive = weekFirst();
      from = addDays(...toExclusive, -7);
      break;
    case 'PAST_TWO_WEEKS':
      from = addDays(...today, -13);
      toExclusive = addDays(...today, 1);
      break;
    case 'THIS_MONTH':
      from = [c.year, c.month, 1];
      toExclusive = c.month === 12 ? [c.year + 1, 1, 1] : [c.year, c.month + 1, 1];
      break;
    case 'LAST_MONTH':
      toExclusive = [c.year, c.month, 1];
      from = c.month === 1 ? [c.year - 1, 12, 1] : [c.year, c.month - 1, 1];
      break;
    case 'THIS_YEAR':
      from = [c.year, 1, 1];
      toExclusive = [c.year + 1, 1, 1];
      break;
    case 'LAST_YEAR':
      from = [c.year - 1, 1, 1];
      toExclusive = [c.year, 1, 1];
      break;
    default:
      return null;
  }
  return { start: dayStart(...from, timeZone), end: new Date(dayStart(...toExclusive, timeZone).getTime() - 1) };
}
