// `npm run test:reliability`: operator probes against the built app run as child processes
// (SIGTERM while requests are in flight, kill -9 during webhook delivery, two instances, races).
// Not part of `npm test` (it spawns servers and waits out a delivery lease); CI runs it as its own step.
const base = require('../../jest.config.js');
const e2e = base.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  rootDir: '../..',
  maxWorkers: 1,
  testTimeout: 180000,
  displayName: 'reliability',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/reliability/**/*.rel-spec.ts'],
  transform: e2e.transform,
  globalSetup: '<rootDir>/test/reliability/global-setup.ts',
  globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
};
