// Property: mutate valid environments one field at a time. Every outcome is
// either a valid environment that synthesizes, or a ConfigError whose every
// issue path is a field of the schema — never any other exception, never a
// message with NaN, Infinity or undefined. fast-check with a fixed seed and
// bounded runs, so a failure reproduces exactly.
import * as fc from 'fast-check';
import { Testing } from 'cdktf';
import { ConfigError, defineEnvironment, type Environment, type EnvironmentInput } from '@boomi-eks/config';
import { buildPlatform } from '../../src/platform';
import { ciAccess } from '../../src/ci';
import { shippedInputs } from '../policy/platform-under-test';
import { validBase } from '../bad-config/base';
import { schemaHasPath, pathParts } from './schema-paths';

const SEED = 18_2026;
type Json = Record<string, any>;

/** The valid starting points: the corpus base and every shipped environment file. */
const BASES: readonly Json[] = [validBase(), ...Object.values(shippedInputs())];

/** Every path to a leaf (or an empty object/array) of an input, for the mutator to pick from. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [at] : [at, ...value.flatMap((v, i) => leafPaths(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? [at] : [...(at.length ? [at] : []), ...entries.flatMap(([k, v]) => leafPaths(v, [...at, k]))];
  }
  return [at];
}

const DELETE = Symbol('delete');
function mutate(base: Json, path: (string | number)[], value: unknown): Json {
  const copy = structuredClone(base);
  let cur: any = copy;
  for (const p of path.slice(0, -1)) cur = cur[p];
  const last = path[path.length - 1];
  if (value === DELETE) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

/** Values a user might write anywhere: wrong types, bounds, odd-but-valid quantities, AWS-shaped strings. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    DELETE, null, undefined, true, false, 0, -1, 1, 20, 63, 64, 100, 101, 3600, 3601, 65535, 65536, 1e9, NaN, Infinity, 0.5, 2.5,
    '', ' ', '0', '0.5', '1.5Gi', '1.5', '500m', '1Gi', '64Mi', '1e3', '-1', 'abc', 'latest', 'release',
    '0.0.0.0/0', '10.0.0.0/8', '172.20.0.0/33', '10.110.0.0/16', '192.168.0.0/16', '172.16.0.0/12',
    'us-east-1', 'us-east-1z', 'us-east-1e', 'us-east-9', 'eu-west-1a', 'v1.33', 'v1.33.1', '1.32', '1.99',
    'x'.repeat(64), 'x'.repeat(300), 'aws:team', 'boomi..tfstate', '-Xmx4g', '-XX:MaxRAMPercentage=95', '-XX:MaxRAM=1g',
    'ON_DEMAND', 'SPOT', 'internal', 'internet-facing', 'any', 'on-demand', '5s', '1m', '1h', 'NO_SCHEDULE',
    [], [''], ['0.0.0.0/0'], ['m5.large', 'c5.xlarge'], ['unknown.type'], {}, { unexpected: 1 },
  ),
  fc.integer({ min: -5, max: 5000 }),
  fc.string({ maxLength: 12 }),
);

const mutation = fc
  .record({ base: fc.integer({ min: 0, max: BASES.length - 1 }), pick: fc.nat(), value: anyValue, extraKey: fc.boolean() })
  .map(({ base, pick, value, extraKey }) => {
    const paths = leafPaths(BASES[base]);
    const path = paths[pick % paths.length];
    // Now and then add an unknown key next to the field instead of changing it.
    const target = extraKey && path.length > 0 ? [...path.slice(0, -1), 'unexpectedField'] : path;
    return { path: target.join('.'), input: target.length === 0 ? value : mutate(BASES[base], target, value) };
  });

type Outcome = { kind: 'valid'; env: Environment } | { kind: 'refused'; error: ConfigError };

/** Validates; any exception other than a ConfigError is rethrown, failing the property. */
function outcomeOf(input: unknown): Outcome {
  try {
    return { kind: 'valid', env: defineEnvironment(input as EnvironmentInput) };
  } catch (error) {
    if (error instanceof ConfigError) return { kind: 'refused', error };
    throw error;
  }
}

function expectRefusalIsClean(error: ConfigError) {
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    if (!schemaHasPath(issue.path)) throw new Error(`issue path '${issue.path}' is not a field of the schema (${issue.message})`);
    // The value as written leads the message, `(NaN) …`; the rest must be real numbers and words.
    const text = issue.message.replace(/^\((NaN|-?Infinity|undefined)\) /, '');
    expect(text).not.toMatch(/\bNaN\b|Infinity|\bundefined\b|\[object Object\]/);
  }
}

describe('mutating valid environments field by field', () => {
  it('the starting points are valid', () => {
    for (const b of BASES) expect(outcomeOf(b).kind).toBe('valid');
  });

  it('every outcome is a valid environment or a ConfigError naming schema fields; nothing else (600 runs)', () => {
    let valid = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutation, ({ input }) => {
        const outcome = outcomeOf(input);
        if (outcome.kind === 'refused') {
          refused += 1;
          expectRefusalIsClean(outcome.error);
        } else valid += 1;
      }),
      { seed: SEED, numRuns: 600, endOnFailure: true },
    );
    // Both kinds of outcome are exercised, not just one.
    expect(valid).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(200);
  });

  it('every mutated environment that validates also synthesizes (25 runs, each a full synth)', () => {
    let synthesized = 0;
    fc.assert(
      fc.property(mutation, ({ input }) => {
        const outcome = outcomeOf(input);
        if (outcome.kind !== 'valid') return;
        const app = Testing.app();
        const stacks = buildPlatform(app, [outcome.env], ciAccess);
        app.synth();
        expect([...stacks.keys()]).toEqual([outcome.env.name]);
        synthesized += 1;
      }),
      { seed: SEED + 1, numRuns: 25, endOnFailure: true },
    );
    expect(synthesized).toBeGreaterThan(3);
  }, 180_000);
});

describe('unusual but valid inputs are accepted', () => {
  it.each<[string, Json]>([
    ['memory as 1.5Gi and cpu as "0.5"', { molecule: { resources: { requests: { cpu: '0.5', memory: '1.5Gi' }, limits: { cpu: '1', memory: '2Gi' } } } }],
    ['cpu as "1.5" cores and memory in decimal units (2G)', { molecule: { resources: { requests: { cpu: '1.5', memory: '1200M' }, limits: { cpu: '2', memory: '2G' } } } }],
    ['a memory request of exactly 1.2 × heap', { molecule: { heapMiB: 1000, resources: { requests: { cpu: '500m', memory: '1200Mi' }, limits: { cpu: '1000m', memory: '1500Mi' } } } }],
    ['hpa.minReplicas equal to maxReplicas', { hpa: { minReplicas: 3, maxReplicas: 3 }, molecule: { replicas: 3 } }],
    ['heapMiB at its minimum, 64', { molecule: { heapMiB: 64 } }],
    ['diskSizeGiB at its minimum, 20', { nodeGroupDefaults: { diskSizeGiB: 20 } }],
    ['hpa.memoryUtilization at its maximum, 100', { hpa: { memoryUtilization: 100 } }],
    ['a stabilization window at its maximum, 3600 s', { hpa: { scaleDown: { stabilizationWindowSeconds: 3600 } } }],
    ['an autoscaler image tag with its patch part', { autoscaler: { imageTag: 'v1.33.0' } }],
    ['a /12 service CIDR (the largest EKS takes)', { cluster: { serviceIpv4Cidr: '172.16.0.0/12' } }],
    ['a /24 service CIDR (the smallest EKS takes)', { cluster: { serviceIpv4Cidr: '192.168.200.0/24' } }],
  ])('%s', (_what, patch) => {
    const input = structuredClone(validBase());
    const merge = (t: Json, p: Json) => {
      for (const [k, v] of Object.entries(p)) {
        if (v && typeof v === 'object' && !Array.isArray(v) && t[k] && typeof t[k] === 'object') merge(t[k], v);
        else t[k] = v;
      }
    };
    merge(input, patch);
    const outcome = outcomeOf(input);
    expect(outcome.kind === 'refused' ? outcome.error.issues : []).toEqual([]);
  });
});

describe('schemaHasPath', () => {
  it.each(['name', 'nodeGroups[3].diskSizeGiB', 'tags.aws:team', 'autoscaler.extraArgs.--scan-interval', 'molecule.resources.requests.memory', '(root)'])('knows %s', (p) => {
    expect(schemaHasPath(p)).toBe(true);
  });
  it.each(['nme', 'nodeGroups.name', 'molecule.resources.requests.disk', 'cluster.endpoint.publicAccessCidrs.x'])('refuses %s', (p) => {
    expect(schemaHasPath(p)).toBe(false);
  });
  it('splits paths into parts', () => {
    expect(pathParts('a.b[2].c')).toEqual(['a', 'b', 2, 'c']);
  });
});
