/**
 * The resource address contract: for every stack that `npm run synth` writes,
 * where its state lives and the Terraform address (`type.name`, data sources as
 * `data.type.name`) of everything in it. cdktf derives each name from the
 * construct path, so renaming a construct id or moving a construct changes the
 * address, and Terraform then destroys the old object and creates a new one.
 * The committed contract turns that into a failing test until the change is
 * made on purpose (`npm run contract:update`), with the state moved.
 *
 * The stacks are whatever the app synthesizes: a stack added later (ci-access,
 * a new environment) shows up as "new stack" until the contract is updated.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workspaceRoot } from '@boomi-eks/testing';

/** Where the contract lives, relative to the workspace root. */
export const CONTRACT_FILE = 'apps/platform/contract/resource-addresses.json';

export interface StackContract {
  /** Backend type and state key (or local path): moving it orphans the state. */
  readonly state: string;
  /** Sorted addresses of every resource and data source of the stack. */
  readonly addresses: readonly string[];
}

export interface Contract {
  readonly stacks: Readonly<Record<string, StackContract>>;
}

interface StackJson {
  terraform?: { backend?: Record<string, { key?: string; path?: string }> };
  resource?: Record<string, Record<string, unknown>>;
  data?: Record<string, Record<string, unknown>>;
  moved?: { from: string; to: string }[];
}

/** One stack's contract, from its synthesized Terraform JSON. */
export function stackContract(json: StackJson): StackContract {
  const addresses = [
    ...Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)),
    ...Object.entries(json.data ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `data.${type}.${name}`)),
  ].sort();
  const [backendType = 'local', config = {}] = Object.entries(json.terraform?.backend ?? {})[0] ?? [];
  const location = config.key ?? config.path ?? 'terraform.tfstate';
  return { state: `${backendType}:${location}`, addresses };
}

/** The stacks of a synthesized app folder (`<outdir>/stacks/<stack>/cdk.tf.json`). */
export function readSynthesized(outdir: string): { contract: Contract; moved: Map<string, Map<string, string>> } {
  const stacksDir = path.join(outdir, 'stacks');
  const stacks: Record<string, StackContract> = {};
  const moved = new Map<string, Map<string, string>>();
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, 'cdk.tf.json');
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as StackJson;
    stacks[stack] = stackContract(json);
    moved.set(stack, new Map((json.moved ?? []).map((m) => [m.from, m.to])));
  }
  return { contract: { stacks }, moved };
}

/**
 * Runs the app exactly as `npm run synth` does (same entry point, same
 * environment files), into a temporary folder, and reads its stacks.
 */
export function synthesizeApp(): ReturnType<typeof readSynthesized> {
  const root = workspaceRoot();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir, CI: 'true', CHECKPOINT_DISABLE: '1' };
    delete env.BOOMI_ENVIRONMENTS_DIR; // the shipped environments, nothing else
    const run = spawnSync(
      process.execPath,
      ['tools/synth/synth.js'], // what `npm run synth` runs
      { cwd: root, env, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`synth failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
    return readSynthesized(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

export function readContract(root = workspaceRoot()): Contract {
  const file = path.join(root, CONTRACT_FILE);
  if (!fs.existsSync(file)) return { stacks: {} };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Contract;
}

export function writeContract(contract: Contract, root = workspaceRoot()): void {
  const file = path.join(root, CONTRACT_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body = {
    '//': [
      'Terraform addresses of every stack `npm run synth` writes, checked by apps/platform/test/contract/contract.spec.ts.',
      'An address that disappears is infrastructure Terraform would destroy; one that appears, infrastructure it would create.',
      'Update only on purpose, after moving state: npm run contract:update (README: "Resource address contract").',
    ],
    stacks: Object.fromEntries(Object.entries(contract.stacks).sort(([a], [b]) => a.localeCompare(b))),
  };
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}

/** How one stack differs from the contract. */
export interface StackDifference {
  readonly stack: string;
  readonly kind: 'new stack' | 'removed stack' | 'changed';
  /** In the contract, no longer synthesized: Terraform would destroy these. */
  readonly removed: readonly string[];
  /** Synthesized, not in the contract: Terraform would create these. */
  readonly added: readonly string[];
  readonly stateBefore?: string;
  readonly stateAfter?: string;
  /** removed → added pairs that a `moved` block in the code already covers. */
  readonly movedByCode: ReadonlyMap<string, string>;
}

export function compareContracts(
  expected: Contract,
  actual: Contract,
  moved: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(),
): StackDifference[] {
  const names = [...new Set([...Object.keys(expected.stacks), ...Object.keys(actual.stacks)])].sort();
  const out: StackDifference[] = [];
  for (const stack of names) {
    const before = expected.stacks[stack];
    const after = actual.stacks[stack];
    const was = new Set(before?.addresses ?? []);
    const now = new Set(after?.addresses ?? []);
    const removed = [...was].filter((a) => !now.has(a));
    const added = [...now].filter((a) => !was.has(a));
    const stateChanged = before && after && before.state !== after.state;
    if (removed.length === 0 && added.length === 0 && !stateChanged) continue;
    const movedByCode = new Map([...(moved.get(stack) ?? new Map())].filter(([from, to]) => was.has(from) && now.has(to)));
    out.push({
      stack,
      kind: !before ? 'new stack' : !after ? 'removed stack' : 'changed',
      removed,
      added,
      stateBefore: before?.state,
      stateAfter: after?.state,
      movedByCode,
    });
  }
  return out;
}

const typeOf = (address: string) => address.split('.').slice(0, address.startsWith('data.') ? 2 : 1).join('.');

/** Removed/added addresses of the same type, paired in order: probably a rename or a move. */
export function likelyRenames(d: StackDifference): [string, string][] {
  const pairs: [string, string][] = [];
  const removed = d.removed.filter((a) => !d.movedByCode.has(a));
  const added = d.added.filter((a) => ![...d.movedByCode.values()].includes(a));
  for (const type of new Set(removed.map(typeOf))) {
    const from = removed.filter((a) => typeOf(a) === type);
    const to = added.filter((a) => typeOf(a) === type);
    if (from.length === to.length) from.forEach((f, i) => pairs.push([f, to[i]]));
  }
  return pairs;
}

/** The failure message: per stack, what Terraform would destroy and create, and how to move state. */
export function describeDifferences(differences: readonly StackDifference[]): string {
  const lines: string[] = [`The resource address contract (${CONTRACT_FILE}) does not match the code.`, ''];
  for (const d of differences) {
    if (d.kind === 'new stack') {
      lines.push(`${d.stack}: new stack (${d.added.length} addresses, state ${d.stateAfter}). Nothing is destroyed; record it with npm run contract:update.`, '');
      continue;
    }
    if (d.kind === 'removed stack') {
      lines.push(`${d.stack}: stack no longer synthesized. Its ${d.removed.length} resources stay in state ${d.stateBefore} until destroyed there; \`cdktf destroy ${d.stack}\` before removing it.`, '');
      continue;
    }
    lines.push(`${d.stack}:`);
    if (d.stateBefore !== d.stateAfter) {
      lines.push(
        `  state moved from ${d.stateBefore} to ${d.stateAfter}: Terraform would start from an empty state and CREATE everything again.`,
        '  Copy the state first (terraform init -migrate-state), or keep the key.',
      );
    }
    const destroyed = d.removed.filter((a) => !d.movedByCode.has(a));
    const created = d.added.filter((a) => ![...d.movedByCode.values()].includes(a));
    if (destroyed.length) lines.push('  would be DESTROYED (in the contract, gone from the code):', ...destroyed.map((a) => `    - ${a}`));
    if (created.length) lines.push('  would be CREATED (in the code, not in the contract):', ...created.map((a) => `    + ${a}`));
    for (const [from, to] of d.movedByCode) lines.push(`  moved by a moved block in the code (no replacement): ${from} -> ${to}`);
    const renames = likelyRenames(d);
    if (renames.length) {
      lines.push('  looks like a rename (same type): Terraform REPLACES these unless the state is moved, e.g.');
      for (const [from, to] of renames) {
        const bare = (a: string) => a.replace(/^data\./, '');
        lines.push(
          from.startsWith('data.')
            ? `    ${from} -> ${to} (a data source: nothing to move)`
            : `    cd cdktf.out/stacks/${d.stack} && terraform state mv '${bare(from)}' '${bare(to)}'`,
        );
      }
    }
    lines.push('');
  }
  lines.push(
    'If the change is intended: move the state (README, "Resource address contract": `terraform state mv`,',
    'or `moveFromId`/`moveTo` in the code, which writes a `moved` block), then run `npm run contract:update` and commit the file.',
  );
  return lines.join('\n');
}
