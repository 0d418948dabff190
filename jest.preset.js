// Shared jest settings for every project. Nx's own preset sets testEnvironment
// 'jsdom', which this workspace does not install: node is the right environment
// for synthesizing Terraform JSON.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/?(*.)+(spec|test).ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
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
