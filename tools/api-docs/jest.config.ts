/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'api-docs',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
