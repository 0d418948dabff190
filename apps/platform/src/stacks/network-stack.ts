import { Construct } from 'constructs';
import type { Environment } from '@boomi-eks/config';
import { Network } from '@boomi-eks/network';
import { EncryptionKey } from '@boomi-eks/eks';
import { EnvironmentStack } from './base-stack';

/** `<env>-network`: VPC, subnets, NAT, routes, endpoints, flow logs. */
export class NetworkStack extends EnvironmentStack {
  readonly network: Network;
  /** The flow logs' customer-managed key (`encryption.customerManagedKeys`). */
  readonly logsKey?: EncryptionKey;

  constructor(scope: Construct, env: Environment) {
    super(scope, env, 'network');
    if (env.encryption.customerManagedKeys) {
      this.logsKey = new EncryptionKey(this, 'logs-key', {
        description: `VPC flow logs of ${env.name}`,
        alias: `${env.name}/network-logs`,
        accountId: env.accountId,
        region: env.region,
        allowCloudWatchLogs: true,
        deletionWindowInDays: env.encryption.keyDeletionWindowDays,
      });
    }
    this.network = new Network(this, 'network', {
      name: env.name,
      region: env.region,
      vpcCidr: env.network.vpcCidr,
      availabilityZones: env.availabilityZones,
      natGateways: env.network.natGateways,
      clusterName: env.cluster.name,
      flowLogRetentionDays: env.network.flowLogRetentionDays,
      flowLogKmsKeyArn: this.logsKey?.keyArn,
    });
  }
}
