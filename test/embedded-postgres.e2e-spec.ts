import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedConnection, startEmbeddedPostgres } from '../src/database/embedded/embedded-postgres';

const listen = (port: number) =>
  new Promise<Server | null>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null)); // taken by someone else: just as good for this test
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

/** The embedded PostgreSQL never fails on "port taken" when no port is set: a free one, found again by the next process. */
describe('Embedded PostgreSQL port', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clockify-embedded-port-'));
  let server: EmbeddedConnection | undefined;
  let squatter: Server | null = null;

  afterAll(async () => {
    await server?.stop();
    squatter?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('without a port, starts on a free one even with 54329 taken, recorded in DATA_DIR; a second process finds it there', async () => {
    squatter = await listen(54329);
    server = await startEmbeddedPostgres(dataDir);
    const port = Number(new URL(server.url).port);
    expect(port).not.toBe(54329);
    expect(Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3])).toBe(port);

    const client = new Client({ connectionString: server.url });
    await client.connect();
    expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();

    // the CLI (another process on the same DATA_DIR) connects to the running server, wherever it listens
    const cli = await startEmbeddedPostgres(dataDir);
    expect(cli.url).toBe(server.url);
    await cli.stop(); // a no-op: it did not start the server
  }, 120_000);

  it('with EMBEDDED_PG_PORT set to a taken port, start-up stops naming it (as before)', async () => {
    const other = mkdtempSync(join(tmpdir(), 'clockify-embedded-taken-'));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(startEmbeddedPostgres(other, port)).rejects.toThrow(new RegExp(`port ${port} is taken`));
    } finally {
      taken.close();
      rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);
});
