/** @jest-config-loader-options {"transpileOnly": true} */
import * as os from 'node:os';

// The plan-review specs that run its CLI and real synths of two git revisions in
// child processes. Too slow for the unit loop (`npm test`); .ci/run runs them as
// `nx run-many -t process-tests`.
export default {
  displayName: 'plan-review:process',
  preset: '../../jest.preset.js',
  rootDir: '.',
  maxWorkers: Math.max(2, os.cpus().length - 1),
  testMatch: ['<rootDir>/test/cli.integration.spec.ts', '<rootDir>/test/review-real.spec.ts'],
};
