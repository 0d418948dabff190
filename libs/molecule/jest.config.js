// Jest config of this project (`nx run <project>:test`, inferred by @nx/jest/plugin). Plain
// JavaScript: a TypeScript config costs every jest start the TypeScript compiler (~0.3 s).
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'molecule',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
