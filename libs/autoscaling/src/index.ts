// DEFAULTS and validators: also the light entry point @boomi-eks/autoscaling/rules
export * from './rules';
export * from './autoscaler-iam';
export * from './autoscaler-values';
export * from './chart-versions';
export * from './cluster-autoscaler';
export * from './cluster-autoscaler-identity';
export * from './metrics-server';
// Karpenter (issue 20): the alternative node autoscaler (docs/karpenter.md).
export * from './karpenter';
export * from './karpenter-iam';
export * from './karpenter-identity';
export * from './karpenter-node-pools';
export * from './karpenter-objects';
export * from './karpenter-values';
