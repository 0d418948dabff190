/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'eks',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
