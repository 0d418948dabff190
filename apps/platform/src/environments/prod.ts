import type { EnvironmentInput } from '@boomi-eks/config';

/**
 * prod: seed 000's layout — three AZs, a node group per AZ (1..100 nodes), a
 * NAT gateway per AZ, HPA 3..20. Every field left out takes seed 000's value.
 */
export default {
  name: 'prod',
  region: 'us-east-1',
  accountId: '123456789012', // replace with your account
  availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  tags: { CostCenter: 'integration-prod' },
  state: { bucket: 'boomi-molecule-tfstate-123456789012' },
  network: { vpcCidr: '10.100.0.0/16', natGateways: 'one-per-az', flowLogRetentionDays: 90 },
  cluster: {
    kubernetesVersion: '1.33',
    endpoint: { publicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] }, // your office / CI egress
    // PlatformAdmin: people; boomi-molecule-ci-deploy: the deploy role of the ci-access stack.
    adminPrincipalArns: ['arn:aws:iam::123456789012:role/PlatformAdmin', 'arn:aws:iam::123456789012:role/boomi-molecule-ci-deploy'],
    logRetentionDays: 365,
  },
  molecule: {
    auth: { kind: 'password', secretName: 'boomi/prod/molecule' },
    service: { sourceRanges: ['198.51.100.0/24'] }, // the clients of your integrations
  },
} satisfies EnvironmentInput;
