import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  StreamableFile,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, concatMap, from, Observable, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/principal';
import { Page } from '../dto/page';
import { credentialHash } from '../guards/rate-limit.guard';
import { IdempotencyStore, StoredKey } from './idempotency.store';

const HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 255;
const WAIT_STEP_MS = 50;
const WAIT_MAX_MS = 2000;

/** Headers of the first answer that a replay repeats (rate-limit headers are the replay's own). */
const REPLAYED_HEADERS = ['content-type', 'etag', 'location', 'content-location', 'last-modified'];
export const REPLAYED_MARK = 'Idempotent-Replayed';

/** The first answer as sent: status, the body's text (undefined: no body), the headers that matter. */
interface StoredAnswer {
  status: number;
  text: string | undefined;
  headers: Record<string, string>;
}

/**
 * `Idempotency-Key` on an authenticated POST: the first request with a key
 * does the work and its response (status, body text, ETag/Location/Content-Type)
 * is stored; a repeat by the same caller (credential) with the same method, path
 * and body within 24 h gets that response again, byte for byte and marked
 * `Idempotent-Replayed: true`, without running the handler. The same key with another
 * body is 422; while the first is still running a repeat waits briefly, then 409.
 * A request that fails (throws) releases its key, so it can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly keys: IdempotencyStore;

  constructor(dataSource: DataSource) {
    this.keys = new IdempotencyStore(dataSource);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.header(HEADER);
    if (request.method !== 'POST' || key === undefined || !request.principal) return next.handle();
    const caller = credentialHash(request);
    if (!caller) return next.handle();
    if (!key || key.length > MAX_KEY_LENGTH)
      throw new BadRequestException(`Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`);

    const hash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const response = context.switchToHttp().getResponse<Response>();
    if (!(await this.keys.claim(caller, key, hash))) {
      const stored = await this.replay(caller, key, hash);
      if (stored) {
        response.status(stored.status).set(stored.headers).setHeader(REPLAYED_MARK, 'true');
        return of(stored.text); // a string is sent as is (Content-Type set above), so the bytes are the first answer's
      }
    }

    return next.handle().pipe(
      concatMap((body: unknown) => from(this.keep(caller, key, response, body).then(() => body))),
      catchError((error: unknown) =>
        from(this.keys.release(caller, key)).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }

  /**
   * The stored response of the first request; waits a little while that one is still running.
   * Null when the first one failed meanwhile and this request has claimed the key.
   */
  private async replay(caller: string, key: string, hash: string): Promise<StoredAnswer | null> {
    for (let waited = 0; ; waited += WAIT_STEP_MS) {
      const stored = await this.keys.find(caller, key);
      if (!stored) {
        if (await this.keys.claim(caller, key, hash)) return null;
        continue;
      }
      if (stored.request_hash !== hash) {
        throw new UnprocessableEntityException(
          'This Idempotency-Key was used with another request (method, path or body)',
        );
      }
      if (stored.state === 'COMPLETED') return answerOf(stored);
      if (waited >= WAIT_MAX_MS)
        throw new ConflictException('A request with this Idempotency-Key is still in progress');
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  /** Keeps the response as it will be sent; a body that is not JSON or text (a file) is not stored, and the key is released. */
  private async keep(caller: string, key: string, response: Response, body: unknown): Promise<void> {
    if (body instanceof StreamableFile || Buffer.isBuffer(body)) return this.keys.release(caller, key);
    const answer = sentAnswer(response, body);
    await this.keys.complete(caller, key, {
      status: answer.status,
      text: answer.text ?? null,
      headers: answer.headers,
    });
  }
}

/**
 * What Nest's Express adapter will send for this handler result: an object as
 * JSON.stringify's text (application/json), a string as is, nothing as an empty body.
 */
function sentAnswer(response: Response, result: unknown): StoredAnswer {
  const body = result instanceof Page ? result.items : result; // the adapter sends a Page as its items
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  if (body === null || body === undefined) return { status: response.statusCode, text: undefined, headers };
  if (typeof body === 'object') {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    return { status: response.statusCode, text: JSON.stringify(body), headers };
  }
  headers['content-type'] ??= 'text/html; charset=utf-8';
  return { status: response.statusCode, text: String(body), headers };
}

function answerOf(stored: StoredKey): StoredAnswer {
  if (stored.response_headers) {
    return {
      status: stored.status_code ?? HttpStatus.CREATED,
      text: stored.response_text ?? undefined,
      headers: stored.response_headers,
    };
  }
  // Stored before replays kept the text: the body as JSON, in jsonb's key order.
  const body = stored.response?.body;
  return body === null || body === undefined
    ? { status: stored.status_code ?? HttpStatus.CREATED, text: undefined, headers: {} }
    : {
        status: stored.status_code ?? HttpStatus.CREATED,
        text: JSON.stringify(body),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      };
}
