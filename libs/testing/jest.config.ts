/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'testing',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
