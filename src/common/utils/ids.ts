import { randomBytes } from 'node:crypto';

export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/;

/**
 * A 24-character lowercase hex id, shaped like Clockify's (MongoDB ObjectId):
 * 4 bytes of seconds since the epoch, then 8 random bytes. Ids sort roughly by
 * creation time, which keeps B-tree inserts near the right edge.
 */
export function newId(): string {
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return time + randomHex8();
}

// Random bytes are drawn 4 KB at a time: a call into OpenSSL per id cost more than the rest of newId.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

function randomHex8(): string {
  if (offset + 8 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  offset += 8;
  return pool.toString('hex', offset - 8, offset);
}

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
}
