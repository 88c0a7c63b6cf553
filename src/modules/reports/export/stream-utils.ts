import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes and, when the stream's buffer is full, waits for it to drain (or fails if it closes first). */
export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.write(chunk)) return;
  if (out.destroyed) throw new Error('The client closed the connection');
  await Promise.race([
    once(out, 'drain'),
    once(out, 'close').then(() => {
      throw new Error('The client closed the connection');
    }),
  ]);
}
