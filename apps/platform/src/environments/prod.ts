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
    kubernetesVersion: '1.34', // one minor at a time (docs/upgrades.md); the default is 1.36
    endpoint: { publicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] }, // your office / CI egress
    // PlatformAdmin: people; boomi-molecule-ci-deploy: the deploy role of the ci-access stack.
    adminPrincipalArns: ['arn:aws:iam::123456789012:role/PlatformAdmin', 'arn:aws:iam::123456789012:role/boomi-molecule-ci-deploy'],
    logRetentionDays: 365,
  },
  molecule: {
    auth: { kind: 'password', secretName: 'boomi/prod/molecule' },
    platformUrl: 'https://platform.boomi.com', // your account's platform (not the sandbox)
    // Pinned image: replace with the digest of the boomi/molecule version you tested
    // (`docker buildx imagetools inspect boomi/molecule:<version>`), or pin its version tag.
    image: { digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000' },
    service: { sourceRanges: ['198.51.100.0/24'] }, // the clients of your integrations
    // placement: 'on-demand' (the default): the Molecule never runs on spot nodes.
  },
  // Cluster extras (seeds 001, 004): see the README's "Cluster extras" table.
  monitoring: { enabled: true }, // kube-prometheus-stack in namespace `monitoring`
  nodeHealth: { enabled: true }, // node-problem-detector + EKS node auto repair + eks-node-monitoring-agent
  // nodeLocalDns: { enabled: true }, // NodeLocal DNSCache on 172.20.0.10 and 169.254.20.10
  //
  // Spot capacity for everything but the Molecule (seed 004), not active. Listing node
  // groups replaces the per-AZ defaults, so the on-demand groups are listed too; SPOT
  // groups get the taint spot=true:PreferNoSchedule and the label node.boomi.io/capacity=spot.
  // nodeGroups: [
  //   { name: 'us-east-1a', availabilityZone: 'us-east-1a' },
  //   { name: 'us-east-1b', availabilityZone: 'us-east-1b' },
  //   { name: 'us-east-1c', availabilityZone: 'us-east-1c' },
  //   ...['a', 'b', 'c'].map((z) => ({
  //     name: `spot-us-east-1${z}`,
  //     availabilityZone: `us-east-1${z}`,
  //     capacityType: 'SPOT' as const,
  //     instanceTypes: ['m5.large', 'm5a.large', 'm6i.large'], // several types: more spot pools
  //     minSize: 0,
  //     maxSize: 20,
  //   })),
  // ],
  // autoscaler: { maxNodesTotal: 360 }, // 3 × 100 on-demand + 3 × 20 spot
  // Pull-request plans of prod-workloads: none until a runner can reach the API (the PR
  // comment says so). With a self-hosted runner in the VPC (docs/ci-and-secrets.md):
  // ci: { workloadsPlan: { runner: 'self-hosted', labels: ['self-hosted', 'linux', 'boomi-prod-vpc'] } },
} satisfies EnvironmentInput;
