export const APPROVAL_PERIODS = ['WEEKLY', 'SEMI_MONTHLY', 'MONTHLY'] as const;
export type ApprovalPeriod = (typeof APPROVAL_PERIODS)[number];

const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A period as calendar dates (`YYYY-MM-DD`) of the owner's time zone; `end` is exclusive. */
export interface PeriodDates {
  start: string;
  end: string;
}

/**
 * What a `periodStart` names: a calendar date when it is a plain date or a UTC
 * midnight (`2024-01-15T00:00:00.000Z`, as most clients send it), otherwise an
 * instant whose date is taken in the owner's time zone (a local midnight such
 * as `2024-01-14T23:00:00Z` for Europe/Budapest). Null when malformed.
 */
export type PeriodStartInput = { date: string } | { instant: Date };

const PERIOD_START = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parsePeriodStart(text: string): PeriodStartInput | null {
  const match = PERIOD_START.exec(text.trim());
  if (!match) return null;
  const [, date, h, m, s, fraction, zone] = match;
  if (!isValidDate(date)) return null;
  const midnight = !h || (Number(h) === 0 && Number(m) === 0 && Number(s ?? 0) === 0 && Number(fraction ?? 0) === 0);
  if (midnight) return { date };
  const instant = new Date(zone ? text.trim() : `${text.trim()}Z`);
  return Number.isNaN(instant.getTime()) ? null : { instant };
}

function isValidDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

function toDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The period of kind `period` that contains `date`, weeks starting on `weekStart`. */
export function periodDates(period: ApprovalPeriod, date: string, weekStart: string): PeriodDates {
  const day = toDate(date);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  if (period === 'WEEKLY') {
    const first = Math.max(0, WEEK_DAYS.indexOf(weekStart.toUpperCase()));
    const iso = (day.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
    const start = addDays(day, -((iso - first + 7) % 7));
    return { start: format(start), end: format(addDays(start, 7)) };
  }
  if (period === 'MONTHLY') {
    return { start: format(new Date(Date.UTC(y, m, 1))), end: format(new Date(Date.UTC(y, m + 1, 1))) };
  }
  if (day.getUTCDate() <= 15) {
    return { start: format(new Date(Date.UTC(y, m, 1))), end: format(new Date(Date.UTC(y, m, 16))) };
  }
  return { start: format(new Date(Date.UTC(y, m, 16))), end: format(new Date(Date.UTC(y, m + 1, 1))) };
}
