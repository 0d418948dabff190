/**
 * `@boomi-eks/network/rules`: the light entry point (no cdktf or constructs)
 * with the network lib's defaults and pure validators, for `@boomi-eks/config`.
 */
export { MAX_PLANNED_AZS, NETWORK_DEFAULTS, VPC_PREFIX_RANGE } from './network-defaults';
export { validateAvailabilityZones, validateNetworkProps, validateVpcCidr, type NetworkRulesInput, type ValidateOptions } from './validate-network';
