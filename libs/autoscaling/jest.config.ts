/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'autoscaling',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
