export * from './addons';
export * from './cluster';
export * from './container-logs';
export * from './ebs-csi-identity';
export * from './encryption-key';
// DEFAULTS and validators: also the light entry point @boomi-eks/eks/rules
export * from './rules';
export * from './node-groups';
export * from './pod-identity-role';
