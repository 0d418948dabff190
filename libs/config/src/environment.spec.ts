import { defineEnvironment, validateEnvironment, type Environment, type ValidationResult } from './environment';
import { InvalidPropsError } from '@boomi-eks/primitives';
import { ConfigError } from './errors';
import type { EnvironmentInput } from './schema';

import { deepMerge, validInput, type DeepPartial, printed } from '../test/valid-input';

function issuesOf(result: ValidationResult): readonly { path: string; message: string }[] {
  return result.ok ? [] : printed(result.issues);
}

/** Reads `a.b[0].c` out of an object, for the defaults table. */
function at(obj: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((k) => k !== undefined && k !== '')
    .reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], obj);
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

// ---------------------------------------------------------------------------

describe('validateEnvironment: the minimal input', () => {
  const result = validateEnvironment(validInput());

  it('is valid', () => {
    expect(issuesOf(result)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('keeps what it was given', () => {
    const env = defineEnvironment(validInput());
    expect(env.name).toBe('dev');
    expect(env.region).toBe('us-east-1');
    expect(env.accountId).toBe('123456789012');
    expect(env.availabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(env.state.bucket).toBe('dev-boomi-tf-state');
    expect(env.cluster.adminPrincipalArns).toEqual(['arn:aws:iam::123456789012:role/platform-admin']);
    expect(env.cluster.endpoint.publicAccessCidrs).toEqual(['203.0.113.0/24']);
    expect(env.molecule.auth.secretName).toBe('boomi/dev/molecule');
  });
});

describe('a sandbox environment with a mutable tag (seed 000 exactly)', () => {
  const input = validInput();
  const env = defineEnvironment({
    ...input,
    molecule: { auth: input.molecule.auth, service: input.molecule.service, sandbox: true, image: { allowMutableTag: true } },
  });
  it("takes seed 000's sandbox URL and its 'release' tag", () => {
    expect(env.molecule.platformUrl).toBe('https://starlord.sandbox.boomi.com');
    expect(env.molecule.image.tag).toBe('release');
  });
});

describe('defaults (seed 000 unless noted)', () => {
  const env: Environment = defineEnvironment(validInput());

  it.each<[string, unknown]>([
    // network
    ['network.vpcCidr', '10.100.0.0/16'],
    ['network.natGateways', 'one-per-az'],
    // cluster
    ['cluster.kubernetesVersion', '1.36'],
    ['cluster.supportType', 'STANDARD'],
    ['cluster.name', 'dev-boomi-molecule'],
    // state
    ['state.region', 'us-east-1'],
    // molecule
    ['molecule.image.repository', 'boomi/molecule'],
    ['molecule.replicas', 3],
    ['molecule.terminationGracePeriodSeconds', 60],
    ['molecule.resources.requests.cpu', '500m'],
    ['molecule.resources.requests.memory', '1024Mi'],
    ['molecule.resources.limits.cpu', '1000m'],
    ['molecule.resources.limits.memory', '1536Mi'],
    ['molecule.storageSize', '5Gi'],
    ['molecule.atomName', 'boomi-molecule-eks'],
    ['molecule.containerName', 'boomi-molecule-eks'],
    ['molecule.service.port', 80],
    ['molecule.service.targetPort', 9090],
    ['molecule.service.scheme', 'internet-facing'],
    ['molecule.probes.startupFailureThreshold', 60],
    ['molecule.probes.readinessPeriodSeconds', 10],
    ['molecule.probes.readinessInitialDelaySeconds', 10],
    ['molecule.probes.livenessPeriodSeconds', 60],
    ['molecule.heapMiB', 512],
    ['molecule.effectiveHeapMiB', 512],
    // hpa
    ['hpa.minReplicas', 3],
    ['hpa.maxReplicas', 20],
    ['hpa.cpuUtilization', 50],
    ['hpa.memoryUtilization', 50],
    ['hpa.scaleDown.stabilizationWindowSeconds', 60],
    // cluster autoscaler
    ['autoscaler.expander', 'least-waste'],
    ['autoscaler.balanceSimilarNodeGroups', true],
    ['autoscaler.skipNodesWithLocalStorage', false],
    ['autoscaler.skipNodesWithSystemPods', false],
    ['autoscaler.scaleDownUnneededTime', '1m'],
    ['autoscaler.scaleDownDelayAfterAdd', '1m'],
    ['autoscaler.scaleDownDelayAfterFailure', '1m'],
    ['autoscaler.scanInterval', '5s'],
    ['autoscaler.maxNodesTotal', 300],
    ['autoscaler.resources.requests.cpu', '100m'],
    ['autoscaler.resources.requests.memory', '300Mi'],
    ['autoscaler.resources.limits.cpu', '100m'],
    ['autoscaler.resources.limits.memory', '300Mi'],
  ])('%s defaults to %p', (path, expected) => {
    expect(at(env, path)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['tags', {}],
    ['network.flowLogRetentionDays', 30],
    ['cluster.endpoint.publicAccess', true],
    ['cluster.endpoint.privateAccess', true],
    ['cluster.serviceIpv4Cidr', '172.20.0.0/16'],
    ['cluster.logRetentionDays', 90],
    ['molecule.namespace', 'boomi'],
    ['molecule.vmOptionsOverrides', ''],
    // Seed 000's grace rule holds by default: 75 % of the 60 s grace, passed to the Molecule.
    ['molecule.containerPropertiesOverrides', 'com.boomi.container.elasticity.forceRestartOverride=45000'],
    ['molecule.forceRestartOverrideMs', 45000],
    ['molecule.forceRestartOverrideIsDefault', true],
    ['molecule.tmpfsMedium', 'Disk'],
    ['molecule.zoneSpread', 'required'],
    ['molecule.sandbox', false],
    ['molecule.image.allowMutableTag', false],
    ['molecule.image.digest', undefined],
    ['molecule.image.pullPolicy', undefined],
    ['molecule.networkPolicy', { enabled: true, platformCidrs: ['0.0.0.0/0'], extraEgress: [] }],
    ['molecule.fileSystemUser', { uid: 1000, gid: 1000 }],
    ['molecule.auth.kind', 'password'],
    ['molecule.auth.refreshInterval', '1h'],
    ['ci.workloadsPlan', { runner: 'none' }],
    ['molecule.atomQueues', { inUse: false, acceptScaleDownDataLoss: false }],
    ['hpa.enabled', true],
    ['hpa.scaleDown.enabled', true],
    ['autoscaler.enabled', true],
    ['autoscaler.imageTag', undefined],
    ['autoscaler.extraArgs', {}],
    ['metricsServer.enabled', true],
    // the extras (seeds 001, 002, 004): off unless an environment turns them on
    ['molecule.placement', 'on-demand'],
    ['molecule.metrics', { path: '/metrics' }],
    ['nodeHealth.enabled', false],
    ['nodeHealth.autoRepair', true],
    ['nodeHealth.maxParallelRepairs', 1],
    ['nodeHealth.resources', { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } }],
    ['nodeLocalDns.enabled', false],
    ['nodeLocalDns.localIp', '169.254.20.10'],
    ['nodeLocalDns.resources', { requests: { cpu: '25m', memory: '128Mi' }, limits: { cpu: '200m', memory: '128Mi' } }],
    ['monitoring.enabled', false],
    ['monitoring.namespace', 'monitoring'],
    ['monitoring.retention', '10d'],
    ['monitoring.nodeExporterResources', { requests: { cpu: '25m', memory: '48Mi' }, limits: { cpu: '250m', memory: '128Mi' } }],
    ['monitoring.valuesOverride', {}],
  ])('%s defaults to %p (not from seed 000)', (path, expected) => {
    expect(at(env, path)).toEqual(expected);
  });

  it('creates one node group per AZ, named after it, from nodeGroupDefaults', () => {
    const group = (az: string) => ({
      name: az,
      availabilityZone: az,
      instanceTypes: ['m5.large'],
      capacityType: 'ON_DEMAND',
      minSize: 1,
      maxSize: 100,
      desiredSize: 1,
      diskSizeGiB: 20,
      labels: {},
      taints: [],
      configPath: 'nodeGroupDefaults',
      amiType: 'AL2023_x86_64_STANDARD',
    });
    expect(env.nodeGroups).toEqual([group('us-east-1a'), group('us-east-1b'), group('us-east-1c')]);
  });

  it('follows the AZ list for the default node groups', () => {
    const two = defineEnvironment(validInput({ availabilityZones: ['us-east-1d', 'us-east-1f'] }));
    expect(two.nodeGroups.map((g) => [g.name, g.availabilityZone])).toEqual([
      ['us-east-1d', 'us-east-1d'],
      ['us-east-1f', 'us-east-1f'],
    ]);
  });
});

describe('derived values', () => {
  it('names the cluster after the environment', () => {
    expect(defineEnvironment(validInput({ name: 'prod-eu' })).cluster.name).toBe('prod-eu-boomi-molecule');
  });

  it('keeps an explicit cluster name', () => {
    expect(defineEnvironment(validInput({ cluster: { name: 'shared-molecule' } })).cluster.name).toBe('shared-molecule');
  });

  it('puts the state bucket in the environment region unless told otherwise', () => {
    const eu = validInput({ region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    expect(defineEnvironment(eu).state.region).toBe('eu-west-1');
    expect(defineEnvironment({ ...eu, state: { bucket: 'b-tf-state', region: 'us-east-1' } }).state.region).toBe('us-east-1');
  });

  it('takes the heap from -Xmx before heapMiB', () => {
    const env = defineEnvironment(
      validInput({
        molecule: {
          vmOptionsOverrides: '-Xms256m|-Xmx1g|-XX:+UseG1GC',
          heapMiB: 768,
          resources: { requests: { cpu: '500m', memory: '1280Mi' }, limits: { cpu: '1000m', memory: '1600Mi' } },
        },
      }),
    );
    expect(env.molecule.effectiveHeapMiB).toBe(1024);
  });

  it('takes the heap from heapMiB without -Xmx', () => {
    const env = defineEnvironment(validInput({ molecule: { vmOptionsOverrides: '-XX:+UseG1GC', heapMiB: 768 } }));
    expect(env.molecule.effectiveHeapMiB).toBe(768);
  });

  it('reads the force-restart override in milliseconds, and keeps an explicit one as given', () => {
    const env = defineEnvironment(
      validInput({ molecule: { containerPropertiesOverrides: 'a=1|com.boomi.container.elasticity.forceRestartOverride=30000' } }),
    );
    expect(env.molecule.forceRestartOverrideMs).toBe(30000);
    expect(env.molecule.forceRestartOverrideIsDefault).toBe(false);
    expect(env.molecule.containerPropertiesOverrides).toBe('a=1|com.boomi.container.elasticity.forceRestartOverride=30000');
  });

  it('appends the default override (75 % of the grace) to other properties', () => {
    const env = defineEnvironment(validInput({ molecule: { terminationGracePeriodSeconds: 120, containerPropertiesOverrides: 'a=1' } }));
    expect(env.molecule.forceRestartOverrideMs).toBe(90000);
    expect(env.molecule.containerPropertiesOverrides).toBe('a=1|com.boomi.container.elasticity.forceRestartOverride=90000');
  });
});

describe('explicit node groups', () => {
  const env = defineEnvironment(
    validInput({
      nodeGroupDefaults: { instanceTypes: ['m6i.xlarge'], maxSize: 10, labels: { team: 'integration' } },
      nodeGroups: [
        {
          name: 'spot-a',
          availabilityZone: 'us-east-1a',
          capacityType: 'SPOT',
          instanceTypes: ['m5.xlarge', 'm5a.xlarge'],
          minSize: 0,
          maxSize: 30,
          desiredSize: 2,
          diskSizeGiB: 50,
          labels: { pool: 'spot' },
          taints: [{ key: 'spot', value: 'true', effect: 'NO_SCHEDULE' }],
        },
        { name: 'ondemand-b', availabilityZone: 'us-east-1b' },
      ],
    }),
  );

  it('replaces the per-AZ default groups', () => {
    expect(env.nodeGroups.map((g) => g.name)).toEqual(['spot-a', 'ondemand-b']);
  });

  it('lets every field a group sets win over nodeGroupDefaults', () => {
    expect(env.nodeGroups[0]).toEqual({
      name: 'spot-a',
      availabilityZone: 'us-east-1a',
      instanceTypes: ['m5.xlarge', 'm5a.xlarge'],
      capacityType: 'SPOT',
      minSize: 0,
      maxSize: 30,
      desiredSize: 2,
      diskSizeGiB: 50,
      // The SPOT label is added; the group's own (stricter) `spot` taint replaces the default one.
      labels: { team: 'integration', pool: 'spot', 'node.boomi.io/capacity': 'spot' },
      taints: [{ key: 'spot', value: 'true', effect: 'NO_SCHEDULE' }],
      configPath: 'nodeGroups[0]',
      amiType: 'AL2023_x86_64_STANDARD',
    });
  });

  it('fills every field a group leaves out from nodeGroupDefaults, then the schema defaults', () => {
    expect(env.nodeGroups[1]).toEqual({
      name: 'ondemand-b',
      availabilityZone: 'us-east-1b',
      instanceTypes: ['m6i.xlarge'],
      capacityType: 'ON_DEMAND',
      minSize: 1,
      maxSize: 10,
      desiredSize: 1,
      diskSizeGiB: 20,
      labels: { team: 'integration' },
      taints: [],
      configPath: 'nodeGroups[1]',
      amiType: 'AL2023_x86_64_STANDARD',
    });
  });
});

describe('schema problems', () => {
  it.each<[string, unknown, string]>([
    ['(root)', { typo: true }, "unknown field 'typo': remove or correct the spelling"],
    ['molecule.image', { molecule: { image: { tga: 'x' } } }, "unknown field 'tga'"],
    ['network', { network: { vpc: 'a', nat: 'b' } }, "unknown fields 'vpc', 'nat'"],
  ])('reports an unknown key at %s', (path, extra, fragment) => {
    const issues = issuesOf(validateEnvironment(deepMerge(validInput(), extra)));
    expect(issues).toEqual([{ path, message: expect.stringContaining(fragment) }]);
  });

  it('reports a missing molecule.auth.secretName as required', () => {
    const input = validInput();
    const { secretName: _omitted, ...auth } = input.molecule.auth;
    const issues = issuesOf(validateEnvironment({ ...input, molecule: { ...input.molecule, auth } }));
    expect(issues).toEqual([{ path: 'molecule.auth.secretName', message: expect.stringContaining('is required') }]);
  });

  it.each<[string, DeepPartial<EnvironmentInput>, string]>([
    ['accountId', { accountId: '1234' }, 'must be a 12-digit AWS account id'],
    ['region', { region: 'US-EAST-1' }, 'must be an AWS region code'],
    ['network.vpcCidr', { network: { vpcCidr: '10.100.0.1/16' } }, 'host bits zero'],
    ['cluster.endpoint.publicAccessCidrs[1]', { cluster: { endpoint: { publicAccessCidrs: ['203.0.113.0/24', 'office'] } } }, 'IPv4 CIDR'],
    ['cluster.adminPrincipalArns', { cluster: { adminPrincipalArns: [] } }, 'nobody can administer the cluster'],
    ['cluster.adminPrincipalArns[0]', { cluster: { adminPrincipalArns: ['admin'] } }, 'must be an IAM role or user ARN'],
    [
      'molecule.resources.requests.memory',
      { molecule: { resources: { requests: { cpu: '500m', memory: '1GB' }, limits: { cpu: '1', memory: '2Gi' } } } },
      'must be a memory quantity',
    ],
    ['autoscaler.scanInterval', { autoscaler: { scanInterval: '5 seconds' } }, 'must be a duration'],
    ['network.flowLogRetentionDays', { network: { flowLogRetentionDays: 31 } }, "CloudWatch's retention periods"],
  ])('reports %s with its fix', (path, overrides, fragment) => {
    expect(issuesOf(validateEnvironment(validInput(overrides)))).toEqual([
      { path, message: expect.stringContaining(fragment) },
    ]);
  });
});

describe('defineEnvironment', () => {
  it('returns the validated environment', () => {
    expect(defineEnvironment(validInput()).nodeGroups).toHaveLength(3);
  });

  it('throws a ConfigError naming every bad field, with its issues exposed', () => {
    const input = validInput({
      network: { vpcCidr: '10.0.0.0/8' },
      cluster: { kubernetesVersion: '1.20' },
      molecule: { replicas: 25 },
    });

    const error = thrownBy(() => defineEnvironment(input));

    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.name).toBe('ConfigError');
    expect(configError.environment).toBe('dev');
    expect(configError.issues.map((i) => i.path)).toEqual(['network.vpcCidr', 'cluster.kubernetesVersion', 'molecule.replicas']);
    expect(configError.message).toContain("environment 'dev' is invalid (3 problems)");
    expect(configError.message).toContain("  - network.vpcCidr: ('10.0.0.0/8') must be a /16 to /22");
    expect(configError.message).toContain("  - cluster.kubernetesVersion: ('1.20') has no pinned");
    // One error class: an InvalidPropsError whose issues carry the value and the fix apart.
    expect(configError).toBeInstanceOf(InvalidPropsError);
    expect(configError.issues[1]).toEqual({
      path: 'cluster.kubernetesVersion',
      value: '1.20',
      message: 'has no pinned add-on and autoscaler versions',
      fix: 'use one of 1.32, 1.33, 1.34, 1.35, 1.36 or add it to KUBERNETES_RELEASES in libs/config/src/catalog.ts',
    });
    expect(configError.message).toContain('  - molecule.replicas: (25) must be between hpa.minReplicas (3) and hpa.maxReplicas (20)');
  });

  it('throws with the schema problem path too', () => {
    expect(() => defineEnvironment(validInput({ accountId: 'abc' }))).toThrow(/accountId: \('abc'\) must be a 12-digit AWS account id/);
  });

  it('says "1 problem" in the singular', () => {
    expect(() => defineEnvironment(validInput({ molecule: { replicas: 2 } }))).toThrow(
      "environment 'dev' is invalid (1 problem):\n  - molecule.replicas: (2) must be between",
    );
  });
});

describe('the extras sections', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a link-local IP outside 169.254.0.0/16', { nodeLocalDns: { localIp: '10.0.0.10' } }, 'nodeLocalDns.localIp'],
    ['a link-local IP with an octet above 255', { nodeLocalDns: { localIp: '169.254.20.300' } }, 'nodeLocalDns.localIp'],
    ['the instance metadata address as the cache IP', { nodeLocalDns: { localIp: '169.254.169.254' } }, 'nodeLocalDns.localIp'],
    ['the EKS Pod Identity agent address as the cache IP', { nodeLocalDns: { localIp: '169.254.170.23' } }, 'nodeLocalDns.localIp'],
    ['a retention that is not a duration', { monitoring: { retention: '10 days' } }, 'monitoring.retention'],
    ['a monitoring namespace that is not a DNS label', { monitoring: { namespace: 'Monitoring' } }, 'monitoring.namespace'],
    ['zero parallel repairs', { nodeHealth: { maxParallelRepairs: 0 } }, 'nodeHealth.maxParallelRepairs'],
    ['a metrics path without a leading slash', { molecule: { metrics: { path: 'metrics' } } }, 'molecule.metrics.path'],
    ['a metrics port above 65535', { molecule: { metrics: { port: 70000 } } }, 'molecule.metrics.port'],
    ['a misspelt key in nodeHealth', { nodeHealth: { enable: true } }, 'nodeHealth'],
  ])('refuses %s, naming %s', (_what, overrides, path) => {
    expect(issuesOf(validateEnvironment(validInput(overrides as never))).map((i) => i.path)).toContain(path);
  });

  it('names the reserved address it refuses', () => {
    const issues = issuesOf(validateEnvironment(validInput({ nodeLocalDns: { localIp: '169.254.169.254' } } as never)));
    expect(issues).toEqual([{ path: 'nodeLocalDns.localIp', message: expect.stringContaining('the instance metadata service') }]);
  });

  it('accepts every extra turned on with its defaults', () => {
    expect(issuesOf(validateEnvironment(validInput({ nodeHealth: { enabled: true }, nodeLocalDns: { enabled: true }, monitoring: { enabled: true } } as never)))).toEqual([]);
  });
});
