/** Puts the diff, the stack order and the affected list together into one Review. */
import { affectedStacks, dependencyOrder, type AffectedOptions } from './affected';
import { diffStacks } from './diff-stacks';
import type { Review, Revision, Synth } from './types';

export function buildReview(base: Synth, head: Synth, baseRevision: Revision, headRevision: Revision, options: AffectedOptions = {}): Review {
  const diffs = diffStacks(base.stacks, head.stacks);
  const byId = new Map(diffs.map((d) => [d.stack, d]));
  const headOrder = dependencyOrder(head.manifest, head.stacks.keys());
  const removedOrder = dependencyOrder(base.manifest, [...base.stacks.keys()].filter((id) => !head.stacks.has(id)));
  const stacks = [...headOrder, ...removedOrder].map((id) => byId.get(id)!);
  const { affected } = affectedStacks(diffs, head.manifest, base.manifest, options);
  return {
    base: baseRevision,
    head: headRevision,
    stacks,
    stacksAdded: stacks.filter((s) => s.status === 'added').map((s) => s.stack),
    stacksRemoved: stacks.filter((s) => s.status === 'removed').map((s) => s.stack),
    affected,
    changed: stacks.some((s) => s.status !== 'unchanged'),
  };
}
