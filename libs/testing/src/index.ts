export * from './source-files';
export * from './synth';
export * from './kubernetes-validate';
export * from './hcl-expression';
export * from './jsonencode';
