/** Puts the diff, the stack order, the affected list, the replacements and the cost together into one Review. */
import { affectedStacks, dependencyOrder, type AffectedOptions } from './affected';
import { costReview } from './cost';
import { diffStacks } from './diff-stacks';
import { forceNewOf } from './force-new';
import { destroysOf, replacementsOf } from './replacements';
import type { Review, Revision, Synth } from './types';

export function buildReview(base: Synth, head: Synth, baseRevision: Revision, headRevision: Revision, options: AffectedOptions = {}): Review {
  const diffs = diffStacks(base.stacks, head.stacks);
  const byId = new Map(diffs.map((d) => [d.stack, d]));
  const headOrder = dependencyOrder(head.manifest, head.stacks.keys());
  const removedOrder = dependencyOrder(base.manifest, [...base.stacks.keys()].filter((id) => !head.stacks.has(id)));
  const stacks = [...headOrder, ...removedOrder].map((id) => byId.get(id)!);
  const { affected } = affectedStacks(diffs, head.manifest, base.manifest, options);
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
    replacements: stacks.flatMap((s) => replacementsOf(s, base.stacks.get(s.stack), head.stacks.get(s.stack))),
    destroys: stacks.flatMap((s) => destroysOf(s, base.stacks.get(s.stack), head.stacks.get(s.stack))),
    unknownTypes: [...unknownTypes].sort(),
    cost: costReview(base.stacks, head.stacks),
  };
}
