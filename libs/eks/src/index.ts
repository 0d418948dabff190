export * from './addons';
export * from './cluster';
export * from './container-logs';
export * from './ebs-csi-identity';
export * from './encryption-key';
export * from './node-group-defaults';
export * from './node-groups';
export * from './pod-identity-role';
