/**
 * What a change destroys: resources replaced because an argument that forces a
 * new resource changed (the table in force-new.ts), resources replaced because
 * a replaced resource's computed attribute (`id`, `arn`) feeds such an
 * argument, and resources removed from the code — with removed + added pairs of
 * one type flagged as a likely construct rename and the fix. Pure: stack JSON
 * and the diff in, findings out. Values shown are masked like the diff's.
 */
import { blocksOf } from './blocks';
import { deepEqual } from './diff-values';
import { forceNewOf } from './force-new';
import { SENSITIVE, type Block, type ChangedBlock, type Destroy, type Replacement, type ReplacementReason, type StackDiff, type StackJson } from './types';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a dotted argument path; nested blocks may be objects or one-item lists (cdktf writes both). */
export function valueAt(config: unknown, argument: string): unknown {
  let v: unknown = config;
  for (const key of argument.split('.')) {
    if (Array.isArray(v)) v = v.length === 1 ? v[0] : v.length === 0 ? undefined : v;
    if (!isObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

/** `scaling_config[0].desired_size` → `scaling_config.desired_size`. */
function normalize(path: string): string {
  return path.replace(/\[\d+\]/g, '').replace(/\[["']?([^\]"']+)["']?\]/g, '.$1');
}

function ignoredChanges(config: unknown): { all: boolean; paths: string[] } {
  const ignore = valueAt(config, 'lifecycle.ignore_changes');
  if (ignore === 'all') return { all: true, paths: [] };
  const paths = Array.isArray(ignore) ? ignore.filter((p): p is string => typeof p === 'string').map(normalize) : [];
  return { all: paths.includes('all'), paths };
}

/** The changed attributes of a block that lie on, inside or above an argument. */
function touching(block: ChangedBlock, argument: string) {
  return block.attributes.filter((c) => {
    const key = c.segments.filter((s): s is string => typeof s === 'string').join('.');
    return key === argument || key.startsWith(`${argument}.`) || argument.startsWith(`${key}.`);
  });
}

function reasonsFor(block: ChangedBlock, before: Block, after: Block): { reasons: ReplacementReason[]; certain: boolean } {
  const entry = forceNewOf(block.type);
  const reasons: ReplacementReason[] = [];
  let certain = false;
  if (!entry) return { reasons, certain };
  const ignored = ignoredChanges(after.config);
  if (ignored.all) return { reasons, certain };
  const reason = (argument: string, when?: string): ReplacementReason | undefined => {
    if (ignored.paths.some((p) => p === argument || argument.startsWith(`${p}.`))) return undefined;
    const changes = touching(block, argument);
    if (changes.length === 0) return undefined;
    const b = valueAt(before.config, argument);
    const a = valueAt(after.config, argument);
    if (deepEqual(b, a)) return undefined;
    const sensitive = changes.some((c) => c.sensitive);
    return { argument, before: sensitive ? SENSITIVE : b, after: sensitive ? SENSITIVE : a, ...(when ? { when } : {}) };
  };
  for (const argument of entry.arguments) {
    const r = reason(argument);
    if (r) {
      reasons.push(r);
      certain = true;
    }
  }
  for (const c of entry.conditional ?? []) {
    const r = reason(c.argument, c.when);
    if (!r) continue;
    const decided = c.replaces?.(valueAt(before.config, c.argument), valueAt(after.config, c.argument), { before: before.config, after: after.config });
    if (decided === false) continue;
    reasons.push(r);
    if (decided === true) certain = true;
  }
  return { reasons, certain };
}

const REFERENCE = /\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.([A-Za-z0-9_]+)/g;

interface ReplacedBlock {
  readonly before: Block;
  readonly after?: Block;
}

/**
 * The replaced resource whose attribute an argument's value reads
 * (`${aws_launch_template.x.id}`), when that attribute's value changes: a
 * computed one (id, arn) becomes unknown, a configured one keeps its value
 * unless the change sets a new one.
 */
function readsReplaced(value: unknown, replaced: ReadonlyMap<string, ReplacedBlock>): string | undefined {
  const text = JSON.stringify(value ?? null);
  for (const m of text.matchAll(REFERENCE)) {
    const address = `${m[1]}.${m[2]}`;
    const target = replaced.get(address);
    if (!target) continue;
    const configured = isObject(target.before.config) && m[3] in target.before.config;
    if (!configured || !deepEqual(valueAt(target.before.config, m[3]), valueAt(target.after?.config, m[3]))) return address;
  }
  return undefined;
}

/**
 * Values of other stacks that become unknown because what they read is replaced:
 * reference (`data.terraform_remote_state.cross-stack-reference-input-<stack>.outputs.<name>`)
 * → the replaced resource it comes from (`<stack>: <address>`).
 */
export type UnknownInputs = ReadonlyMap<string, string>;

/** The first unknown cross-stack input an argument's value reads. */
function readsUnknownInput(value: unknown, inputs: UnknownInputs): string | undefined {
  if (inputs.size === 0) return undefined;
  const text = JSON.stringify(value ?? null);
  for (const [reference, cause] of inputs) if (text.includes(`\${${reference}}`)) return cause;
  return undefined;
}

/** The replacements in one stack: direct ones, then knock-on ones (also through `inputs`) until nothing more changes. */
export function replacementsOf(diff: StackDiff, before: StackJson | undefined, after: StackJson | undefined, inputs: UnknownInputs = new Map()): Replacement[] {
  if (!before || !after) return [];
  const a = blocksOf(before, diff.stack);
  const b = blocksOf(after, diff.stack);
  const out: Replacement[] = [];
  const replaced = new Map<string, ReplacedBlock>();
  for (const block of diff.changed) {
    if (block.kind !== 'resource') continue;
    const old = a.get(block.address);
    const next = b.get(block.address);
    if (!old || !next) continue;
    const { reasons, certain } = reasonsFor(block, old, next);
    if (reasons.length === 0) continue;
    out.push({ stack: diff.stack, address: block.address, type: block.type, ...(block.constructPath ? { constructPath: block.constructPath } : {}), certain, reasons });
    if (certain) replaced.set(block.address, { before: old, after: next });
  }
  // Knock-on: a ForceNew argument that reads a replaced resource's computed attribute.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [address, next] of b) {
      if (next.kind !== 'resource' || replaced.has(address) || !a.has(address)) continue;
      const entry = forceNewOf(next.type);
      if (!entry) continue;
      for (const argument of entry.arguments) {
        const cause = readsReplaced(valueAt(next.config, argument), replaced) ?? readsUnknownInput(valueAt(next.config, argument), inputs);
        if (!cause) continue;
        const reason: ReplacementReason = { argument, before: valueAt(a.get(address)!.config, argument), after: '(known after apply)', cause };
        const existing = out.find((r) => r.address === address);
        if (existing) {
          out[out.indexOf(existing)] = { ...existing, certain: true, reasons: [...existing.reasons, reason] };
        } else {
          out.push({ stack: diff.stack, address, type: next.type, ...(next.constructPath ? { constructPath: next.constructPath } : {}), certain: true, reasons: [reason] });
        }
        replaced.set(address, { before: a.get(address)!, after: next });
        grew = true;
        break;
      }
    }
  }
  return out.sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
}

interface MoveBlock {
  readonly from: string;
  readonly to?: string;
}

/** `moved` and `removed` blocks of the head's JSON (cdktf writes `moved` for moveTo/moveFromId). */
function movesOf(after: StackJson | undefined): { moved: Map<string, string>; forgotten: Set<string> } {
  const moved = new Map<string, string>();
  const forgotten = new Set<string>();
  const list = (v: unknown): MoveBlock[] => (Array.isArray(v) ? v : isObject(v) ? [v] : []).filter((m): m is MoveBlock => isObject(m) && typeof m.from === 'string');
  for (const m of list(after?.moved)) if (typeof m.to === 'string') moved.set(m.from, m.to);
  for (const r of list(after?.removed)) if (valueAt(r, 'lifecycle.destroy') === false) forgotten.add(r.from);
  return { moved, forgotten };
}

function similarity(x: unknown, y: unknown): number {
  if (!isObject(x) || !isObject(y)) return 0;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  let same = 0;
  for (const k of keys) if (deepEqual(x[k], y[k])) same++;
  return keys.size === 0 ? 0 : same / keys.size;
}

/** The fix for a rename, for the message. */
export function renameFix(from: string, to: string): string {
  return (
    `to keep it, call \`.moveFromId('${from}')\` on the renamed construct (cdktf writes \`moved { from = ${from}, to = ${to} }\`), ` +
    `or \`.addMoveTarget()\`/\`.moveTo()\` between the two, or keep the old construct id`
  );
}

/** Resources the head removes from a stack that still exists, each with its likely rename (same type, added in the same stack). */
export function destroysOf(diff: StackDiff, before: StackJson | undefined, after: StackJson | undefined): Destroy[] {
  if (diff.status !== 'changed' || !before) return [];
  const a = blocksOf(before, diff.stack);
  const b = after ? blocksOf(after, diff.stack) : new Map<string, Block>();
  const { moved, forgotten } = movesOf(after);
  const removed = diff.removed.filter((r) => r.kind === 'resource' && !moved.has(r.address) && !forgotten.has(r.address));
  const movedTargets = new Set(moved.values());
  const free = diff.added.filter((x) => x.kind === 'resource' && !movedTargets.has(x.address));
  // Pair each removed resource with the most similar added one of its type, best pairs first.
  const pairs: { from: string; to: string; score: number }[] = [];
  for (const r of removed) for (const x of free) if (x.type === r.type) pairs.push({ from: r.address, to: x.address, score: similarity(a.get(r.address)?.config, b.get(x.address)?.config) });
  pairs.sort((p, q) => q.score - p.score || (p.from < q.from ? -1 : 1));
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (renamed.has(p.from) || taken.has(p.to)) continue;
    renamed.set(p.from, p.to);
    taken.add(p.to);
  }
  return removed.map((r) => {
    const to = renamed.get(r.address);
    // Arguments that differ between the pair and force a new resource: a move alone would still replace it.
    const entry = forceNewOf(r.type);
    const oldConfig = a.get(r.address)?.config;
    const newConfig = to ? b.get(to)?.config : undefined;
    // References to other renamed resources count as unchanged (they would be moved too).
    const asBefore = (v: unknown) => {
      let text = JSON.stringify(v ?? null);
      for (const [from, target] of renamed) text = text.split(`\${${target}.`).join(`\${${from}.`);
      return JSON.parse(text) as unknown;
    };
    const differing = to && entry ? entry.arguments.filter((arg) => !deepEqual(valueAt(oldConfig, arg) ?? null, asBefore(valueAt(newConfig, arg)))) : [];
    return {
      stack: diff.stack,
      address: r.address,
      type: r.type,
      ...(r.constructPath ? { constructPath: r.constructPath } : {}),
      ...(to ? { likelyRenamedTo: to, fix: renameFix(r.address, to) } : {}),
      ...(differing.length > 0 ? { replacedEvenIfMoved: differing } : {}),
    };
  });
}

/**
 * The outputs of a stack that read a replaced resource's changing attribute,
 * as the references consumer stacks use (cdktf's cross-stack remote state),
 * each with the replaced resource it comes from.
 */
export function unknownOutputsOf(stackId: string, before: StackJson | undefined, after: StackJson | undefined, replacements: readonly Replacement[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!before || !after || replacements.length === 0) return out;
  const a = blocksOf(before, stackId);
  const b = blocksOf(after, stackId);
  const replaced = new Map<string, ReplacedBlock>();
  for (const r of replacements) if (r.certain && a.has(r.address)) replaced.set(r.address, { before: a.get(r.address)!, after: b.get(r.address) });
  const outputs = isObject(after.output) ? after.output : {};
  for (const [name, output] of Object.entries(outputs)) {
    const source = readsReplaced(valueAt(output, 'value'), replaced);
    if (source) out.set(`data.terraform_remote_state.cross-stack-reference-input-${stackId}.outputs.${name}`, `${stackId}: ${source}`);
  }
  return out;
}
