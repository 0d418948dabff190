// DEFAULTS and validators: also the light entry point @boomi-eks/cluster-addons/rules
export * from './rules';
export * from './chart-versions';
export * from './monitoring';
export * from './monitoring-storage';
export * from './monitoring-values';
export * from './node-local-dns';
export * from './node-problem-detector';
export * from './external-secrets';
export * from './external-secrets-policy';
