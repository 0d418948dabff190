/**
 * Turns what an environment file writes into a validated `Environment`, or a
 * `ConfigError` listing every problem. Nothing downstream sees unvalidated data.
 */
import type { z } from 'zod';
import {
  EnvironmentSchema,
  type EnvironmentInput,
  type NodeGroupEntry,
  type ParsedEnvironment,
} from './schema';
import { ConfigError, formatPath, splitMessageAndFix, type ConfigIssue } from './errors';
import { checkRules } from './rules';
import { checkLibRules } from './rules-libs';
import { DEFAULT_HEAP_MIB, defaultForceRestartMs, effectiveHeap, forceRestartMsFromProperties, withForceRestartOverride } from './jvm';
import { memoryToMiB } from '@boomi-eks/primitives';
import { BOOMI_SANDBOX_PLATFORM_URL } from './schema-molecule';
import { capacityTypeDefaults } from './spot';
import { checkUpgradeRules } from './upgrade-rules';
import { amiTypeFor } from '@boomi-eks/eks/rules';
import type { AmiType } from './schema-upgrades';
import { checkAutoscalerKindInput } from './autoscaler-kind-rules';

export type { AdditionalMolecule, Environment, MoleculeDerived, NodeGroup } from './environment-types';
import type { Environment, MoleculeDerived, NodeGroup } from './environment-types';

export type ValidationResult =
  | { readonly ok: true; readonly environment: Environment }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/** The schema's issues in the one issue shape: the value as written, the problem, and the fix. */
function zodIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path) || '(root)';
    if (issue.code === 'unrecognized_keys') {
      return {
        path,
        value: issue.keys.length === 1 ? issue.keys[0] : issue.keys,
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
        fix: 'remove or correct the spelling',
      };
    }
    if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
      return { path, value: undefined, message: `is required (${issue.expected})`, fix: 'set it in the environment file' };
    }
    if (issue.code === 'invalid_type') {
      const kind = { array: 'a list', object: 'an object', int: 'a whole number' }[issue.expected as string] ?? `a ${issue.expected}`;
      return { path, value: issue.input, message: `must be ${kind}`, fix: '' };
    }
    // A schema message may carry its fix after `: ` (`must list at least one port: an empty list …`).
    return { path, value: 'input' in issue ? issue.input : undefined, ...splitMessageAndFix(issue.message) };
  });
}

/** amiType defaults to the instance types' architecture (the eks lib's amiTypeFor; mixed types: x86_64, and the eks rule refuses them). */
function nodeImage(instanceTypes: readonly string[], amiType: AmiType | undefined, releaseVersion: string | undefined) {
  return {
    amiType: amiType ?? amiTypeFor(instanceTypes),
    ...(releaseVersion !== undefined ? { releaseVersion } : {}),
  };
}

function resolve(parsed: ParsedEnvironment): Environment {
  const d = parsed.nodeGroupDefaults;
  const explicit = parsed.nodeGroups !== undefined;
  const entries: NodeGroupEntry[] =
    parsed.nodeGroups ?? parsed.availabilityZones.map((az) => ({ name: az, availabilityZone: az }));
  const nodeGroups: NodeGroup[] = entries.map((g, i) => {
    const capacityType = g.capacityType ?? d.capacityType;
    // SPOT groups get their label and PreferNoSchedule taint here, in one place (spot.ts).
    const { labels, taints } = capacityTypeDefaults({ capacityType, labels: { ...d.labels, ...g.labels }, taints: g.taints ?? d.taints });
    return {
      name: g.name,
      availabilityZone: g.availabilityZone,
      instanceTypes: g.instanceTypes ?? d.instanceTypes,
      capacityType,
      minSize: g.minSize ?? d.minSize,
      maxSize: g.maxSize ?? d.maxSize,
      desiredSize: g.desiredSize ?? d.desiredSize,
      diskSizeGiB: g.diskSizeGiB ?? d.diskSizeGiB,
      labels,
      taints,
      configPath: explicit ? `nodeGroups[${i}]` : 'nodeGroupDefaults',
      ...nodeImage(g.instanceTypes ?? d.instanceTypes, g.amiType ?? d.amiType, g.releaseVersion ?? d.releaseVersion),
    };
  });
  return {
    ...parsed,
    cluster: { ...parsed.cluster, name: parsed.cluster.name ?? `${parsed.name}-boomi-molecule` },
    state: { ...parsed.state, region: parsed.state.region ?? parsed.region },
    nodeGroups,
    molecule: resolveMolecule(parsed.molecule),
    additionalMolecules: parsed.additionalMolecules.map((a) => resolveMolecule({ ...a, containerName: a.containerName ?? a.atomName })),
  };
}

/** A Molecule's derived values (the first and each additional one alike). */
function resolveMolecule<M extends ParsedEnvironment['molecule']>(m: M): M & MoleculeDerived {
  const heap = effectiveHeap(m.vmOptionsOverrides, m.heapMiB ?? DEFAULT_HEAP_MIB, memoryToMiB(m.resources.limits.memory));
  const explicitForceRestartMs = forceRestartMsFromProperties(m.containerPropertiesOverrides);
  const forceRestartOverrideMs = explicitForceRestartMs ?? defaultForceRestartMs(m.terminationGracePeriodSeconds);
  return {
    ...m,
    effectiveHeapMiB: heap.mib,
    effectiveHeap: heap,
    // Seed 000's grace rule holds by default: Boomi's own default (10 min) would exceed the grace.
    containerPropertiesOverrides:
      explicitForceRestartMs === undefined
        ? withForceRestartOverride(m.containerPropertiesOverrides, forceRestartOverrideMs)
        : m.containerPropertiesOverrides,
    forceRestartOverrideMs,
    forceRestartOverrideIsDefault: explicitForceRestartMs === undefined,
    // Left out only in a sandbox environment (the platformUrl rule refuses it elsewhere).
    platformUrl: m.platformUrl ?? (m.sandbox ? BOOMI_SANDBOX_PLATFORM_URL : undefined),
  };
}

/** What validation judges against besides the input. */
export interface ValidationOptions {
  /**
   * The day the Kubernetes lifecycle rules judge against (a minor past the end
   * of extended support is refused). Injected so rules never read the clock.
   * @default - now
   */
  readonly today?: Date;
}

/** Validates without throwing: every problem at once, or the environment. */
export function validateEnvironment(input: unknown, options: ValidationOptions = {}): ValidationResult {
  const parsed = EnvironmentSchema.safeParse(input, { reportInput: true });
  // Which autoscaler's fields were written is judged on the input (issue 20): the schema fills in defaults.
  const kindIssues = checkAutoscalerKindInput(input);
  if (!parsed.success) return { ok: false, issues: [...zodIssues(parsed.error), ...kindIssues] };
  const environment = resolve(parsed.data);
  const issues = [
    ...kindIssues,
    // The libraries' own rules (their validators, under the environment's paths), then the environment's.
    ...checkLibRules(environment),
    ...checkRules(environment),
    ...checkUpgradeRules(environment, options.today ?? new Date()),
  ];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, environment };
}

/**
 * The entry point of every environment file: returns the validated environment
 * or throws a ConfigError naming every bad field and its fix.
 */
export function defineEnvironment(input: EnvironmentInput, options: ValidationOptions = {}): Environment {
  const result = validateEnvironment(input, options);
  if (!result.ok) {
    const name = typeof (input as { name?: unknown })?.name === 'string' ? (input as { name: string }).name : '?';
    throw new ConfigError(name, result.issues);
  }
  return result.environment;
}
