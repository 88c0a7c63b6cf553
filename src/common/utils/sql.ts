import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
}

/** True when `error` is PostgreSQL's unique violation (23505), of `constraint` when given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code, constraint: violated } = error as QueryFailedError & PgError;
  return code === '23505' && (constraint === undefined || violated === constraint);
}

/** A `LIKE`/`ILIKE` pattern (with `ESCAPE '\'`) matching names that contain `text`; `%` and `_` match themselves. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** True when `error` is PostgreSQL's lock_not_available (55P03): a NOWAIT lock was held by another transaction. */
export function isLockNotAvailable(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & PgError).code === '55P03';
}
