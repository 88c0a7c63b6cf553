/**
 * What happens after one delivery attempt, as pure functions: 2xx succeeds;
 * network errors, timeouts, 5xx and 429 are retried with exponential backoff
 * (base × 2^(attempt-1), ±20 % jitter, one wait at most an hour, a 429's
 * Retry-After honoured) for up to 24 h after the first attempt; anything else
 * (other 4xx, 3xx, a refused address) fails at once.
 */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_DELAY_MS = 60 * 60 * 1000;
const JITTER = 0.2;

export type DeliveryStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

export interface AttemptResult {
  /** The receiver's status code; null when no response came (network error, timeout). */
  statusCode: number | null;
  /** False for failures that retrying cannot fix (a refused target address). */
  retryable?: boolean;
  /** Seconds from a 429/503 Retry-After header. */
  retryAfterSeconds?: number;
}

export interface NextStep {
  status: DeliveryStatus;
  /** When to try again (PENDING only). */
  nextAttemptAt?: Date;
}

export function isRetryable(result: AttemptResult): boolean {
  if (result.retryable === false) return false;
  const code = result.statusCode;
  return code === null || code === 429 || code >= 500;
}

/** The wait after attempt number `attempt` (1 = the first attempt). */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  const jittered = exponential * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(jittered, MAX_DELAY_MS));
}

export function nextStep(
  result: AttemptResult,
  attempt: number,
  firstAttemptAt: Date,
  now: Date,
  baseMs: number,
  random: () => number = Math.random,
): NextStep {
  const code = result.statusCode;
  if (code !== null && code >= 200 && code < 300) return { status: 'SUCCEEDED' };
  if (!isRetryable(result)) return { status: 'FAILED' };
  const retryAfterMs = Math.min((result.retryAfterSeconds ?? 0) * 1000, MAX_DELAY_MS);
  const at = new Date(now.getTime() + Math.max(backoffMs(attempt, baseMs, random), retryAfterMs));
  if (at.getTime() > firstAttemptAt.getTime() + RETRY_WINDOW_MS) return { status: 'FAILED' };
  return { status: 'PENDING', nextAttemptAt: at };
}
