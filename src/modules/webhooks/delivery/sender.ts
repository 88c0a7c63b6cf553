import { env } from '../../../config/env.validation';
import { signedHeaders } from '../signature';
import { nonPublicTarget, parseWebhookUrl } from '../url-policy';
import type { AttemptResult } from './retry-policy';

export const TIMEOUT_MS = 10_000;
export const EXCERPT_BYTES = 1024;

/** A claimed delivery with what is needed to send it. */
export interface DeliveryJob {
  id: string;
  webhookId: string;
  event: string;
  payload: unknown;
  url: string;
  token: string;
  secret: string;
}

export interface SendResult extends AttemptResult {
  durationMs: number;
  error: string | null;
  excerpt: string | null;
}

/** The first EXCERPT_BYTES of a response body; the rest is not read. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `Timed out after ${TIMEOUT_MS / 1000} s`;
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return `Network error: ${cause?.code ?? cause?.message ?? error.message}`;
  }
  return `Network error: ${String(error)}`;
}

/**
 * `work`, or the signal's reason once it aborts: a DNS lookup cannot be cancelled (getaddrinfo runs to its end in
 * libuv's pool), but the attempt need not wait for it.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * One attempt: POST the payload as JSON with Clockify's headers and the Standard
 * Webhooks signature.
 */
export async function sendDelivery(job: DeliveryJob, cancel?: AbortSignal): Promise<SendResult> {
  const body = JSON.stringify(job.payload);
  const headers = {
    'User-Agent': 'clockify-compatible-webhooks/1',
    'Clockify-Signature': job.token,
    'Clockify-Webhook-Event-Type': job.event,
    ...signedHeaders(job.secret, job.id, body),
  };
  return postJson(job.url, body, headers, cancel);
}

/**
 * POSTs a JSON body to an add-on or webhook URL (webhook deliveries and add-on
 * lifecycle calls): redirects are not followed (a 3xx is a final failure, and
 * cannot lead the request to an internal address). With WEBHOOKS_ALLOW_PRIVATE
 * off, the host's resolved addresses are checked right before sending.
 * `cancel` aborts it (the worker stopping); the caller then releases the job.
 */
export async function postJson(
  urlText: string,
  body: string,
  headers: Record<string, string>,
  cancel?: AbortSignal,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // One deadline for the whole attempt (the address check and the request), cut short by `cancel`.
  const deadline = cancel
    ? AbortSignal.any([AbortSignal.timeout(TIMEOUT_MS), cancel])
    : AbortSignal.timeout(TIMEOUT_MS);
  const url = parseWebhookUrl(urlText);
  if (typeof url === 'string') return { statusCode: null, retryable: false, durationMs: 0, error: url, excerpt: null };
  if (!env().WEBHOOKS_ALLOW_PRIVATE) {
    try {
      const target = await untilAborted(nonPublicTarget(url), deadline);
      if (target) {
        const error = `Refused: ${url.hostname} resolves to the non-public address ${target}`;
        return { statusCode: null, retryable: false, durationMs: elapsed(), error, excerpt: null };
      }
    } catch (error) {
      // (an AbortSignal's reason is a DOMException, which need not be an Error of this realm)
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      return {
        statusCode: null,
        durationMs: elapsed(),
        error: timedOut
          ? `DNS error: no answer within ${TIMEOUT_MS / 1000} s`
          : `DNS error: ${error instanceof Error ? error.message : String(error)}`,
        excerpt: null,
      };
    }
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: deadline,
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
    const excerpt = await readExcerpt(response).catch(() => '');
    return {
      statusCode: response.status,
      retryAfterSeconds: retryAfter(response),
      durationMs: elapsed(),
      error: null,
      excerpt,
    };
  } catch (error) {
    return { statusCode: null, durationMs: elapsed(), error: describe(error), excerpt: null };
  }
}
