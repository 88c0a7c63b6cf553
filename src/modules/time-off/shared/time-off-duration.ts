import type { WeekDay } from '../../users/dto/user-settings.dto';

export type TimeUnit = 'DAYS' | 'HOURS';

/** A closed range of calendar dates, `YYYY-MM-DD`. */
export interface DateRange {
  start: string;
  end: string;
}

export interface DurationInput {
  period: DateRange;
  /** The member's working days (workspace_members.working_days). */
  workingDays: readonly WeekDay[];
  /** Holiday occurrences that apply to the member (annual ones already moved into the right year). */
  holidays: readonly DateRange[];
  halfDay: boolean;
  unit: TimeUnit;
  /** The member's daily work capacity in seconds (workspace_members.work_capacity). */
  workCapacitySeconds: number;
}

export interface Duration {
  /** Working days in the period that are not holidays (a half day counts as 1 here). */
  workingDays: number;
  /** What the request takes from the balance, in the policy's unit. */
  amount: number;
}

const DAY_MS = 86_400_000;
/** getUTCDay() order: Sunday first. */
const BY_UTC_DAY: readonly WeekDay[] = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds of a `YYYY-MM-DD` date at UTC midnight; NaN when it is not a real date. */
export function dateMs(date: string): number {
  if (!DATE.test(date)) return NaN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date ? NaN : ms;
}

export function isValidDate(date: string): boolean {
  return !Number.isNaN(dateMs(date));
}

/** Rounded to 4 decimals, the precision balances are stored with. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * How much a time-off request takes: the days of its period that are working
 * days of the member and not holidays; half a day when asked (the period is
 * then one day). In DAYS, one per day; in HOURS, the member's daily capacity
 * per day.
 */
export function timeOffDuration(input: DurationInput): Duration {
  const from = dateMs(input.period.start);
  const to = dateMs(input.period.end);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) throw new RangeError('Invalid period');
  const working = new Set(input.workingDays);
  const holidays = input.holidays.map((h) => [dateMs(h.start), dateMs(h.end)] as const);
  let days = 0;
  for (let day = from; day <= to; day += DAY_MS) {
    if (!working.has(BY_UTC_DAY[new Date(day).getUTCDay()])) continue;
    if (holidays.some(([start, end]) => day >= start && day <= end)) continue;
    days += 1;
  }
  const units = input.halfDay ? days / 2 : days;
  const amount = input.unit === 'DAYS' ? units : (units * input.workCapacitySeconds) / 3600;
  return { workingDays: days, amount: round4(amount) };
}

/** The date `days` calendar days after `start` (negative: before). */
export function addDays(start: string, days: number): string {
  return new Date(dateMs(start) + days * DAY_MS).toISOString().slice(0, 10);
}
