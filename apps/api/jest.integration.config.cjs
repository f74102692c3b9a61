// Integration specs: GraphQL over HTTP against a real MariaDB/MySQL, one database per test file,
// built by running the migrations (see test/support/harness.ts).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
};
