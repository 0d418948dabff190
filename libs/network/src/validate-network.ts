/**
 * The network lib's rules, as pure validators returning `PropsIssue`s (paths
 * relative to {@link NetworkProps}): `Network` and `subnetCidrs` throw them as
 * one `InvalidPropsError`; `@boomi-eks/config` re-bases them under `network`.
 * No cdktf imports here (lint enforces it): a cdktf token is skipped through
 * the `isUnresolved` option.
 */
import { parseCidr, type PropsIssue, type ValidateOptions } from '@boomi-eks/primitives';
import { MAX_PLANNED_AZS, VPC_PREFIX_RANGE } from './network-defaults';

export type { ValidateOptions } from '@boomi-eks/primitives';

/** `vpcCidr`: an IPv4 CIDR block whose prefix the subnet plan supports ({@link VPC_PREFIX_RANGE}). */
export function validateVpcCidr(vpcCidr: string, options: ValidateOptions = {}): PropsIssue[] {
  if (options.isUnresolved?.(vpcCidr)) return [];
  const vpc = parseCidr(vpcCidr);
  if (!vpc) {
    return [{ path: 'vpcCidr', value: vpcCidr, message: 'must be an IPv4 CIDR block with its host bits zero', fix: 'write it such as 10.100.0.0/16' }];
  }
  const { min, max } = VPC_PREFIX_RANGE;
  if (vpc.prefix < min || vpc.prefix > max) {
    return [
      {
        path: 'vpcCidr',
        value: vpcCidr,
        message: `must be a /${min} to /${max}`,
        fix: 'AWS allows no larger VPC, and a smaller one leaves too few pod IPs per AZ (public subnets under the /28 AWS minimum)',
      },
    ];
  }
  return [];
}

/** `availabilityZones`: 1 to {@link MAX_PLANNED_AZS} AZs, each listed once. */
export function validateAvailabilityZones(availabilityZones: readonly string[]): PropsIssue[] {
  const issues: PropsIssue[] = [];
  if (availabilityZones.length === 0 || availabilityZones.length > MAX_PLANNED_AZS) {
    issues.push({
      path: 'availabilityZones',
      value: availabilityZones,
      message: `holds ${availabilityZones.length} AZs`,
      fix: `the subnet plan takes 1 to ${MAX_PLANNED_AZS}: list that many`,
    });
  }
  return issues;
}

/** What {@link validateNetworkProps} reads of `NetworkProps`. */
export interface NetworkRulesInput {
  readonly vpcCidr?: string;
  readonly availabilityZones: readonly string[];
}

/** Every problem of the network props, all at once; empty when all is well. */
export function validateNetworkProps(props: NetworkRulesInput, options: ValidateOptions = {}): PropsIssue[] {
  return [...(props.vpcCidr === undefined ? [] : validateVpcCidr(props.vpcCidr, options)), ...validateAvailabilityZones(props.availabilityZones)];
}
