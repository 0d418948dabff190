/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'molecule',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
