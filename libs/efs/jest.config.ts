/** @jest-config-loader-options {"transpileOnly": true} */
export default {
  displayName: 'efs',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
