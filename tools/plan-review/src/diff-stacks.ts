/**
 * The diff of two synths, stack by stack: stacks added and removed, and per
 * stack the blocks (resources, data sources, outputs, providers, backend)
 * added, removed and changed, each change with its attribute paths and values.
 * Pure: JSON in, typed diff out. Sensitive values are masked here, so no raw
 * secret ever leaves this module.
 */
import { blocksOf } from './blocks';
import { diffValues, renderPath } from './diff-values';
import { needsMask } from './mask';
import { SENSITIVE, type AttributeChange, type Block, type BlockKind, type BlockRef, type ChangedBlock, type StackDiff, type StackJson } from './types';

const KIND_ORDER: readonly BlockKind[] = ['resource', 'data', 'output', 'provider', 'terraform', 'local', 'module', 'variable', 'other'];

/** Resources first, then data sources, outputs, providers, terraform settings; by address within a kind. */
export function compareBlocks(a: BlockRef, b: BlockRef): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}

function refOf(block: Block): BlockRef {
  return {
    address: block.address,
    kind: block.kind,
    type: block.type,
    ...(block.constructPath !== undefined ? { constructPath: block.constructPath } : {}),
  };
}

/** The attribute changes of one block, masked. */
export function diffBlock(before: Block, after: Block): AttributeChange[] {
  return diffValues(before.config, after.config).map((c) => {
    const values = [c.before, c.after].filter((v) => v !== undefined);
    const sensitive = needsMask(before, after, c.segments, values);
    return {
      path: renderPath(c.segments),
      segments: c.segments,
      action: c.action,
      ...(c.action !== 'added' ? { before: sensitive ? SENSITIVE : c.before } : {}),
      ...(c.action !== 'removed' ? { after: sensitive ? SENSITIVE : c.after } : {}),
      sensitive,
    };
  });
}

/** The diff of one stack; `before` or `after` is absent for a stack added or removed. */
export function diffStack(stack: string, before: StackJson | undefined, after: StackJson | undefined): StackDiff {
  const a = before ? blocksOf(before, stack) : new Map<string, Block>();
  const b = after ? blocksOf(after, stack) : new Map<string, Block>();
  const added: BlockRef[] = [];
  const removed: BlockRef[] = [];
  const changed: ChangedBlock[] = [];
  for (const [address, block] of b) {
    const old = a.get(address);
    if (!old) added.push(refOf(block));
    else {
      const attributes = diffBlock(old, block);
      if (attributes.length > 0) changed.push({ ...refOf(block), attributes });
    }
  }
  for (const [address, block] of a) if (!b.has(address)) removed.push(refOf(block));
  added.sort(compareBlocks);
  removed.sort(compareBlocks);
  changed.sort(compareBlocks);
  const status = !before ? 'added' : !after ? 'removed' : added.length + removed.length + changed.length > 0 ? 'changed' : 'unchanged';
  return { stack, status, added, removed, changed };
}

/** Every stack of either side, diffed, sorted by stack id. */
export function diffStacks(base: ReadonlyMap<string, StackJson>, head: ReadonlyMap<string, StackJson>): StackDiff[] {
  const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
  return ids.map((id) => diffStack(id, base.get(id), head.get(id)));
}
