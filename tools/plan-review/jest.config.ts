/** @jest-config-loader-options {"transpileOnly": true} */
import * as os from 'node:os';

export default {
  displayName: 'plan-review',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // Its integration specs run git and real synths: both cores even on a 2-core machine (jest's default is cores - 1).
  maxWorkers: Math.max(2, os.cpus().length - 1),
  // The specs that run the CLI and real synths of two git revisions in child processes are the
  // `process-tests` target (jest.process.config.ts), run by .ci/run, not part of `npm test`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/cli.integration.spec.ts', '<rootDir>/test/review-real.spec.ts'],
};
