import { formatIssue } from '@boomi-eks/primitives';
/**
 * Config refuses what the eks, autoscaling and cluster-addons libs refuse, under the
 * environment's paths and with the libs' own words; and its schema defaults
 * are the libs' DEFAULTS.
 */
import { formatValue, type PropsIssue } from '@boomi-eks/primitives';
import { CLUSTER_DEFAULTS, NODE_GROUP_DEFAULTS, validateCluster, validateNodeGroup } from '@boomi-eks/eks/rules';
import {
  CLUSTER_AUTOSCALER_DEFAULTS,
  CLUSTER_AUTOSCALER_IMAGE_TAGS,
  KARPENTER_DEFAULTS,
  validateClusterAutoscaler,
  type KarpenterSettings as LibKarpenterSettings,
} from '@boomi-eks/autoscaling/rules';
import { NODE_LOCAL_DNS_DEFAULTS, NODE_PROBLEM_DETECTOR_DEFAULTS, validateNodeLocalDns } from '@boomi-eks/cluster-addons/rules';
import { validateEnvironment, type Environment } from './environment';
import { KUBERNETES_RELEASES } from './catalog';
import type { KarpenterSettings } from './schema-karpenter';
import { validInput, type Overrides } from '../test/valid-input';

const TODAY = new Date('2026-11-30T12:00:00Z');
/** Each issue as its path and the printed text after it (`(value) problem: fix`), the shape these expectations read. */
const issuesOf = (overrides: Overrides) => {
  const result = validateEnvironment(validInput(overrides), { today: TODAY });
  return (result.ok ? [] : result.issues).map((i) => ({ path: i.path, message: formatIssue(i).slice(i.path.length + 2) }));
};
const envOf = (overrides: Overrides = {}): Environment => {
  const result = validateEnvironment(validInput(overrides), { today: TODAY });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.environment;
};
/** How config prints a lib's issue after its path. */
const text = (i: PropsIssue) => `(${formatValue(i.value)}) ${i.message}: ${i.fix}`;

describe('config refuses what the eks lib refuses, under the config path', () => {
  it.each<[string, Overrides, Parameters<typeof validateCluster>[0], string, string]>([
    [
      'a public endpoint without CIDRs',
      { cluster: { endpoint: { publicAccess: true, publicAccessCidrs: [] } } },
      { endpointPublicAccess: true, publicAccessCidrs: [], adminPrincipalArns: ['x'] },
      'publicAccessCidrs',
      'cluster.endpoint.publicAccessCidrs',
    ],
    [
      'both endpoints off',
      { cluster: { endpoint: { publicAccess: false, publicAccessCidrs: [], privateAccess: false } }, ci: { workloadsPlan: { runner: 'none' } } },
      { endpointPublicAccess: false, endpointPrivateAccess: false, adminPrincipalArns: ['x'] },
      'endpointPrivateAccess',
      'cluster.endpoint.privateAccess',
    ],
    [
      'a service CIDR outside RFC 1918',
      { cluster: { serviceIpv4Cidr: '100.64.0.0/16' } },
      { serviceIpv4Cidr: '100.64.0.0/16', publicAccessCidrs: ['203.0.113.0/24'], adminPrincipalArns: ['x'] },
      'serviceIpv4Cidr',
      'cluster.serviceIpv4Cidr',
    ],
    [
      'no cluster admin',
      { cluster: { adminPrincipalArns: [] } },
      { publicAccessCidrs: ['203.0.113.0/24'], adminPrincipalArns: [] },
      'adminPrincipalArns',
      'cluster.adminPrincipalArns',
    ],
  ])('%s', (_title, overrides, props, libPath, configPath) => {
    const libIssue = validateCluster(props).find((i) => i.path === libPath);
    expect(libIssue).toBeDefined();
    expect(issuesOf(overrides)).toContainEqual({ path: configPath, message: text(libIssue!) });
  });

  it.each<[string, Overrides, string]>([
    ['minSize above maxSize (defaults)', { nodeGroupDefaults: { minSize: 4, maxSize: 3, desiredSize: 3 } }, 'nodeGroupDefaults'],
    ['desiredSize above maxSize (defaults)', { nodeGroupDefaults: { desiredSize: 5, maxSize: 3 } }, 'nodeGroupDefaults'],
    [
      'desiredSize below minSize (one explicit group)',
      { nodeGroups: [{ name: 'workers-a', availabilityZone: 'us-east-1a', minSize: 2, desiredSize: 1 }] },
      'nodeGroups[0]',
    ],
  ])('node group sizes: %s, once per config path', (_title, overrides, base) => {
    const issues = issuesOf(overrides);
    const group = { ...NODE_GROUP_DEFAULTS, ...(overrides.nodeGroupDefaults ?? {}), ...(overrides.nodeGroups?.[0] ?? {}) } as Parameters<typeof validateNodeGroup>[0];
    const libIssues = validateNodeGroup(group);
    expect(libIssues.length).toBeGreaterThan(0);
    for (const i of libIssues) {
      expect(issues.filter((c) => c.path === `${base}.${i.path}`)).toEqual([{ path: `${base}.${i.path}`, message: text(i) }]);
    }
  });
});

describe('config refuses what the autoscaling lib refuses, under the config path', () => {
  it.each<[string, Overrides, Parameters<typeof validateClusterAutoscaler>[0], string]>([
    ['a tag for another minor', { autoscaler: { imageTag: 'v1.32.3' } }, { kubernetesVersion: '1.36', imageTag: 'v1.32.3' }, 'imageTag'],
    [
      'a memory limit below the request',
      { autoscaler: { resources: { requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '100m', memory: '200Mi' } } } },
      { kubernetesVersion: '1.36', resources: { requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '100m', memory: '200Mi' } } },
      'resources.limits.memory',
    ],
    [
      'a cpu limit below the request',
      { autoscaler: { resources: { requests: { cpu: '200m', memory: '300Mi' }, limits: { cpu: '100m', memory: '300Mi' } } } },
      { kubernetesVersion: '1.36', resources: { requests: { cpu: '200m', memory: '300Mi' }, limits: { cpu: '100m', memory: '300Mi' } } },
      'resources.limits.cpu',
    ],
  ])('%s', (_title, overrides, input, libPath) => {
    const libIssue = validateClusterAutoscaler(input).find((i) => i.path === libPath);
    expect(libIssue).toBeDefined();
    expect(issuesOf(overrides)).toContainEqual({ path: `autoscaler.${libPath}`, message: text(libIssue!) });
  });

  it('reports a minor missing from the catalog once, at cluster.kubernetesVersion (not again as the lib’s missing tag)', () => {
    const issues = issuesOf({ cluster: { kubernetesVersion: '1.31' } }).filter((i) => i.path === 'cluster.kubernetesVersion');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('has no pinned add-on and autoscaler versions');
  });
});

describe('config refuses what the cluster-addons lib refuses, under the config path', () => {
  it.each(['10.0.0.10', '169.254.20.300', '169.254.169.254', '169.254.170.23'])('nodeLocalDns.localIp %s', (localIp) => {
    const [libIssue] = validateNodeLocalDns({ localIp });
    expect(libIssue.path).toBe('localIp');
    expect(issuesOf({ nodeLocalDns: { localIp } })).toEqual([{ path: 'nodeLocalDns.localIp', message: text(libIssue) }]);
  });
});

describe('the schema defaults are the libs’ DEFAULTS', () => {
  const env = envOf();

  it('cluster: endpoint, service CIDR, log retention, support type (eks CLUSTER_DEFAULTS)', () => {
    expect(env.cluster).toEqual(
      expect.objectContaining({
        serviceIpv4Cidr: CLUSTER_DEFAULTS.serviceIpv4Cidr,
        logRetentionDays: CLUSTER_DEFAULTS.logRetentionDays,
        supportType: CLUSTER_DEFAULTS.supportType,
      }),
    );
    expect(env.cluster.endpoint.privateAccess).toBe(CLUSTER_DEFAULTS.endpointPrivateAccess);
    expect(env.cluster.endpoint.publicAccess).toBe(CLUSTER_DEFAULTS.endpointPublicAccess);
  });

  it('node groups (eks NODE_GROUP_DEFAULTS)', () => {
    for (const g of env.nodeGroups) {
      expect(g).toEqual(
        expect.objectContaining({
          instanceTypes: NODE_GROUP_DEFAULTS.instanceTypes,
          capacityType: NODE_GROUP_DEFAULTS.capacityType,
          minSize: NODE_GROUP_DEFAULTS.minSize,
          maxSize: NODE_GROUP_DEFAULTS.maxSize,
          desiredSize: NODE_GROUP_DEFAULTS.desiredSize,
          diskSizeGiB: NODE_GROUP_DEFAULTS.diskSizeGiB,
        }),
      );
    }
  });

  it('cluster-autoscaler flags and resources (autoscaling CLUSTER_AUTOSCALER_DEFAULTS), and its tag per minor in the catalog', () => {
    expect(env.autoscaler).toEqual(expect.objectContaining(CLUSTER_AUTOSCALER_DEFAULTS));
    for (const [minor, release] of Object.entries(KUBERNETES_RELEASES)) expect(release.clusterAutoscalerImageTag).toBe(CLUSTER_AUTOSCALER_IMAGE_TAGS[minor]);
  });

  it('node-local-dns and node-problem-detector (cluster-addons DEFAULTS)', () => {
    expect(env.nodeLocalDns).toEqual(expect.objectContaining({ localIp: NODE_LOCAL_DNS_DEFAULTS.localIp, resources: NODE_LOCAL_DNS_DEFAULTS.resources }));
    expect(env.nodeHealth.resources).toEqual(NODE_PROBLEM_DETECTOR_DEFAULTS.resources);
  });

  it('Karpenter pools (autoscaling KARPENTER_DEFAULTS), and the parsed type fits the lib’s props type', () => {
    const settings: LibKarpenterSettings = env.autoscaler.karpenter satisfies KarpenterSettings;
    expect(settings).toEqual(KARPENTER_DEFAULTS);
  });
});
