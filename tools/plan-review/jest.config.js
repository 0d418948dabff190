// Jest config of this project (`nx run <project>:test`, inferred by @nx/jest/plugin). Plain
// JavaScript: a TypeScript config costs every jest start the TypeScript compiler (~0.3 s).
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'plan-review',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // The specs that run the CLI and real synths of two git revisions in child processes are the
  // `process-tests` target (jest.process.config.ts), run by .ci/run, not part of `npm test`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/cli.integration.spec.ts', '<rootDir>/test/review-real.spec.ts'],
};
