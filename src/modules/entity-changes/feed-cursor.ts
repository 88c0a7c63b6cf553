import { BadRequestException } from '@nestjs/common';

/**
 * The change feed's position, opaque to clients (base64url of `position.xmin`).
 *
 * It means: every matching change with `position <= position` written by a
 * transaction below `xmin` has been handed out, and none written by a
 * transaction at or above `xmin`. Transactions below a snapshot's xmin have all
 * finished, so that set never grows; a transaction that was still open at the
 * last read and committed since ("late", possibly below `position`) is found
 * by `tx_id >= xmin` and handed out on the next read.
 */
export interface FeedCursor {
  position: string;
  xmin: string;
}

export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(`${cursor.position}.${cursor.xmin}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): FeedCursor {
  const match = /^(\d{1,19})\.(\d{1,20})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) throw new BadRequestException('cursor is not a cursor returned by this API');
  return { position: match[1], xmin: match[2] };
}
