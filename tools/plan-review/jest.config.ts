/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'plan-review',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
