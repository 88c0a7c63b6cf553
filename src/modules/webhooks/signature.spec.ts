import { createHmac } from 'node:crypto';
import { generateSecret, sign, signedHeaders, verify } from './signature';

describe('webhook signatures (Standard Webhooks)', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const body = '{"id":"65df50f5d2dd8f23a685374e","name":"Webhook"}';
  const now = new Date('2024-03-04T12:00:00Z');

  it('signs id.timestamp.body with the base64-decoded secret', () => {
    const timestamp = Math.floor(now.getTime() / 1000);
    const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    const expected = createHmac('sha256', key).update(`msg_1.${timestamp}.${body}`).digest('base64');
    expect(sign(secret, 'msg_1', timestamp, body)).toBe(`v1,${expected}`);
  });

  it('verifies its own headers', () => {
    const headers = signedHeaders(secret, 'msg_1', body, now);
    expect(verify(secret, headers, body, now)).toBe(true);
    expect(
      verify(secret, { ...headers, 'webhook-signature': `v1,bogus ${headers['webhook-signature']}` }, body, now),
    ).toBe(true);
  });

  it('rejects a forged signature, another secret, a changed body or id', () => {
    const headers = signedHeaders(secret, 'msg_1', body, now);
    expect(
      verify(secret, { ...headers, 'webhook-signature': 'v1,' + Buffer.alloc(32, 1).toString('base64') }, body, now),
    ).toBe(false);
    expect(verify(generateSecret(), headers, body, now)).toBe(false);
    expect(verify(secret, headers, body.replace('Webhook', 'Forged'), now)).toBe(false);
    expect(verify(secret, { ...headers, 'webhook-id': 'msg_2' }, body, now)).toBe(false);
    expect(
      verify(
        secret,
        { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') },
        body,
        now,
      ),
    ).toBe(false);
  });

  it('rejects a timestamp outside the 5 minute tolerance (replays) and missing headers', () => {
    const headers = signedHeaders(secret, 'msg_1', body, now);
    expect(verify(secret, headers, body, new Date(now.getTime() + 4 * 60_000))).toBe(true);
    expect(verify(secret, headers, body, new Date(now.getTime() + 6 * 60_000))).toBe(false);
    expect(verify(secret, headers, body, new Date(now.getTime() - 6 * 60_000))).toBe(false);
    expect(verify(secret, { ...headers, 'webhook-timestamp': undefined }, body, now)).toBe(false);
    expect(verify(secret, { ...headers, 'webhook-timestamp': '12x' }, body, now)).toBe(false);
  });

  it('generates whsec_ secrets of 32 bytes', () => {
    const generated = generateSecret();
    expect(generated).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(generated.slice(6), 'base64')).toHaveLength(32);
  });
});
