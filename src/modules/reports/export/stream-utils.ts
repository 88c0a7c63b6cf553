import type { Writable } from 'node:stream';

/** Waits for the stream's 'drain' (or fails if it closes first), leaving no listener behind either way. */
export function waitForDrain(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('The client closed the connection'));
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('The client closed the connection'));
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

/** Writes and, when the stream's buffer is full, waits for it to drain (or fails if it closes first). */
export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.write(chunk)) return;
  await waitForDrain(out);
}
