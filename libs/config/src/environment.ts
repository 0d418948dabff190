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
import { ConfigError, formatPath, type ConfigIssue } from './errors';
import { checkRules } from './rules';
import { DEFAULT_HEAP_MIB, defaultForceRestartMs, effectiveHeap, forceRestartMsFromProperties, withForceRestartOverride } from './jvm';
import { memoryToMiB } from '@boomi-eks/primitives';
import { BOOMI_SANDBOX_PLATFORM_URL } from './schema-molecule';
import { capacityTypeDefaults } from './spot';
import { checkUpgradeRules } from './upgrade-rules';
import { amiTypeFor } from '@boomi-eks/eks/rules';
import type { AmiType } from './schema-upgrades';
import { checkAutoscalerKindInput } from './autoscaler-kind-rules';

export type { Environment, NodeGroup } from './environment-types';
import type { Environment, NodeGroup } from './environment-types';

export type ValidationResult =
  | { readonly ok: true; readonly environment: Environment }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

function zodIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return {
        path: path || '(root)',
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}: remove or correct the spelling`,
      };
    }
    if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
      return { path: path || '(root)', message: `is required (${issue.expected}): set it in the environment file` };
    }
    if (issue.code === 'invalid_type') {
      const kind = { array: 'a list', object: 'an object', int: 'a whole number' }[issue.expected as string] ?? `a ${issue.expected}`;
      return { path: path || '(root)', message: `(${showValue(issue.input)}) must be ${kind}` };
    }
    // The value as written first, like the rules' messages: `('us-east-9') must be …`.
    return { path: path || '(root)', message: 'input' in issue ? `(${showValue(issue.input)}) ${issue.message}` : issue.message };
  });
}

/** amiType defaults to the instance types' architecture (the eks lib's amiTypeFor; mixed types: x86_64, and the eks rule refuses them). */
function nodeImage(instanceTypes: readonly string[], amiType: AmiType | undefined, releaseVersion: string | undefined) {
  return {
    amiType: amiType ?? amiTypeFor(instanceTypes),
    ...(releaseVersion !== undefined ? { releaseVersion } : {}),
  };
}

/** A value for a message: strings quoted, long ones cut, objects as JSON. */
function showValue(value: unknown): string {
  const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  if (typeof value === 'string') return `'${cut(value)}'`;
  if (typeof value === 'object' && value !== null) {
    try {
      return cut(JSON.stringify(value));
    } catch {
      return Array.isArray(value) ? 'an array' : 'an object';
    }
  }
  return String(value);
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
  const m = parsed.molecule;
  const heap = effectiveHeap(m.vmOptionsOverrides, m.heapMiB ?? DEFAULT_HEAP_MIB, memoryToMiB(m.resources.limits.memory));
  const explicitForceRestartMs = forceRestartMsFromProperties(m.containerPropertiesOverrides);
  const forceRestartOverrideMs = explicitForceRestartMs ?? defaultForceRestartMs(m.terminationGracePeriodSeconds);
  return {
    ...parsed,
    cluster: { ...parsed.cluster, name: parsed.cluster.name ?? `${parsed.name}-boomi-molecule` },
    state: { ...parsed.state, region: parsed.state.region ?? parsed.region },
    nodeGroups,
    molecule: {
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
    },
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
  const issues = [...kindIssues, ...checkRules(environment), ...checkUpgradeRules(environment, options.today ?? new Date())];
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
