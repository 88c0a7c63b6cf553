import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { ErrorDto, FieldErrorDto } from '../dto/error.dto';

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
}

/** PostgreSQL errors a request can cause, as client errors; the SQL itself is never sent. */
function fromDatabase(error: QueryFailedError & PgError): ErrorDto | null {
  switch (error.code) {
    case '23505':
      return { code: 409, message: 'A resource with the same unique value already exists' };
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

function fromHttp(exception: HttpException): ErrorDto {
  const code = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'string') return { code, message: body };
  // Nest's own `statusCode`/`error` are replaced by `code`; other extra fields (health's `database`) stay.
  const { message, errors, statusCode: _status, error: _error, ...extra } = body as {
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
  const text = type === 'entity.parse.failed' ? 'Malformed JSON body' : type === 'entity.too.large' ? 'Request body too large' : message;
  return { code: status, message: text ?? 'Bad request' };
}

/** One shape for every error: `{message, code, errors?}`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
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
    response.status(body.code).json(body);
  }
}
