/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'platform',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
