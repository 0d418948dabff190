/** @jest-config-loader-options {"transpileOnly": true} */
// Jest config of the outside-consumer and HCL tests (Nx targets
// consumer-test:consumer-test and consumer-test:hcl-test). Named
// jest.consumer.config.ts, not jest.config.js, so that @nx/jest/plugin infers no
// `test` target from it: `npm test` stays fast, and these run in .ci/run.
export default {
  displayName: 'consumer-test',
  preset: '../../jest.preset.js',
  rootDir: '.',
  roots: ['<rootDir>/src'],
  testEnvironment: 'node',
  // build + npm pack + npm install + tsc + synth, on 2 cores
  testTimeout: 300_000,
};
