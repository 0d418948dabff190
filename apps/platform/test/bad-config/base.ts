/**
 * The valid environment every bad-config fixture starts from, and the deep
 * merge that lets a fixture change exactly one thing.
 *
 * The base spells out the fields the fixtures vary (resources, node group
 * bounds, HPA bounds), so a fixture reads as "this one value, and nothing
 * else, is wrong". `bad-config.spec.ts` checks that the base itself is valid:
 * a fixture can only fail for the reason it names.
 */

/** One bad configuration and the field the error must name. */
export interface BadConfigFixture {
  /** What is wrong, in words (the test's name). */
  readonly description: string;
  /** The `path` of the issue validateEnvironment must report, e.g. `network.vpcCidr`. */
  readonly expectPath: string;
  /**
   * Paths of the other issues this one mistake rightly causes (e.g. min above
   * max also puts desired out of bounds). Every other issue is a failure:
   * one mistake, one error. @default []
   */
  readonly alsoExpectPaths?: readonly string[];
  /** A substring of that message, when the wording matters. */
  readonly expectMessage?: string;
  /** A whole environment input, as an environment file would default-export it. */
  readonly input: Record<string, unknown>;
}

/** Put this in a patch to delete the key from the base. */
export const REMOVE = Symbol('remove this key');

/** A patch: objects merge key by key; arrays and scalars replace; REMOVE deletes. */
export type Patch = { readonly [key: string]: unknown };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of a patch value, without REMOVE markers. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== REMOVE).map(([k, v]) => [k, copy(v)]));
}

/** Returns a new value: `base` with `patch` merged over it (neither is modified). */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return copy(patch);
  const out = copy(base) as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === REMOVE) delete out[key];
    else out[key] = deepMerge(base[key], value);
  }
  return out;
}

/** A valid environment (two AZs, small node groups), every varied field explicit. */
export function validBase(): Record<string, unknown> {
  return {
    name: 'badcfg',
    region: 'us-east-1',
    accountId: '123456789012',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    tags: { CostCenter: 'bad-config-corpus' },
    state: { bucket: 'boomi-molecule-tfstate-123456789012' },
    network: { vpcCidr: '10.110.0.0/16', natGateways: 'single', flowLogRetentionDays: 14 },
    cluster: {
      kubernetesVersion: '1.36',
      serviceIpv4Cidr: '172.20.0.0/16',
      endpoint: { publicAccess: true, publicAccessCidrs: ['203.0.113.0/24'], privateAccess: true },
      adminPrincipalArns: ['arn:aws:iam::123456789012:role/PlatformAdmin'],
      logRetentionDays: 30,
    },
    nodeGroupDefaults: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 3, desiredSize: 1, diskSizeGiB: 20 },
    molecule: {
      replicas: 3,
      terminationGracePeriodSeconds: 60,
      heapMiB: 512,
      vmOptionsOverrides: '',
      containerPropertiesOverrides: '',
      resources: { requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1000m', memory: '1536Mi' } },
      platformUrl: 'https://platform.boomi.com',
      image: { repository: 'boomi/molecule', tag: '5.0.1' },
      auth: { kind: 'password', secretName: 'boomi/badcfg/molecule' },
      service: { sourceRanges: ['198.51.100.0/24'] },
      atomQueues: { inUse: false, acceptScaleDownDataLoss: false },
    },
    hpa: { enabled: true, minReplicas: 3, maxReplicas: 6, scaleDown: { enabled: true } },
    autoscaler: { enabled: true, maxNodesTotal: 6, scanInterval: '5s' },
  };
}

/** The base with one change. */
export function withOverrides(patch: Patch): Record<string, unknown> {
  return deepMerge(validBase(), patch) as Record<string, unknown>;
}
