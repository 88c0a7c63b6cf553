import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { ErrorDto, FieldErrorDto } from '../dto/error.dto';
import { UNIQUE_CONFLICTS } from './unique-conflicts';

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
  driverError?: { constraint?: string };
}

/** PostgreSQL errors a request can cause, as client errors; the SQL itself is never sent. */
function fromDatabase(error: QueryFailedError & PgError): ErrorDto | null {
  switch (error.code) {
    case '23505': {
      const constraint = error.constraint ?? error.driverError?.constraint;
      const known = constraint && Object.hasOwn(UNIQUE_CONFLICTS, constraint) ? UNIQUE_CONFLICTS[constraint] : null;
      // A known constraint's body as a ConflictException's (message first), as its call site threw it before.
      return known
        ? { message: known, code: 409 }
        : { code: 409, message: 'A resource with the same unique value already exists' };
    }
    case '23503':
      return /still referenced/.test(error.detail ?? '')
        ? { code: 409, message: 'The resource is still in use by other resources' }
        : { code: 404, message: 'A referenced resource was not found in this workspace' };
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021': // a NUL or an invalid byte in text; the input check refuses NULs first
    case '22P05':
    case '23514':
    case '23502':
      return { code: 400, message: 'A value in the request is not valid' };
    case '40001':
    case '40P01':
      return { code: 409, message: 'The request conflicted with a concurrent change; retry it' };
    default:
      return null;
  }
}

/** Seconds a client is told to wait when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
]);
// pg and pg-pool signal a lost or unopenable connection by message only.
const UNREACHABLE_MESSAGE =
  /timeout exceeded when trying to connect|Connection terminated|connection timeout|Connection ended unexpectedly|Client has encountered a connection error|Driver not Connected|Cannot use a pool after calling end/i;

/**
 * The database cannot be reached (refused, timed out, cut, shutting down, out of
 * connections), whether the error comes from the pool or wrapped by TypeORM: the
 * request is 503, not a bug. SQLSTATE class 08 is a connection exception; 57P01-03
 * an administrator or crash shutdown / not yet accepting; 53300 too many connections.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (NETWORK_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))
    )
      return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message)) return true;
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

function fromHttp(exception: HttpException): ErrorDto {
  const code = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'string') return { code, message: body };
  // Nest's own `statusCode`/`error` are replaced by `code`; other extra fields (health's `database`) stay.
  const {
    message,
    errors,
    statusCode: _status,
    error: _error,
    ...extra
  } = body as {
    message?: string | string[];
    errors?: FieldErrorDto[];
    statusCode?: number;
    error?: string;
  };
  const text = Array.isArray(message) ? message.join('; ') : (message ?? exception.message);
  return { ...extra, message: text, code, ...(errors ? { errors } : {}) };
}

/** Errors thrown by Express middleware (body parser: 413, bad JSON: 400) carry `status`. */
export function fromMiddleware(exception: unknown): ErrorDto | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { status, type, message } = exception as { status?: unknown; type?: string; message?: string };
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  const text =
    type === 'entity.parse.failed'
      ? 'Malformed JSON body'
      : type === 'entity.too.large'
        ? 'Request body too large'
        : message;
  return { code: status, message: text ?? 'Bad request' };
}

/** One shape for every error: `{message, code, errors?}`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (!(exception instanceof HttpException) && isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      response.status(503).json({ code: 503, message: 'The database is unavailable; retry later' } satisfies ErrorDto);
      return;
    }
    let body: ErrorDto | null =
      exception instanceof HttpException
        ? fromHttp(exception)
        : exception instanceof QueryFailedError
          ? fromDatabase(exception as QueryFailedError & PgError)
          : fromMiddleware(exception);
    if (!body) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
      body = { code: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
    }
    if (body.code === 429 && !response.getHeader('Retry-After')) response.setHeader('Retry-After', '1');
    if (body.code === 503 && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    response.status(body.code).json(body);
  }
}
