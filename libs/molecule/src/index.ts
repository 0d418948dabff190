export * from './chart-yaml';
export * from './hpa-replicas';
export * from './manifest-bridge';
export * from './manifest-order';
export * from './molecule-chart';
export * from './molecule-props';
export * from './molecule-validation';
export * from './external-secret';
