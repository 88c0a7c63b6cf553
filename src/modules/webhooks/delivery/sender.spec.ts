import { resetEnvCache } from '../../../config/env.validation';
import { postJson } from './sender';

// A resolver that never answers (a hanging DNS server): lookup's promise stays pending.
jest.mock('node:dns/promises', () => ({ lookup: () => new Promise(() => undefined) }));

describe('postJson with WEBHOOKS_ALLOW_PRIVATE=false and a resolver that never answers', () => {
  beforeAll(() => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = 'false';
    resetEnvCache();
  });
  afterAll(() => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    resetEnvCache();
  });

  it('stops when the caller cancels (the worker stopping), not sent, nothing answered', async () => {
    const cancel = new AbortController();
    const started = Date.now();
    setTimeout(() => cancel.abort(), 100);
    const result = await postJson('https://hooks.example.com/x', '{}', {}, cancel.signal);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/^DNS error/);
  }, 5000);

  it('gives up at the send timeout, as a retryable failure', async () => {
    // The 10 s timeout, run out after 50 ms.
    const timeout = jest.spyOn(AbortSignal, 'timeout').mockImplementation(() => {
      const expired = new AbortController();
      setTimeout(() => expired.abort(new DOMException('The operation timed out', 'TimeoutError')), 50);
      return expired.signal;
    });
    try {
      const result = await postJson('https://hooks.example.com/x', '{}', {});
      expect(result).toMatchObject({ statusCode: null, error: 'DNS error: no answer within 10 s' });
      expect(result.retryable).not.toBe(false);
    } finally {
      timeout.mockRestore();
    }
  }, 5000);
});
