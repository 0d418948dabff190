/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'load-demo',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
