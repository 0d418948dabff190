/** @jest-config-loader-options {"transpileOnly": true} */
// Jest config of the S3 backend integration test (Nx target integration:s3-backend).
// Named jest.s3.config.ts, not jest.config.js, so that @nx/jest/plugin does not
// infer a `test` target from it: `npm test` stays fast and offline.
export default {
  displayName: 'integration-s3-backend',
  preset: '../../jest.preset.js',
  rootDir: '.',
  roots: ['<rootDir>/s3-backend'],
  testEnvironment: 'node',
  // terraform init/apply against a local emulator, started once per file
  testTimeout: 180_000,
};
