/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'network',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
