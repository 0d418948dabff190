import { validateEnvironment, type ValidationResult } from './environment';

import { deepMerge, validInput, type Overrides, printed } from '../test/valid-input';

const issuesOf = (result: ValidationResult): readonly { path: string; message: string }[] => (result.ok ? [] : printed(result.issues));
// The day the catalog was last checked: keeps the lifecycle rule from failing these cases as the calendar moves.
const TODAY = new Date('2026-11-30T12:00:00Z');
const validate = (overrides: Overrides) => issuesOf(validateEnvironment(validInput(overrides), { today: TODAY }));

/** Molecule resources in full (the schema defaults them as one object). */
const moleculeResources = (requestMemory: string, limitMemory: string, requestCpu = '500m', limitCpu = '1000m'): Overrides => ({
  molecule: { resources: { requests: { cpu: requestCpu, memory: requestMemory }, limits: { cpu: limitCpu, memory: limitMemory } } },
});

const FORCE_RESTART = 'com.boomi.container.elasticity.forceRestartOverride';

// ---------------------------------------------------------------------------

describe('checkRules: refused', () => {
  it.each<[string, Overrides, string, string]>([
    // CI's path to the cluster API
    [
      'GitHub-hosted egress wider than the endpoint CIDR',
      { ci: { workloadsPlan: { runner: 'github-hosted', egressCidrs: ['203.0.112.0/23'] } } },
      'ci.workloadsPlan.egressCidrs[0]',
      "('203.0.112.0/23') is not inside cluster.endpoint.publicAccessCidrs (203.0.113.0/24): add it there",
    ],
    [
      'GitHub-hosted plans with a private-only endpoint',
      {
        cluster: { endpoint: { publicAccess: false, privateAccess: true, publicAccessCidrs: [] } },
        ci: { workloadsPlan: { runner: 'github-hosted', egressCidrs: ['203.0.113.0/24'] } },
      },
      'ci.workloadsPlan.runner',
      "('github-hosted') needs cluster.endpoint.publicAccess",
    ],
    // availability zones
    [
      'an AZ of another region',
      { availabilityZones: ['us-east-1a', 'us-west-2b', 'us-east-1c'] },
      'availabilityZones[1]',
      "('us-west-2b') is not an AZ of region us-east-1",
    ],
    [
      'a duplicate AZ',
      { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1a'] },
      'availabilityZones[2]',
      "('us-east-1a') is listed twice",
    ],
    [
      'an internet-facing Molecule load balancer with no client CIDRs',
      { molecule: { service: { scheme: 'internet-facing', sourceRanges: [] } } },
      'molecule.service.sourceRanges',
      "is empty while molecule.service.scheme is 'internet-facing'",
    ],
    // network
    ['a /8 VPC', { network: { vpcCidr: '10.0.0.0/8' } }, 'network.vpcCidr', "('10.0.0.0/8') must be a /16 to /22"],
    ['a /24 VPC', { network: { vpcCidr: '10.100.0.0/24' } }, 'network.vpcCidr', "('10.100.0.0/24') must be a /16 to /22"],
    ['a /15 VPC', { network: { vpcCidr: '10.100.0.0/15' } }, 'network.vpcCidr', 'must be a /16 to /22'],
    ['a /23 VPC', { network: { vpcCidr: '10.100.0.0/23' } }, 'network.vpcCidr', 'must be a /16 to /22'],
    [
      'a service CIDR inside the VPC',
      { cluster: { serviceIpv4Cidr: '10.100.128.0/20' } },
      'cluster.serviceIpv4Cidr',
      "('10.100.128.0/20') overlaps network.vpcCidr (10.100.0.0/16)",
    ],
    [
      'a service CIDR around the VPC',
      { cluster: { serviceIpv4Cidr: '10.96.0.0/12' } },
      'cluster.serviceIpv4Cidr',
      'overlaps network.vpcCidr (10.100.0.0/16): pick a range outside the VPC',
    ],
    [
      'a VPC on the default service CIDR',
      { network: { vpcCidr: '172.20.0.0/16' } },
      'cluster.serviceIpv4Cidr',
      "('172.20.0.0/16') overlaps network.vpcCidr (172.20.0.0/16)",
    ],
    [
      'a service CIDR outside RFC 1918',
      { cluster: { serviceIpv4Cidr: '100.64.0.0/16' } },
      'cluster.serviceIpv4Cidr',
      "('100.64.0.0/16') must be a /12 to /24 inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
    ],
    [
      'a service CIDR that straddles RFC 1918',
      { cluster: { serviceIpv4Cidr: '172.0.0.0/11' } },
      'cluster.serviceIpv4Cidr',
      "('172.0.0.0/11') must be a /12 to /24",
    ],
    [
      'a /25 service CIDR',
      { cluster: { serviceIpv4Cidr: '192.168.0.0/25' } },
      'cluster.serviceIpv4Cidr',
      "('192.168.0.0/25') must be a /12 to /24",
    ],
    // endpoint
    [
      'a public endpoint open to everyone',
      { cluster: { endpoint: { publicAccess: true, publicAccessCidrs: [] } } },
      'cluster.endpoint.publicAccessCidrs',
      '([]) is empty while the public endpoint is on',
    ],
    [
      'an endpoint nobody can reach',
      { cluster: { endpoint: { publicAccess: false, privateAccess: false } } },
      'cluster.endpoint.privateAccess',
      '(false) is false while the public endpoint is off too, so nothing could reach the API: enable at least one',
    ],
    // versions
    [
      'an unpinned Kubernetes minor',
      { cluster: { kubernetesVersion: '1.20' } },
      'cluster.kubernetesVersion',
      "('1.20') has no pinned add-on and autoscaler versions: use one of 1.32, 1.33, 1.34, 1.35, 1.36",
    ],
    [
      'an autoscaler tag for another minor',
      { autoscaler: { imageTag: 'v1.32.3' } },
      'autoscaler.imageTag',
      "('v1.32.3') is for Kubernetes 1.32 but the cluster runs 1.36",
    ],
    [
      'an autoscaler tag for another minor (names the catalog tag)',
      { cluster: { kubernetesVersion: '1.34' }, autoscaler: { imageTag: 'v1.33.1' } },
      'autoscaler.imageTag',
      'remove the field to use v1.34.5',
    ],
    // node groups
    [
      'a node group in an AZ not listed',
      { nodeGroups: [{ name: 'workers', availabilityZone: 'us-east-1d' }] },
      'nodeGroups[0].availabilityZone',
      "('us-east-1d') is not one of availabilityZones (us-east-1a, us-east-1b, us-east-1c)",
    ],
    [
      'two node groups with one name',
      {
        nodeGroups: [
          { name: 'workers', availabilityZone: 'us-east-1a' },
          { name: 'workers', availabilityZone: 'us-east-1b' },
        ],
      },
      'nodeGroups[1].name',
      "('workers') is used twice",
    ],
    [
      'a node group with minSize > maxSize',
      { nodeGroups: [{ name: 'workers', availabilityZone: 'us-east-1a', minSize: 5, maxSize: 3, desiredSize: 3 }] },
      'nodeGroups[0].minSize',
      '(5) is greater than maxSize (3)',
    ],
    [
      'node group defaults with minSize > maxSize',
      { nodeGroupDefaults: { minSize: 5, maxSize: 3, desiredSize: 3 } },
      'nodeGroupDefaults.minSize',
      '(5) is greater than maxSize (3)',
    ],
    [
      'a desiredSize below minSize',
      { nodeGroups: [{ name: 'workers', availabilityZone: 'us-east-1a', minSize: 2, desiredSize: 1 }] },
      'nodeGroups[0].desiredSize',
      '(1) must be between minSize (2) and maxSize (100)',
    ],
    [
      'a desiredSize above maxSize',
      { nodeGroups: [{ name: 'workers', availabilityZone: 'us-east-1a', maxSize: 4, desiredSize: 5 }] },
      'nodeGroups[0].desiredSize',
      '(5) must be between minSize (1) and maxSize (4)',
    ],
    [
      'node groups that outgrow autoscaler.maxNodesTotal',
      { autoscaler: { maxNodesTotal: 250 } },
      'autoscaler.maxNodesTotal',
      '(250) is below the sum of node group maxSize (300): raise it to 300',
    ],
    // molecule resources
    [
      'a memory request below 1.2 × the -Xmx heap',
      { molecule: { vmOptionsOverrides: '-Xms256m|-Xmx1024m|-XX:+UseG1GC' } },
      'molecule.resources.requests.memory',
      "('1024Mi') must be ≥ 1.2 × heap (1024Mi from -Xmx in molecule.vmOptionsOverrides): raise it to 1229Mi",
    ],
    [
      'a memory request below 1.2 × heapMiB',
      { molecule: { heapMiB: 1024 } },
      'molecule.resources.requests.memory',
      "('1024Mi') must be ≥ 1.2 × heap (1024Mi from molecule.heapMiB): raise it to 1229Mi",
    ],
    [
      'a memory request 1 MiB short of 1.2 × heap',
      deepMerge(moleculeResources('1228Mi', '2Gi'), { molecule: { vmOptionsOverrides: '-Xmx1g' } }) as Overrides,
      'molecule.resources.requests.memory',
      "('1228Mi') must be ≥ 1.2 × heap (1024Mi",
    ],
    [
      'a memory limit below 1.25 × the request',
      moleculeResources('1024Mi', '1279Mi'),
      'molecule.resources.limits.memory',
      "('1279Mi') must be ≥ 1.25 × the memory request (1024Mi) to avoid OOM kills: raise it to 1280Mi",
    ],
    [
      'a memory limit below 1.25 × the request (mixed units)',
      moleculeResources('2Gi', '2560M'),
      'molecule.resources.limits.memory',
      'raise it to 2560Mi',
    ],
    [
      'a cpu limit below the request',
      moleculeResources('1024Mi', '1536Mi', '1', '500m'),
      'molecule.resources.limits.cpu',
      "('500m') is below the cpu request (1)",
    ],
    // molecule lifecycle
    [
      'a grace period equal to the force-restart override',
      { molecule: { terminationGracePeriodSeconds: 60, containerPropertiesOverrides: `${FORCE_RESTART}=60000` } },
      'molecule.terminationGracePeriodSeconds',
      `(60) must be greater than ${FORCE_RESTART} (60s)`,
    ],
    [
      'a grace period below the force-restart override',
      { molecule: { terminationGracePeriodSeconds: 30, containerPropertiesOverrides: `a=1|${FORCE_RESTART}=90000|b=2` } },
      'molecule.terminationGracePeriodSeconds',
      'raise it above 90s or lower the override',
    ],
    [
      'a force-restart override that is not a number',
      { molecule: { containerPropertiesOverrides: `${FORCE_RESTART}=soon` } },
      'molecule.containerPropertiesOverrides',
      `${FORCE_RESTART} must be a number of milliseconds`,
    ],
    [
      'Atom Queues with scale-down',
      { molecule: { atomQueues: { inUse: true } } },
      'molecule.atomQueues.inUse',
      'set hpa.scaleDown.enabled false, or molecule.atomQueues.acceptScaleDownDataLoss true',
    ],
    // hpa
    [
      'hpa.minReplicas > hpa.maxReplicas',
      { hpa: { minReplicas: 10, maxReplicas: 5 }, molecule: { replicas: 5 } },
      'hpa.minReplicas',
      '(10) is greater than hpa.maxReplicas (5)',
    ],
    [
      'replicas below hpa.minReplicas',
      { molecule: { replicas: 2 } },
      'molecule.replicas',
      '(2) must be between hpa.minReplicas (3) and hpa.maxReplicas (20)',
    ],
    [
      'replicas above hpa.maxReplicas',
      { molecule: { replicas: 21 } },
      'molecule.replicas',
      '(21) must be between hpa.minReplicas (3) and hpa.maxReplicas (20)',
    ],
    // autoscaler resources
    [
      'an autoscaler memory limit below its request',
      { autoscaler: { resources: { requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '100m', memory: '200Mi' } } } },
      'autoscaler.resources.limits.memory',
      "('200Mi') is below the request (300Mi)",
    ],
    [
      'an autoscaler cpu limit below its request',
      { autoscaler: { resources: { requests: { cpu: '200m', memory: '300Mi' }, limits: { cpu: '100m', memory: '300Mi' } } } },
      'autoscaler.resources.limits.cpu',
      "('100m') is below the request (200m)",
    ],
  ])('%s', (_title, overrides, path, fragment) => {
    const issues = validate(overrides);
    expect(issues).toContainEqual({ path, message: expect.stringContaining(fragment) });
  });
});

describe('checkRules: accepted', () => {
  it.each<[string, Overrides]>([
    ['an internal Molecule load balancer with no client CIDRs', { molecule: { service: { scheme: 'internal', sourceRanges: [] } } }],
    ['the minimal input', {}],
    ['a /16 VPC', { network: { vpcCidr: '10.1.0.0/16' } }],
    ['a /22 VPC', { network: { vpcCidr: '10.100.0.0/22' } }],
    ['a service CIDR next to the VPC', { network: { vpcCidr: '10.100.0.0/16' }, cluster: { serviceIpv4Cidr: '10.101.0.0/16' } }],
    ['a /12 service CIDR', { cluster: { serviceIpv4Cidr: '172.16.0.0/12' } }],
    ['a /24 service CIDR', { cluster: { serviceIpv4Cidr: '192.168.10.0/24' } }],
    ['a private-only endpoint without CIDRs', { cluster: { endpoint: { publicAccess: false, privateAccess: true, publicAccessCidrs: [] } } }],
    ['a public-only endpoint with CIDRs', { cluster: { endpoint: { publicAccess: true, privateAccess: false } } }],
    ['Kubernetes 1.32', { cluster: { kubernetesVersion: '1.32' } }],
    ['Kubernetes 1.33', { cluster: { kubernetesVersion: '1.33' } }],
    ['Kubernetes 1.34', { cluster: { kubernetesVersion: '1.34' } }],
    ['Kubernetes 1.35', { cluster: { kubernetesVersion: '1.35' } }],
    ['Kubernetes 1.36 with extended support', { cluster: { kubernetesVersion: '1.36', supportType: 'EXTENDED' } }],
    ['an autoscaler patch of the same minor', { autoscaler: { imageTag: 'v1.36.4' } }],
    ['maxNodesTotal equal to the sum of maxSize', { autoscaler: { maxNodesTotal: 300 } }],
    ['maxNodesTotal below the sum with the autoscaler off', { autoscaler: { enabled: false, maxNodesTotal: 250 } }],
    ['desiredSize at minSize and maxSize', {
      nodeGroups: [
        { name: 'low', availabilityZone: 'us-east-1a', minSize: 2, maxSize: 4, desiredSize: 2 },
        { name: 'high', availabilityZone: 'us-east-1b', minSize: 2, maxSize: 4, desiredSize: 4 },
      ],
    }],
    ['minSize equal to maxSize', { nodeGroupDefaults: { minSize: 3, maxSize: 3, desiredSize: 3 } }],
    [
      'a memory request of exactly ceil(1.2 × heap)',
      deepMerge(moleculeResources('1229Mi', '1537Mi'), { molecule: { vmOptionsOverrides: '-Xmx1024m' } }) as Overrides,
    ],
    ['a memory limit of exactly 1.25 × the request', moleculeResources('1024Mi', '1280Mi')],
    ['a memory limit of exactly 1.25 × the request in Gi', moleculeResources('2Gi', '2560Mi')],
    ['a cpu limit equal to the request', moleculeResources('1024Mi', '1536Mi', '0.5', '500m')],
    ['a grace period 1 s above the override', { molecule: { terminationGracePeriodSeconds: 60, containerPropertiesOverrides: `${FORCE_RESTART}=59000` } }],
    ['Atom Queues without scale-down', { molecule: { atomQueues: { inUse: true } }, hpa: { scaleDown: { enabled: false } } }],
    ['Atom Queues with the data-loss risk accepted', { molecule: { atomQueues: { inUse: true, acceptScaleDownDataLoss: true } } }],
    ['Atom Queues with the HPA off', { molecule: { atomQueues: { inUse: true } }, hpa: { enabled: false } }],
    ['replicas at hpa.maxReplicas', { molecule: { replicas: 20 } }],
    ['replicas outside hpa bounds with the HPA off', { molecule: { replicas: 1 }, hpa: { enabled: false } }],
    ['GitHub-hosted plans from a CIDR inside the endpoint\'s', { ci: { workloadsPlan: { runner: 'github-hosted', egressCidrs: ['203.0.113.16/28'] } } }],
    ['GitHub-hosted plans from exactly the endpoint\'s CIDR', { ci: { workloadsPlan: { runner: 'github-hosted', egressCidrs: ['203.0.113.0/24'] } } }],
    ['self-hosted plans with a private endpoint', { ci: { workloadsPlan: { runner: 'self-hosted', labels: ['self-hosted', 'boomi-vpc'] } } }],
    ['no CI plans of the workloads stack', { ci: { workloadsPlan: { runner: 'none' } } }],
  ])('%s', (_title, overrides) => {
    expect(validate(overrides)).toEqual([]);
  });
});

describe('checkRules: reporting', () => {
  it('reports every problem at once, in rule order', () => {
    const issues = validate({
      availabilityZones: ['us-east-1a', 'us-west-2b', 'us-east-1c'],
      network: { vpcCidr: '10.0.0.0/8' },
      cluster: { endpoint: { publicAccess: false, privateAccess: false }, kubernetesVersion: '1.20' },
      molecule: { replicas: 25 },
    });

    expect(issues.length).toBeGreaterThanOrEqual(3);
    // The libraries' rules (rules-libs.ts) first, then the environment's in rule order.
    expect(issues.map((i) => i.path)).toEqual([
      'network.vpcCidr',
      'availabilityZones[1]',
      'cluster.endpoint.privateAccess',
      'cluster.kubernetesVersion',
      'molecule.replicas',
    ]);
  });

  it('names only the rule that fails', () => {
    expect(validate(moleculeResources('1024Mi', '1279Mi'))).toEqual([
      {
        path: 'molecule.resources.limits.memory',
        message: "('1279Mi') must be ≥ 1.25 × the memory request (1024Mi) to avoid OOM kills: raise it to 1280Mi",
      },
    ]);
  });
});

// Regressions: each of these was a bug once.
describe('checkRules: regressions', () => {
  it('reports a problem in nodeGroupDefaults once, not once per AZ', () => {
    const issues = validate({ nodeGroupDefaults: { minSize: 5, maxSize: 3, desiredSize: 3 } });
    expect(issues.filter((i) => i.path === 'nodeGroupDefaults.minSize')).toHaveLength(1);
  });

  it('reports a duplicate AZ only at availabilityZones, not at a nodeGroupDefaults.name field that does not exist', () => {
    const issues = validate({ availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1a'] });
    expect(issues.map((i) => i.path)).toEqual(['availabilityZones[2]']);
  });

  it('refuses an -Xmx it cannot read instead of silently using heapMiB', () => {
    const issues = validate({ molecule: { vmOptionsOverrides: '-Xmx4096mb' } });
    expect(issues).toContainEqual({ path: 'molecule.vmOptionsOverrides', message: expect.stringContaining('-Xmx4096mb') });
  });
});
