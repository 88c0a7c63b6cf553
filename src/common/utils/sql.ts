import { ConflictException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: { code?: string; constraint?: string };
}

/** True when `error` is PostgreSQL's unique violation (23505), of `constraint` when given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const pg = error as QueryFailedError & PgError;
  const code = pg.code ?? pg.driverError?.code;
  const violated = pg.constraint ?? pg.driverError?.constraint;
  return code === '23505' && (constraint === undefined || violated === constraint);
}

/**
 * Runs `write`; a violation of one of the unique constraints named in `conflicts` becomes a 409 with that
 * constraint's message. The unique index decides between concurrent writers, so nothing is checked before.
 */
export async function conflictOnUnique<T>(
  conflicts: Readonly<Record<string, string>>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = Object.keys(conflicts).find((name) => isUniqueViolation(error, name));
    if (constraint) throw new ConflictException(conflicts[constraint]);
    throw error;
  }
}

/**
 * SQL conditions joined by AND, collecting their numbered parameters (`$1`, `$2`…) as they are written.
 * Given `params` (the statement's parameters so far), it numbers after them and pushes onto that array.
 */
export class SqlConditions {
  readonly conditions: string[] = [];
  constructor(readonly params: unknown[] = []) {}

  /** Adds `value` to the parameters and answers its placeholder (a bound function: it may be passed on as `p`). */
  readonly param = (value: unknown): string => {
    this.params.push(value);
    return `$${this.params.length}`;
  };

  add(condition: string): void {
    this.conditions.push(condition);
  }

  get sql(): string {
    return this.conditions.join(' AND ');
  }
}

/** A `LIKE`/`ILIKE` pattern (with `ESCAPE '\'`) matching names that contain `text`; `%` and `_` match themselves. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** True when `error` is PostgreSQL's lock_not_available (55P03): a NOWAIT lock was held by another transaction. */
export function isLockNotAvailable(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & PgError).code === '55P03';
}
