/**
 * The platform the policy tests read: every shipped environment file, plus
 * generated ones (`stage`, a copy of prod in another region, with
 * installer-token auth, a configured NLB source range and its own tags;
 * `kstage`, stage with Karpenter; `teams`, stage with two Molecules), so the
 * policies are seen to hold for environments nobody hand-checked.
 *
 * Policies iterate over `stacks` (every stack id the synthesis wrote), never
 * over a list of names: an environment file added later is covered as is.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { moleculesOf, type Environment, type MoleculeEntry } from '@boomi-eks/config';
import { readSynthesis, synthApp, type StackJson, type SynthesizedApp } from '@boomi-eks/testing';
import { buildPlatform, validateAll } from '../../src/platform';
import { loadEnvironmentFiles } from '../../src/environments/load';
import { ciAccess } from '../../src/ci';
import { SHARED_SYNTH_DIR } from '../shared-synth-setup';

/** Name of the generated environment. */
export const GENERATED_ENV = 'stage';
/** Put in the generated environment's secret name; it may only ever appear as that name. */
export const SECRET_NAME_SENTINEL = 'boomi/stage/POLICY-SENTINEL-7f3a9c';
/** The NLB source range the generated environment configures. */
export const GENERATED_SOURCE_RANGE = '198.51.100.0/24';

export interface SynthesizedStack {
  /** Stack id as synthesized (`state`, `<env>-network`, ...). */
  readonly id: string;
  /** What the stack is: `state` or the part after `<env>-`. */
  readonly kind: string;
  /** The environment the stack belongs to (undefined for the account's `state` stack). */
  readonly env?: Environment;
  readonly json: StackJson;
}

export interface SynthesizedPlatform {
  readonly envs: readonly Environment[];
  readonly stacks: readonly SynthesizedStack[];
  readonly outdir: string;
}

type Input = Record<string, any>;

/** The shipped environment files, as written (keyed by file name). */
export function shippedInputs(): Record<string, Input> {
  return loadEnvironmentFiles() as Record<string, Input>;
}

/**
 * `stage`: prod's input moved to eu-west-1. Its state stays in the account's
 * one bucket, so it names that bucket's region explicitly.
 */
export function generatedStageInput(shipped: Record<string, Input> = shippedInputs()): Input {
  const prod = shipped['prod.ts'] ?? Object.values(shipped)[0];
  const stateRegion = validateAll(shipped)[0].state.region;
  const copy: Input = structuredClone(prod);
  return {
    ...copy,
    name: GENERATED_ENV,
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    tags: { CostCenter: 'integration-stage', Owner: 'policy-tests' },
    state: { ...copy.state, region: stateRegion },
    network: { ...copy.network, vpcCidr: '10.120.0.0/16' },
    molecule: {
      ...copy.molecule,
      auth: { kind: 'installerToken', secretName: SECRET_NAME_SENTINEL },
      service: { ...(copy.molecule?.service ?? {}), sourceRanges: [GENERATED_SOURCE_RANGE] },
    },
    // Every extra on (prod's monitoring and nodeHealth, plus nodeLocalDns), and SPOT groups next to
    // the on-demand ones, so the policies are seen to hold for all of them.
    monitoring: { ...(copy.monitoring ?? {}), enabled: true },
    nodeHealth: { ...(copy.nodeHealth ?? {}), enabled: true },
    nodeLocalDns: { ...(copy.nodeLocalDns ?? {}), enabled: true },
    nodeGroups: [
      ...GENERATED_ON_DEMAND_AZS.map((az) => ({ name: az, availabilityZone: az })),
      ...GENERATED_SPOT_AZS.map((az) => ({
        name: `spot-${az}`,
        availabilityZone: az,
        capacityType: 'SPOT',
        instanceTypes: ['m5.large', 'm5a.large', 'm6i.large'],
        minSize: 0,
        maxSize: 10,
      })),
    ],
    autoscaler: { ...(copy.autoscaler ?? {}), maxNodesTotal: 100 * GENERATED_ON_DEMAND_AZS.length + 10 * GENERATED_SPOT_AZS.length },
    // The third CI path (dev: GitHub-hosted, prod: none): a runner in the VPC.
    ci: { workloadsPlan: { runner: 'self-hosted', labels: GENERATED_RUNNER_LABELS } },
  };
}

/** Name of the generated Karpenter environment (issue 20). */
export const GENERATED_KARPENTER_ENV = 'kstage';

/**
 * `kstage`: stage with `autoscaler.kind: 'karpenter'` in eu-central-1, so every
 * policy is seen to hold for Karpenter's role, queue, rules and NodePools:
 * fixed-size on-demand system groups (one node per AZ), the default NodePools.
 */
export function generatedKarpenterInput(shipped: Record<string, Input> = shippedInputs()): Input {
  const stage = generatedStageInput(shipped);
  const { nodeGroups: _groups, autoscaler: _autoscaler, ...rest } = stage;
  return {
    ...rest,
    name: GENERATED_KARPENTER_ENV,
    region: 'eu-central-1',
    availabilityZones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
    tags: { CostCenter: 'integration-kstage', Owner: 'policy-tests' },
    network: { ...rest.network, vpcCidr: '10.130.0.0/16' },
    molecule: { ...rest.molecule, auth: { kind: 'password', secretName: 'boomi/kstage/molecule' } },
    nodeGroupDefaults: { ...(rest.nodeGroupDefaults ?? {}), minSize: 1, maxSize: 1, desiredSize: 1 },
    autoscaler: { kind: 'karpenter' },
  };
}

/** Name of the generated two-Molecule environment (issue 21). */
export const GENERATED_MOLECULES_ENV = 'teams';
/** The second Molecule's secret name in `teams`: a name only, like SECRET_NAME_SENTINEL. */
export const SECOND_SECRET_NAME_SENTINEL = 'boomi/teams/team-b/POLICY-SENTINEL-2c81d4';

/**
 * `teams`: stage with a second Molecule (`additionalMolecules`) in eu-west-2:
 * its own namespace, atom name, secret, HPA bounds, resources, internal NLB
 * and EFS directory owner, so every policy is seen to hold for two Molecules
 * on one cluster.
 */
export function generatedMoleculesInput(shipped: Record<string, Input> = shippedInputs()): Input {
  const stage = generatedStageInput(shipped);
  const azs = ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'];
  const { nodeGroups: _groups, ...rest } = stage;
  return {
    ...rest,
    name: GENERATED_MOLECULES_ENV,
    region: 'eu-west-2',
    availabilityZones: azs,
    tags: { CostCenter: 'integration-teams', Owner: 'policy-tests' },
    network: { ...rest.network, vpcCidr: '10.140.0.0/16' },
    molecule: { ...rest.molecule, namespace: 'team-a', atomName: 'team-a-molecule', auth: { kind: 'password', secretName: 'boomi/teams/team-a' } },
    autoscaler: { ...(rest.autoscaler ?? {}), maxNodesTotal: 300 },
    additionalMolecules: [
      {
        name: 'team-b',
        namespace: 'team-b',
        atomName: 'team-b-molecule',
        platformUrl: 'https://platform.boomi.com',
        image: { tag: '5.0.2-rhel' },
        auth: { kind: 'installerToken', secretName: SECOND_SECRET_NAME_SENTINEL },
        service: { scheme: 'internal' },
        hpa: { minReplicas: 2, maxReplicas: 6 },
        replicas: 2,
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '3Gi' } },
        fileSystemUser: { uid: 1001, gid: 1001 },
      },
    ],
  };
}

/** The self-hosted runner labels of the generated environment's workloads plans. */
export const GENERATED_RUNNER_LABELS = ['self-hosted', 'linux', 'boomi-stage-vpc'];

/** The generated environment's on-demand groups (one per AZ, like prod) and spot groups. */
const GENERATED_ON_DEMAND_AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const GENERATED_SPOT_AZS = ['eu-west-1a', 'eu-west-1b'];

/** Which environment a stack id belongs to (the longest env name that prefixes it), and its kind. */
export function classify(id: string, envs: readonly Environment[]): { env?: Environment; kind: string } {
  const owner = envs
    .filter((e) => id.startsWith(`${e.name}-`))
    .sort((a, b) => b.name.length - a.name.length)[0];
  return owner ? { env: owner, kind: id.slice(owner.name.length + 1) } : { kind: id };
}

/** The default platform, read once per jest file (every policy module of policies.spec.ts reads it). */
let defaultPlatform: SynthesizedPlatform | undefined;

/** Validates and synthesizes the given environment inputs (default: shipped + generated, made once per jest file). */
export function synthesizePlatform(inputs?: Record<string, unknown>): SynthesizedPlatform {
  if (inputs === undefined) return (defaultPlatform ??= synthesizeInputs());
  return synthesizeInputs(inputs);
}

function synthesizeInputs(inputs?: Record<string, unknown>): SynthesizedPlatform {
  const shipped = shippedInputs();
  const all = inputs ?? {
    ...shipped,
    [`${GENERATED_ENV}.ts`]: generatedStageInput(shipped),
    [`${GENERATED_KARPENTER_ENV}.ts`]: generatedKarpenterInput(shipped),
    [`${GENERATED_MOLECULES_ENV}.ts`]: generatedMoleculesInput(shipped),
  };
  const envs = validateAll(all);
  const outdir = sharedSynthesis(all, () => {
    const app = Testing.app();
    buildPlatform(app, envs, ciAccess);
    return synthApp(app).outdir;
  });
  const stackIds = fs.readdirSync(path.join(outdir, 'stacks')).sort();
  const stacks = stackIds.map((id) => ({ id, ...classify(id, envs), json: readStack(outdir, id) }));
  return { envs, stacks, outdir };
}

function readStack(outdir: string, id: string): StackJson {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
}

/**
 * The shipped environments as a lib user's app builds them (no ci-access
 * stack), synthesized once per jest run and shared by the spec files that
 * read them (see sharedSynthesis). With the ci-access stack they are part of
 * synthesizePlatform()'s platform.
 */
export function synthesizeShipped(): SynthesizedApp {
  const inputs = shippedInputs();
  const outdir = sharedSynthesis({ shipped: inputs }, () => {
    const app = Testing.app();
    buildPlatform(app, validateAll(inputs));
    return synthApp(app).outdir;
  });
  return readSynthesis(outdir);
}

/**
 * The outdir of a synthesis of these inputs, made once per jest run: the
 * platform project's globalSetup (test/shared-synth-setup.ts) names a folder
 * where the first spec file to need a synthesis leaves it, keyed by a hash of
 * the inputs, and the others read it (the policy files all read the default
 * platform). While one worker synthesizes, a worker that needs the same
 * synthesis waits for it (a lock folder beside the target) instead of doing
 * the same work on the other core. Without that folder (another runner)
 * every call synthesizes.
 */
function sharedSynthesis(inputs: Record<string, unknown>, synthesize: () => string): string {
  const root = process.env[SHARED_SYNTH_DIR];
  if (!root) return synthesize();
  const target = path.join(root, createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 16));
  const done = () => fs.existsSync(path.join(target, 'manifest.json'));
  if (done()) return target;
  const lock = `${target}.lock`;
  let mine = false;
  try {
    fs.mkdirSync(lock);
    mine = true;
  } catch {
    // another worker is synthesizing it: wait (at most a few minutes), then read its result
    const deadline = Date.now() + SHARED_SYNTH_WAIT_MS;
    while (!done() && fs.existsSync(lock) && Date.now() < deadline) sleep(50);
    if (done()) return target;
  }
  try {
    const outdir = synthesize();
    try {
      // Whole or not at all: a parallel worker may have written the same synthesis first.
      fs.renameSync(outdir, target);
      return target;
    } catch {
      return done() ? target : outdir;
    }
  } finally {
    if (mine) fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** How long a worker waits for another's synthesis before making its own. */
const SHARED_SYNTH_WAIT_MS = 180_000;

/** Blocks this worker for `ms` (it has nothing else to do while the other synthesizes). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Every resource of every type in a stack, with its type and logical name. */
export function allResources(json: StackJson): { type: string; name: string; body: Record<string, any> }[] {
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, body]) => ({ type, name, body })),
  );
}

/** The resources of one type in a stack, with their logical names. */
export function resourcesNamed(json: StackJson, type: string): { name: string; body: Record<string, any> }[] {
  return Object.entries(json.resource?.[type] ?? {}).map(([name, body]) => ({ name, body }));
}

/** A block that cdktf may write as one object or as a list of objects, as a list. */
export function blocks(value: unknown): Record<string, any>[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, any>[];
}

/** Calls `visit` for every value in a JSON tree, with its path (`a.b[0].c`) and its key. */
export function walkJson(value: unknown, visit: (path: string, key: string, value: unknown) => void, at = ''): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      visit(`${at}[${i}]`, String(i), v);
      walkJson(v, visit, `${at}[${i}]`);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const p = at === '' ? k : `${at}.${k}`;
      visit(p, k, v);
      walkJson(v, visit, p);
    }
  }
}

/** A string that is one whole Terraform interpolation, `${...}`, and nothing around it. */
export function isWholeReference(value: unknown): boolean {
  if (typeof value !== 'string' || !value.startsWith('${')) return false;
  let depth = 0;
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '{') depth += 1;
    else if (value[i] === '}' && --depth === 0) return i === value.length - 1;
  }
  return false;
}

/** Every file the synthesis wrote (stacks, manifest, anything else), relative to the outdir. */
export function synthesizedFiles(outdir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(outdir);
  return out.sort();
}

/** Kubernetes objects of a stack's kubernetes_manifest resources. */
export function manifestsOf(json: StackJson): Record<string, any>[] {
  return Object.values(json.resource?.kubernetes_manifest ?? {}).map((r) => r.manifest as Record<string, any>);
}

/** Every Molecule of an environment with its workloads-stack objects (its namespace's manifests). */
export function moleculesIn(platform: SynthesizedPlatform, env: Environment): { entry: MoleculeEntry; manifests: Record<string, any>[] }[] {
  const workloads = platform.stacks.find((s) => s.env === env && s.kind === 'workloads')!;
  const all = manifestsOf(workloads.json);
  return moleculesOf(env).map((entry) => ({ entry, manifests: all.filter((m) => m.metadata?.namespace === entry.molecule.namespace) }));
}
