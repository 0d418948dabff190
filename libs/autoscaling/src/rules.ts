/**
 * The light entry point `@boomi-eks/autoscaling/rules`: this lib's defaults and
 * pure validators, free of cdktf, cdk8s and constructs, so `@boomi-eks/config`
 * (and anything else) can read them without loading a construct.
 */
export * from './autoscaler-defaults';
export * from './karpenter-defaults';
export * from './validate-cluster-autoscaler';
