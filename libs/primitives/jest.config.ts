/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'primitives',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
