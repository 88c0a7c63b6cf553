import { generateKeyPairSync } from 'node:crypto';
import { validateEnvironment } from './env.validation';

describe('environment validation', () => {
  it('applies defaults and treats empty values as unset', () => {
    const env = validateEnvironment({ DATABASE_URL: '', PORT: '' });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe('./data');
  });

  it('stops with a clear message on a bad PORT or DATABASE_URL', () => {
    expect(() => validateEnvironment({ PORT: 'abc' })).toThrow(/PORT="abc"/);
    expect(() => validateEnvironment({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
    expect(() => validateEnvironment({ WEBHOOKS_ALLOW_PRIVATE: 'maybe' })).toThrow(/WEBHOOKS_ALLOW_PRIVATE/);
  });

  it('reads booleans and numbers', () => {
    const env = validateEnvironment({ PORT: '8080', WEBHOOKS_ALLOW_PRIVATE: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.WEBHOOKS_ALLOW_PRIVATE).toBe(false);
  });

  it('has bounded timeouts by default and refuses a headers timeout longer than the request timeout', () => {
    const env = validateEnvironment({});
    expect([
      env.REQUEST_TIMEOUT_MS,
      env.HEADERS_TIMEOUT_MS,
      env.KEEP_ALIVE_TIMEOUT_MS,
      env.SHUTDOWN_TIMEOUT_MS,
    ]).toEqual([30000, 10000, 5000, 10000]);
    expect([env.DB_CONNECT_TIMEOUT_MS, env.HEALTH_TIMEOUT_MS, env.EMBEDDED_PG_PORT]).toEqual([3000, 1000, undefined]);
    expect(() => validateEnvironment({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '2000' })).toThrow(
      /HEADERS_TIMEOUT_MS=2000/,
    );
    expect(() => validateEnvironment({ SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });

  it('takes ADDON_SIGNING_KEY as an RSA private key PEM (one-line \\n escapes too) and never echoes it', () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(validateEnvironment({ ADDON_SIGNING_KEY: privateKey }).ADDON_SIGNING_KEY).toBe(privateKey);
    expect(
      validateEnvironment({ ADDON_SIGNING_KEY: privateKey.replace(/\n/g, '\\n') }).ADDON_SIGNING_KEY,
    ).toBeDefined();
    const { privateKey: ec } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(() => validateEnvironment({ ADDON_SIGNING_KEY: ec })).toThrow(
      /ADDON_SIGNING_KEY=<hidden>: ADDON_SIGNING_KEY must be an RSA private key/,
    );
    expect(() => validateEnvironment({ ADDON_SIGNING_KEY: 'secret-ish' })).not.toThrow(/secret-ish/);
    expect(() => validateEnvironment({ ADDON_USER_TOKEN_TTL_SECONDS: '10' })).toThrow(/ADDON_USER_TOKEN_TTL_SECONDS/);
  });
});
