import { BadRequestException } from '@nestjs/common';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A valid IANA zone name, or UTC. */
export function safeTimeZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** Local wall time of instant `ms` in `zone`, as if it were UTC, minus `ms`: the zone's offset then. */
function offsetMs(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) -
    Math.floor(ms / 1000) * 1000
  );
}

/**
 * The calendar day (`YYYY-MM-DD`) of a date-time in `zone`: a plain date is
 * taken as it is; an instant is the day it falls on in the caller's zone.
 */
export function toDay(value: string, zone: string): string {
  if (DATE_ONLY.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new BadRequestException(`${value} is not a valid date-time`);
  return new Date(ms + offsetMs(ms, zone)).toISOString().slice(0, 10);
}

/** The instant a day starts in `zone`, `2024-03-04T00:00:00Z` style. */
export function dayStart(day: string, zone: string): string {
  const guess = Date.parse(`${day}T00:00:00Z`);
  let ms = guess - offsetMs(guess, zone);
  const second = offsetMs(ms, zone);
  if (guess - second !== ms) ms = guess - second;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export const MAX_RANGE_DAYS = 366;

/** The days of a start/end pair in `zone`; end before start or a range over a year is 400. */
export function dayRange(
  start: string,
  end: string,
  zone: string,
  maxDays = MAX_RANGE_DAYS,
): { start: string; end: string } {
  const range = { start: toDay(start, zone), end: toDay(end, zone) };
  if (range.end < range.start) throw new BadRequestException('end must not be before start');
  if (daysBetween(range.start, range.end) >= maxDays)
    throw new BadRequestException(`A period spans at most ${maxDays} days`);
  return range;
}
