/** Puts the diff, the stack order, the affected list, the replacements and the cost together into one Review. */
import { affectedStacks, dependencyOrder, type AffectedOptions } from './affected';
import { costReview } from './cost';
import { diffStacks } from './diff-stacks';
import { forceNewOf } from './force-new';
import { destroysOf, replacementsOf, unknownOutputsOf } from './replacements';
import type { Replacement, Review, Revision, StackDiff, Synth } from './types';

export function buildReview(base: Synth, head: Synth, baseRevision: Revision, headRevision: Revision, options: AffectedOptions = {}): Review {
  const diffs = diffStacks(base.stacks, head.stacks);
  const byId = new Map(diffs.map((d) => [d.stack, d]));
  const headOrder = dependencyOrder(head.manifest, head.stacks.keys());
  const removedOrder = dependencyOrder(base.manifest, [...base.stacks.keys()].filter((id) => !head.stacks.has(id)));
  const stacks = [...headOrder, ...removedOrder].map((id) => byId.get(id)!);
  const { affected } = affectedStacks(diffs, head.manifest, base.manifest, options);
  const replacements = replacementsInOrder(stacks, base, head);
  const unknownTypes = new Set<string>();
  for (const s of stacks) for (const b of [...s.added, ...s.changed]) if (b.kind === 'resource' && !forceNewOf(b.type)) unknownTypes.add(b.type);
  return {
    base: baseRevision,
    head: headRevision,
    stacks,
    stacksAdded: stacks.filter((s) => s.status === 'added').map((s) => s.stack),
    stacksRemoved: stacks.filter((s) => s.status === 'removed').map((s) => s.stack),
    affected,
    changed: stacks.some((s) => s.status !== 'unchanged'),
    replacements,
    destroys: stacks.flatMap((s) => destroysOf(s, base.stacks.get(s.stack), head.stacks.get(s.stack))),
    unknownTypes: [...unknownTypes].sort(),
    cost: costReview(base.stacks, head.stacks),
  };
}

/** Replacements stack by stack in dependency order, each stack seeing which of its producers' outputs become unknown. */
function replacementsInOrder(stacks: readonly StackDiff[], base: Synth, head: Synth): Replacement[] {
  const unknown = new Map<string, string>();
  const out: Replacement[] = [];
  for (const s of stacks) {
    const before = base.stacks.get(s.stack);
    const after = head.stacks.get(s.stack);
    const found = replacementsOf(s, before, after, unknown);
    out.push(...found);
    for (const [reference, cause] of unknownOutputsOf(s.stack, before, after, found)) unknown.set(reference, cause);
  }
  return out;
}
