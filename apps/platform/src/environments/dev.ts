import type { EnvironmentInput } from '@boomi-eks/config';

/**
 * dev: two AZs, one NAT gateway, small node groups. Every field left out takes
 * seed 000's value (see libs/config/src/schema.ts).
 */
export default {
  name: 'dev',
  region: 'us-east-1',
  accountId: '123456789012', // replace with your account
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  tags: { CostCenter: 'integration-dev' },
  state: { bucket: 'boomi-molecule-tfstate-123456789012' },
  network: { vpcCidr: '10.110.0.0/16', natGateways: 'single', flowLogRetentionDays: 14 },
  cluster: {
    kubernetesVersion: '1.34', // one minor at a time (docs/upgrades.md); the default is 1.36
    endpoint: { publicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] }, // your office / CI egress
    // PlatformAdmin: people; boomi-molecule-ci-deploy: the deploy role of the ci-access stack.
    adminPrincipalArns: ['arn:aws:iam::123456789012:role/PlatformAdmin', 'arn:aws:iam::123456789012:role/boomi-molecule-ci-deploy'],
    logRetentionDays: 30,
  },
  nodeGroupDefaults: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 3, desiredSize: 1 },
  molecule: {
    auth: { kind: 'password', secretName: 'boomi/dev/molecule' },
    // dev attaches to Boomi's sandbox platform (seed 000's URL) and tracks the moving
    // 'release' image on purpose; prod names its platform and pins its image.
    sandbox: true,
    image: { tag: 'release', allowMutableTag: true },
    service: { sourceRanges: ['198.51.100.0/24'] }, // the clients of your integrations
  },
  hpa: { minReplicas: 3, maxReplicas: 6 },
  autoscaler: { maxNodesTotal: 6 },
  // Pull-request plans of dev-workloads: a GitHub-hosted (larger) runner with static
  // egress IPs inside cluster.endpoint.publicAccessCidrs (docs/ci-and-secrets.md).
  ci: { workloadsPlan: { runner: 'github-hosted', runsOn: 'ubuntu-24.04', egressCidrs: ['203.0.113.0/24'] } },
} satisfies EnvironmentInput;
