/**
 * The light entry point `@boomi-eks/eks/rules`: this lib's defaults and pure
 * validators, free of cdktf and constructs, so `@boomi-eks/config` (and the
 * Kubernetes-side libs) can read them without loading a construct.
 */
export * from './node-group-defaults';
export * from './cluster-defaults';
export * from './validate-options';
export * from './validate-cluster';
export * from './validate-node-groups';
export * from './validate-addons';
