export * from './source-files';
export * from './synth';
