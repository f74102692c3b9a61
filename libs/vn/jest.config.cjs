module.exports = { ...require('../../jest.preset.cjs'), displayName: 'vn', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
