// Shared jest settings for every project. Nx's own preset sets testEnvironment
// 'jsdom', which this workspace does not install: node is the right environment
// for synthesizing Terraform JSON.
//
// TypeScript is compiled by swc (@swc/jest): it only strips types, like
// ts-jest's isolatedModules mode did, but in native code, so a cold run spends
// a fraction of the time transforming (docs/performance.md). Types are checked
// by `npm run typecheck` (tsc; .ci/run runs it as its own step), never by jest.
const path = require('node:path');

/** swc options matching tsconfig.base.json (ES2022, CommonJS, define semantics for class fields). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript' },
    target: 'es2022',
    transform: { useDefineForClassFields: true },
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
  swcrc: false,
};

module.exports = {
  testEnvironment: 'node',
  // cdktf, constructs, the providers and yaml loaded once per worker, V8 code cache between spec files (see the file).
  ...(process.env.BOOMI_JEST_ISOLATE_MODULES ? {} : { runtime: path.join(__dirname, 'tools/jest/shared-modules-runtime.js') }),
  testMatch: ['**/?(*.)+(spec|test).ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
  },
  moduleNameMapper: {
    // a lib's public face, and its light secondary entry points (`@boomi-eks/<lib>/rules` → src/rules.ts)
    '^@boomi-eks/([^/]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
    '^@boomi-eks/([^/]+)/([^/]+)$': path.join(__dirname, 'libs/$1/src/$2.ts'),
  },
  setupFilesAfterEnv: [path.join(__dirname, 'jest.setup.ts')],
  reporters: ['default', path.join(__dirname, 'tools/ci/jest-results-reporter.js')],
  coverageReporters: ['text-summary'],
};
