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
  /**
   * Changes handed out in part (a rate change's entries, see rate-change-documents): their position and the
   * last entry id handed out ('' for none yet). Already counted in position/xmin; the next read continues them first.
   */
  pending?: PendingChange[];
}

export interface PendingChange {
  seq: string;
  after: string;
}

/** At most this many changes in part in one cursor (more wait in the outbox: they are read again). */
export const MAX_PENDING = 8;

export function encodeCursor(cursor: FeedCursor): string {
  const pending = (cursor.pending ?? []).map((p) => `.${p.seq}-${p.after}`).join('');
  return Buffer.from(`${cursor.position}.${cursor.xmin}${pending}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): FeedCursor {
  const match = /^(\d{1,19})\.(\d{1,20})((?:\.\d{1,19}-[0-9a-f]{0,24})*)$/.exec(
    Buffer.from(text, 'base64url').toString('utf8'),
  );
  if (!match) throw new BadRequestException('cursor is not a cursor returned by this API');
  const pending = match[3]
    .split('.')
    .filter(Boolean)
    .map((part) => {
      const [seq, after] = part.split('-');
      return { seq, after };
    });
  if (pending.length > MAX_PENDING) throw new BadRequestException('cursor is not a cursor returned by this API');
  return pending.length ? { position: match[1], xmin: match[2], pending } : { position: match[1], xmin: match[2] };
}
