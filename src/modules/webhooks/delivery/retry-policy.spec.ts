import { backoffMs, MAX_DELAY_MS, nextStep } from './retry-policy';

describe('webhook retry policy', () => {
  const t0 = new Date('2024-01-01T00:00:00Z');
  const mid = () => 0.5;

  it('doubles the wait per attempt with ±20 % jitter, capped at an hour', () => {
    expect(backoffMs(1, 5000, mid)).toBe(5000);
    expect(backoffMs(2, 5000, mid)).toBe(10000);
    expect(backoffMs(4, 5000, mid)).toBe(40000);
    expect(backoffMs(1, 5000, () => 0)).toBe(4000);
    expect(backoffMs(1, 5000, () => 1)).toBe(6000);
    expect(backoffMs(40, 5000, mid)).toBe(MAX_DELAY_MS);
  });

  it('succeeds on 2xx and fails at once on other 4xx, 3xx and refused targets', () => {
    expect(nextStep({ statusCode: 204 }, 1, t0, t0, 5000).status).toBe('SUCCEEDED');
    expect(nextStep({ statusCode: 400 }, 1, t0, t0, 5000).status).toBe('FAILED');
    expect(nextStep({ statusCode: 410 }, 1, t0, t0, 5000).status).toBe('FAILED');
    expect(nextStep({ statusCode: 302 }, 1, t0, t0, 5000).status).toBe('FAILED');
    expect(nextStep({ statusCode: null, retryable: false }, 1, t0, t0, 5000).status).toBe('FAILED');
  });

  it('retries network errors, 5xx and 429 (honouring Retry-After)', () => {
    expect(nextStep({ statusCode: null }, 1, t0, t0, 5000, mid)).toEqual({
      status: 'PENDING',
      nextAttemptAt: new Date(t0.getTime() + 5000),
    });
    expect(nextStep({ statusCode: 503 }, 2, t0, t0, 5000, mid)).toEqual({
      status: 'PENDING',
      nextAttemptAt: new Date(t0.getTime() + 10000),
    });
    expect(nextStep({ statusCode: 429, retryAfterSeconds: 120 }, 1, t0, t0, 5000, mid).nextAttemptAt).toEqual(
      new Date(t0.getTime() + 120000),
    );
  });

  it('gives up once the next attempt would fall beyond 24 h after the first', () => {
    const late = new Date(t0.getTime() + 23.9 * 3600_000);
    expect(nextStep({ statusCode: 500 }, 20, t0, late, 5000, mid).status).toBe('FAILED');
    expect(nextStep({ statusCode: 500 }, 1, t0, late, 5000, mid).status).toBe('PENDING');
  });
});
