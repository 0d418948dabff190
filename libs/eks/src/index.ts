export * from './addons';
export * from './cluster';
export * from './encryption-key';
export * from './node-groups';
export * from './pod-identity-role';
