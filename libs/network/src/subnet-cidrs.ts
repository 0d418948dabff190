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
import { formatCidr, mustParseCidr, subdivide, throwIfIssues } from '@boomi-eks/primitives';
import { validateNetworkProps } from './validate-network';

export interface AzSubnetCidrs {
  readonly availabilityZone: string;
  readonly publicCidr: string;
  readonly privateCidr: string;
}

export function subnetCidrs(vpcCidr: string, availabilityZones: readonly string[]): AzSubnetCidrs[] {
  // Every problem at once (validate-network.ts); a token is no input for a plan.
  throwIfIssues('subnetCidrs', validateNetworkProps({ vpcCidr, availabilityZones }));
  const vpc = mustParseCidr(vpcCidr);
  const publicBlock = subdivide(vpc, vpc.prefix + 3, 7);
  return availabilityZones.map((availabilityZone, i) => ({
    availabilityZone,
    privateCidr: formatCidr(subdivide(vpc, vpc.prefix + 3, i)),
    publicCidr: formatCidr(subdivide(publicBlock, vpc.prefix + 6, i)),
  }));
}
