import type { Request } from 'express';
import { env } from '../../config/env.validation';

/**
 * This server's absolute base URL (no trailing slash): PUBLIC_URL when set,
 * otherwise the request's own scheme and host, otherwise (the CLI, no request)
 * http://localhost:PORT. Minimal on purpose: the absolute-link helper with
 * TRUST_PROXY (#15b) is meant to replace it.
 */
export function absoluteBaseUrl(request?: Pick<Request, 'protocol' | 'get'>): string {
  const configured = env().PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, '');
  const host = request?.get('host');
  if (request && host) return `${request.protocol}://${host}`;
  return `http://localhost:${env().PORT}`;
}
