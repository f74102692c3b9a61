module.exports = { ...require('../../jest.preset.cjs'), displayName: 'shared-types', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
