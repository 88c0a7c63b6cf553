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
