// Unit tests (pure logic, beside the code) and e2e tests (HTTP through supertest
// on a real PostgreSQL: DATABASE_URL when set, otherwise the embedded one).
const tsJest = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      tsconfig: 'tsconfig.json',
      // The same Swagger plugin as `nest build`, so /docs-json in tests matches the server's.
      astTransformers: { before: ['<rootDir>/test/utils/swagger-transformer.js'] },
      isolatedModules: false,
    },
  ],
};

module.exports = {
  maxWorkers: 1,
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform: tsJest,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: tsJest,
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
  ],
};
