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
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { catchError, concatMap, from, Observable, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/principal';
import { credentialHash } from '../guards/rate-limit.guard';

const HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 255;
/** A key answers for 24 hours; a request still IN_PROGRESS after a minute is taken as lost (its instance died). */
const KEEP = `interval '24 hours'`;
const ABANDONED = `interval '1 minute'`;
const WAIT_STEP_MS = 50;
const WAIT_MAX_MS = 2000;

interface StoredKey {
  request_hash: string;
  state: 'IN_PROGRESS' | 'COMPLETED';
  response: { body: unknown } | null;
}

/**
 * `Idempotency-Key` on an authenticated POST: the first request with a key
 * does the work and its response (status and body) is stored; a repeat by the
 * same caller (credential) with the same method, path and body within 24 h gets
 * that response again without running the handler. The same key with another
 * body is 422; while the first is still running a repeat waits briefly, then 409.
 * A request that fails (throws) releases its key, so it can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.header(HEADER);
    if (request.method !== 'POST' || key === undefined || !request.principal) return next.handle();
    const caller = credentialHash(request);
    if (!caller) return next.handle();
    if (!key || key.length > MAX_KEY_LENGTH) throw new BadRequestException(`Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`);

    const hash = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    if (!(await this.claim(caller, key, hash))) {
      const stored = await this.replay(caller, key, hash);
      if (stored) return of(stored.body);
    }

    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return next.handle().pipe(
      concatMap((body: unknown) => from(this.store(caller, key, status, body).then(() => body))),
      catchError((error: unknown) => from(this.release(caller, key)).pipe(concatMap(() => throwError(() => error)))),
    );
  }

  /** Inserts the key as IN_PROGRESS (or takes over an expired or abandoned one); false when it is taken. */
  private async claim(caller: string, key: string, hash: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys AS k (caller, key, request_hash, state) VALUES ($1, $2, $3, 'IN_PROGRESS')
       ON CONFLICT (caller, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'IN_PROGRESS', status_code = NULL, response = NULL, created_at = now()
         WHERE k.created_at < now() - ${KEEP} OR (k.state = 'IN_PROGRESS' AND k.created_at < now() - ${ABANDONED})
       RETURNING 1`,
      [caller, key, hash],
    );
    return rows.length > 0;
  }

  /**
   * The stored response of the first request; waits a little while that one is still running.
   * Null when the first one failed meanwhile and this request has claimed the key.
   */
  private async replay(caller: string, key: string, hash: string): Promise<{ body: unknown } | null> {
    for (let waited = 0; ; waited += WAIT_STEP_MS) {
      const [stored] = await this.dataSource.query<StoredKey[]>(
        `SELECT request_hash, state, response FROM idempotency_keys WHERE caller = $1 AND key = $2`,
        [caller, key],
      );
      if (!stored) {
        if (await this.claim(caller, key, hash)) return null;
        continue;
      }
      if (stored.request_hash !== hash) {
        throw new UnprocessableEntityException('This Idempotency-Key was used with another request (method, path or body)');
      }
      if (stored.state === 'COMPLETED') return { body: stored.response?.body ?? null };
      if (waited >= WAIT_MAX_MS) throw new ConflictException('A request with this Idempotency-Key is still in progress');
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  /** Keeps the response; a body that is not JSON (a file) is not stored, and the key is released. */
  private async store(caller: string, key: string, status: number, body: unknown): Promise<void> {
    if (body instanceof StreamableFile || Buffer.isBuffer(body)) return this.release(caller, key);
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'COMPLETED', status_code = $3, response = $4::jsonb WHERE caller = $1 AND key = $2`,
      [caller, key, status, JSON.stringify({ body: body ?? null })],
    );
  }

  private async release(caller: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [caller, key]);
  }
}
