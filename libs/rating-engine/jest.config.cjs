module.exports = { ...require('../../jest.preset.cjs'), displayName: 'rating-engine', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
