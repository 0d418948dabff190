/**
 * The light entry point `@boomi-eks/cluster-addons/rules`: this lib's defaults
 * and pure validators, free of cdktf and constructs, so `@boomi-eks/config`
 * can read them without loading a construct.
 */
export * from './cluster-addons-defaults';
export * from './validate-node-local-dns';
