/** @jest-config-loader-options {"transpileOnly": true} */
// The platform specs that run the real app in child processes (the environment
// loader: real synths of broken, renamed and added environment files). Too slow
// for the unit loop (`npm test`); .ci/run runs them as `nx run-many -t process-tests`.
export default {
  displayName: 'platform:process',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/loader/**/*.spec.ts'],
};
