export * from './source-files';
export * from './synth';
export * from './kubernetes-validate';
export * from './jsonencode';
