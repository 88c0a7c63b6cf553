import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { connect, Socket } from 'node:net';
import { resetEnvCache } from '../src/config/env.validation';
import { startTestApp } from './utils/test-app';

/** Slow clients cannot hold connections: a request trickled byte by byte is cut at REQUEST_TIMEOUT_MS, idle keep-alives at KEEP_ALIVE_TIMEOUT_MS. */
describe('HTTP timeouts', () => {
  let app: INestApplication;
  let port: number;
  const saved = { ...process.env };

  /** Opens a connection, sends `head`, then one byte of `trickle` every 100 ms; resolves with what came back and when the server closed. */
  const trickle = (head: string, drip: string) =>
    new Promise<{ answer: string; closedAfterMs: number }>((resolve) => {
      const started = Date.now();
      const socket: Socket = connect(port, '127.0.0.1', () => socket.write(head));
      let answer = '';
      let i = 0;
      const timer = setInterval(() => {
        if (drip && !socket.destroyed && socket.writable) socket.write(drip[i++ % drip.length]);
      }, 100);
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, closedAfterMs: Date.now() - started });
      });
    });

  beforeAll(async () => {
    Object.assign(process.env, { REQUEST_TIMEOUT_MS: '1500', HEADERS_TIMEOUT_MS: '800', KEEP_ALIVE_TIMEOUT_MS: '300' });
    resetEnvCache();
    app = (await startTestApp()).app;
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    process.env = saved;
    resetEnvCache();
  });

  it('a body trickled at 10 bytes/s is cut with 408 at REQUEST_TIMEOUT_MS', async () => {
    const head =
      'POST /v1/workspaces/0123456789abcdef01234567/clients HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"name":"';
    const { answer, closedAfterMs } = await trickle(head, 'a');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(1400);
    expect(closedAfterMs).toBeLessThan(3500);
  });

  it('headers trickled line by line are cut at HEADERS_TIMEOUT_MS', async () => {
    const { answer, closedAfterMs } = await trickle('GET /health HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(2500);
  });

  it('an idle keep-alive connection is closed after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const { answer, closedAfterMs } = await trickle('GET /health HTTP/1.1\r\nHost: x\r\n\r\n', '');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfterMs).toBeLessThan(1500);
  });
});
