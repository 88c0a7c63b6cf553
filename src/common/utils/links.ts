import type { Request } from 'express';
import { env } from '../../config/env.validation';

/**
 * The absolute origin of every link the API hands out (shared reports, uploaded images, add-on tokens' URLs): PUBLIC_URL when set,
 * otherwise this request's scheme and host. Express reads X-Forwarded-Proto / X-Forwarded-Host for them only when
 * its `trust proxy` is on, which TRUST_PROXY sets (bootstrap), so a client cannot forge a link's host otherwise.
 */
export function linkBase(req?: Pick<Request, 'protocol' | 'host'>): string {
  const configured = env().PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, '');
  // No request (the CLI installing an add-on): this server on its own port.
  if (!req) return `http://localhost:${env().PORT}`;
  return `${req.protocol}://${req.host || 'localhost'}`;
}
