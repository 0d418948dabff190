/**
 * Which stacks to deploy or destroy, and in what order, from the
 * dependencies cdktf records in `cdktf.out/manifest.json` (a consumer of
 * another stack's values depends on it: network → cluster → workloads).
 */
import * as fs from 'node:fs';

/** Stack id → the stacks it depends on. */
export type Dependencies = ReadonlyMap<string, readonly string[]>;

export function readDependencies(manifestFile: string): Dependencies {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { stacks?: Record<string, { dependencies?: string[] }> };
  return new Map(Object.entries(manifest.stacks ?? {}).map(([id, s]) => [id, [...(s.dependencies ?? [])]]));
}

function check(deps: Dependencies, targets: readonly string[]): void {
  const unknown = targets.filter((t) => !deps.has(t));
  if (unknown.length > 0) throw new Error(`unknown stack ${unknown.map((u) => `'${u}'`).join(', ')}: the stacks are ${[...deps.keys()].sort().join(', ')}`);
  if (targets.length === 0) throw new Error(`name at least one stack: ${[...deps.keys()].sort().join(', ')}`);
}

/** Every stack in `ids` ordered so that each comes after what it depends on (ties: manifest order). */
function topological(deps: Dependencies, ids: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (order.includes(id)) return;
    if (visiting.has(id)) throw new Error(`stack dependencies form a cycle through '${id}'`);
    visiting.add(id);
    for (const d of deps.get(id) ?? []) if (ids.has(d)) visit(d);
    visiting.delete(id);
    order.push(id);
  };
  for (const id of deps.keys()) if (ids.has(id)) visit(id);
  return order;
}

/** The targets and everything they depend on, dependencies first. */
export function deployOrder(deps: Dependencies, targets: readonly string[]): string[] {
  check(deps, targets);
  const ids = new Set<string>();
  const add = (id: string) => {
    if (ids.has(id)) return;
    ids.add(id);
    (deps.get(id) ?? []).forEach(add);
  };
  targets.forEach(add);
  return topological(deps, ids);
}

/** The targets and everything that depends on them, dependents first. */
export function destroyOrder(deps: Dependencies, targets: readonly string[]): string[] {
  check(deps, targets);
  const ids = new Set<string>();
  const add = (id: string) => {
    if (ids.has(id)) return;
    ids.add(id);
    for (const [other, needs] of deps) if (needs.includes(id)) add(other);
  };
  targets.forEach(add);
  return topological(deps, ids).reverse();
}
