/**
 * The network lib's defaults and bounds, as plain frozen data: the one owner
 * of each. `@boomi-eks/config` builds its `network` defaults from
 * {@link NETWORK_DEFAULTS} (through `@boomi-eks/network/rules`). No cdktf
 * imports here (lint enforces it).
 */
import { deepFreeze } from '@boomi-eks/primitives';

/** Defaults of {@link NetworkProps} (seed 000's VPC). */
export const NETWORK_DEFAULTS = deepFreeze({
  vpcCidr: '10.100.0.0/16',
  natGateways: 'one-per-az',
  flowLogRetentionDays: 30,
  flowLogTrafficType: 'ALL',
} as const);

/**
 * VPC prefix bounds the per-AZ subnet plan supports: AWS allows no VPC larger
 * than a /16, and below a /22 the public subnets would be under the /28 AWS
 * minimum (and the private ones too small for the VPC CNI's pod IPs).
 */
export const VPC_PREFIX_RANGE = deepFreeze({ min: 16, max: 22 } as const);

/** Largest number of AZs the subnet plan holds (blocks 0..6 private, block 7 public). */
export const MAX_PLANNED_AZS = 7;
