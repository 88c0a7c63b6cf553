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
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => validateEnvironment({ WEBHOOKS_ALLOW_PRIVATE: 'maybe' })).toThrow(/WEBHOOKS_ALLOW_PRIVATE/);
  });

  it('reads booleans and numbers', () => {
    const env = validateEnvironment({ PORT: '8080', WEBHOOKS_ALLOW_PRIVATE: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.WEBHOOKS_ALLOW_PRIVATE).toBe(false);
  });
});
