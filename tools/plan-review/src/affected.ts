/**
 * Stack-level affected detection from the synth diff. One cdktf app holds every
 * stack, so Nx's project graph can only say "the platform changed"; the diff
 * of the synthesized JSON says which stacks did. The CI plans exactly these,
 * and deploys them in dependency order (cdktf's manifest.json).
 */
import type { Manifest, StackDiff } from './types';

/**
 * Stack ids in dependency order (a stack after everything it depends on).
 * Independent stacks keep alphabetical order, so one environment's chain stays
 * together: dev-network, dev-cluster, dev-workloads, prod-network, ...
 * Ids the manifest does not know come last, alphabetically.
 */
export function dependencyOrder(manifest: Manifest, ids?: Iterable<string>): string[] {
  const wanted = ids ? new Set(ids) : undefined;
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, chain: readonly string[]) => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`manifest.json: stack dependency cycle: ${[...chain, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const dep of [...(manifest.stacks[id]?.dependencies ?? [])].sort()) visit(dep, [...chain, id]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of Object.keys(manifest.stacks).sort()) visit(id, []);
  const known = new Set(order);
  const unknown = wanted ? [...wanted].filter((id) => !known.has(id)).sort() : [];
  return [...order.filter((id) => !wanted || wanted.has(id)), ...unknown];
}

/** Every stack that depends on one of `ids`, directly or not (ids excluded). */
export function dependentsOf(manifest: Manifest, ids: Iterable<string>): Set<string> {
  const start = new Set(ids);
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, entry] of Object.entries(manifest.stacks)) {
      if (start.has(id) || found.has(id)) continue;
      if ((entry.dependencies ?? []).some((d) => start.has(d) || found.has(d))) {
        found.add(id);
        grew = true;
      }
    }
  }
  return found;
}

export interface AffectedOptions {
  /** Stack ids never reported (e.g. `state`, which keeps local state and is applied by hand). @default [] */
  readonly exclude?: readonly string[];
  /**
   * Also report every stack that depends on an affected one. A deploy needs
   * them: a consumer's JSON does not change when a value it reads through
   * remote state does (a replaced subnet's id), but it must be applied again.
   * @default false
   */
  readonly withDependents?: boolean;
}

export interface Affected {
  /** Stacks added or changed (plus their dependents if asked), in dependency order. */
  readonly affected: string[];
  /** Stacks that exist only on the base side, in destroy order (dependents first). */
  readonly removed: string[];
}

/** Which stacks a change touches, from the diff and both sides' manifests. */
export function affectedStacks(diffs: readonly StackDiff[], head: Manifest, base: Manifest, options: AffectedOptions = {}): Affected {
  const exclude = new Set(options.exclude ?? []);
  const touched = new Set(diffs.filter((d) => d.status === 'added' || d.status === 'changed').map((d) => d.stack));
  if (options.withDependents) for (const id of dependentsOf(head, touched)) touched.add(id);
  const removed = diffs.filter((d) => d.status === 'removed').map((d) => d.stack);
  return {
    affected: dependencyOrder(head, touched).filter((id) => !exclude.has(id)),
    removed: dependencyOrder(base, removed)
      .reverse()
      .filter((id) => !exclude.has(id)),
  };
}
