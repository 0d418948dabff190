// Jest config of this project (`nx run <project>:test`, inferred by @nx/jest/plugin). Plain
// JavaScript: a TypeScript config costs every jest start the TypeScript compiler (~0.3 s).
const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'platform',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // The longest project (it synthesizes whole platforms and runs the app): both cores even on a
  // 2-core machine, where jest's default (cores - 1) would give it one worker.
  maxWorkers: Math.max(2, os.cpus().length - 1),
  // One synthesis of each platform the specs synthesize per run, shared by their files (test/policy/platform-under-test.ts).
  globalSetup: '<rootDir>/test/shared-synth-setup.ts',
  globalTeardown: '<rootDir>/test/shared-synth-teardown.ts',
  // The loader spec runs the real synth in child processes (13 of them): it is the
  // `process-tests` target (jest.process.config.ts), run by .ci/run, not part of `npm test`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/loader/'],
};
