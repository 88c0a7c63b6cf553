import { randomBytes } from 'node:crypto';

export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/;

/**
 * A 24-character lowercase hex id, shaped like Clockify's (MongoDB ObjectId):
 * 4 bytes of seconds since the epoch, then 8 random bytes. Ids sort roughly by
 * creation time, which keeps B-tree inserts near the right edge.
 */
export function newId(): string {
  const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return time + randomBytes(8).toString('hex');
}

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
}
