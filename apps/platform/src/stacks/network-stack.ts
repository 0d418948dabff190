import { Construct } from 'constructs';
import type { Environment } from '@boomi-eks/config';
import { Network } from '@boomi-eks/network';
import { EnvironmentStack } from './base-stack';
import { KARPENTER_DISCOVERY_TAG } from '@boomi-eks/autoscaling';

/** `<env>-network`: VPC, subnets, NAT, routes, endpoints, flow logs. */
export class NetworkStack extends EnvironmentStack {
  readonly network: Network;

  constructor(scope: Construct, env: Environment) {
    super(scope, env, 'network');
    this.network = new Network(this, 'network', {
      name: env.name,
      region: env.region,
      vpcCidr: env.network.vpcCidr,
      availabilityZones: env.availabilityZones,
      natGateways: env.network.natGateways,
      clusterName: env.cluster.name,
      flowLogRetentionDays: env.network.flowLogRetentionDays,
      // Karpenter (issue 20): its EC2NodeClass finds the private subnets by this tag.
      ...(env.autoscaler.enabled && env.autoscaler.kind === 'karpenter'
        ? { privateSubnetTags: { [KARPENTER_DISCOVERY_TAG]: env.cluster.name } }
        : {}),
    });
  }
}
