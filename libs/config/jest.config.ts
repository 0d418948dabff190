/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'config',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
