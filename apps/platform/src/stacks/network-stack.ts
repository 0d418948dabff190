import { Construct } from 'constructs';
import type { Environment } from '@boomi-eks/config';
import { Network } from '@boomi-eks/network';
import { EnvironmentStack } from './base-stack';

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
    });
  }
}
