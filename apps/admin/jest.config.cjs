// Unit specs of the panel: message files, the no-hard-coded-text rule, the data provider and pure helpers.
// react-admin's UI package pulls react-hotkeys-hook, which ships ESM only: it is compiled like our sources.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'admin',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  transformIgnorePatterns: ['/node_modules/(?!(react-hotkeys-hook)/)'],
};
