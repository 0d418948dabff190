/**
 * The per-AZ subnet plan, as a pure function.
 *
 * A VPC of prefix /p is cut into eight /p+3 blocks. AZ i gets private block i
 * (the big ones: with the VPC CNI every pod takes a VPC address there), and the
 * last block is cut again into /p+6 public subnets, AZ i taking the i-th (NAT
 * gateways and load balancers only need a few addresses). For 10.100.0.0/16:
 * private 10.100.0.0/19, 10.100.32.0/19, …; public 10.100.224.0/22,
 * 10.100.228.0/22, … Adding an AZ never moves an existing subnet.
 */
import { formatCidr, mustParseCidr, subdivide } from '@boomi-eks/primitives';

export interface AzSubnetCidrs {
  readonly availabilityZone: string;
  readonly publicCidr: string;
  readonly privateCidr: string;
}

/** Largest number of AZs the plan holds (blocks 0..6 private, block 7 public). */
export const MAX_PLANNED_AZS = 7;

export function subnetCidrs(vpcCidr: string, availabilityZones: readonly string[]): AzSubnetCidrs[] {
  const vpc = mustParseCidr(vpcCidr);
  if (vpc.prefix < 16) {
    throw new Error(`vpcCidr (${vpcCidr}) is larger than a /16, which AWS does not allow for a VPC`);
  }
  if (vpc.prefix > 22) {
    throw new Error(`vpcCidr (${vpcCidr}) is smaller than a /22: public subnets would be under the /28 AWS minimum`);
  }
  if (availabilityZones.length === 0 || availabilityZones.length > MAX_PLANNED_AZS) {
    throw new Error(`availabilityZones holds ${availabilityZones.length} AZs: the subnet plan takes 1 to ${MAX_PLANNED_AZS}`);
  }
  const publicBlock = subdivide(vpc, vpc.prefix + 3, 7);
  return availabilityZones.map((availabilityZone, i) => ({
    availabilityZone,
    privateCidr: formatCidr(subdivide(vpc, vpc.prefix + 3, i)),
    publicCidr: formatCidr(subdivide(publicBlock, vpc.prefix + 6, i)),
  }));
}
