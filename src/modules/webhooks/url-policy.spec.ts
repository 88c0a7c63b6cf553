import { isNonPublicAddress, nonPublicTarget, parseWebhookUrl } from './url-policy';

describe('webhook URL policy', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(parseWebhookUrl('https://example.com/hook')).toBeInstanceOf(URL);
    expect(parseWebhookUrl('http://127.0.0.1:8080/x')).toBeInstanceOf(URL);
    expect(parseWebhookUrl('ftp://example.com/')).toBe('url must use http or https');
    expect(parseWebhookUrl('file:///etc/passwd')).toBe('url must use http or https');
    expect(parseWebhookUrl('/relative')).toBe('url must be an absolute http(s) URL');
  });

  it('classifies private, loopback and link-local addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '[::1]',
    ]) {
      expect([a, isNonPublicAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect([a, isNonPublicAddress(a)]).toEqual([a, false]);
    }
  });

  it('checks the resolved address of a host', async () => {
    expect(await nonPublicTarget(new URL('http://127.0.0.1/'))).toBe('127.0.0.1');
    expect(await nonPublicTarget(new URL('http://[::1]:8080/'))).toBe('::1');
    expect(await nonPublicTarget(new URL('http://localhost/'))).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(await nonPublicTarget(new URL('http://8.8.8.8/'))).toBeNull();
  });
});
