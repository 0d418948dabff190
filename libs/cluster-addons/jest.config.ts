/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'cluster-addons',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
