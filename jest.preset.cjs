// Shared Jest settings: @swc/jest compiles TypeScript with legacy decorators and their metadata.
// Workspace libraries resolve to their sources, so tests never need a prior build.
const path = require('node:path');

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  moduleNameMapper: {
    '^@dangbo/(vn|shared-types|rating-engine|reports)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  reporters: ['default', path.join(__dirname, 'tools/scripts/jest-summary-reporter.cjs')],
};
