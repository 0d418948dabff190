/** @jest-config-loader-options {"transpileOnly": true} */
// Jest config of the AWS stacks check (Nx target integration:aws-stacks).
// Not named jest.config.js, so @nx/jest/plugin infers no `test` target: it is
// not part of `npm test` (it needs terraform, the provider mirror and moto).
export default {
  displayName: 'integration-aws-stacks',
  preset: '../../jest.preset.js',
  rootDir: '.',
  roots: ['<rootDir>/aws-stacks'],
  testEnvironment: 'node',
  // moto applies are slow: a network stack takes about a minute each way
  testTimeout: 900_000,
};
