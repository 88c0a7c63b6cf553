/** `2024-01-20T14:30:00Z`: UTC, whole seconds, as Clockify prints instants. */
export function toInstant(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // Fast path (a page prints 100 of these): PostgreSQL's JSON of a timestamptz in a UTC session.
  if (typeof value === 'string' && UTC_JSON_TIMESTAMP.test(value)) return `${value.slice(0, 19)}Z`;
  const iso = (value instanceof Date ? value : new Date(value)).toISOString();
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, 'Z');
}

const UTC_JSON_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?\+00:00$/;

/** Seconds to an ISO-8601 duration (`PT1H30M`, `PT0S`), as Clockify prints durations. */
export function toIsoDuration(totalSeconds: number | null | undefined): string | null {
  if (totalSeconds === null || totalSeconds === undefined) return null;
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (!h && !m && !s) return 'PT0S';
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO-8601 duration (days, hours, minutes, seconds) to whole seconds; null when malformed. */
export function parseIsoDuration(value: string): number | null {
  const match = DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return null;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Math.round(Number(s ?? 0));
}
