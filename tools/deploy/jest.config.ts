/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'deploy',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
