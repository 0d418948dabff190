export * from './autoscaler-iam';
export * from './autoscaler-values';
export * from './chart-versions';
export * from './cluster-autoscaler';
export * from './cluster-autoscaler-identity';
export * from './metrics-server';
