/**
 * Arguments that exist only in the AWS provider we deploy with (6.x, pinned by
 * @cdktf/provider-aws) and not in the mirrored provider this check runs
 * (5.100.0). They are removed from the run's copy of a stack, never from the
 * synthesized output, and the run prints each removal. aws-stacks.spec.ts
 * fails when an entry is no longer needed: no synthesized stack uses it, or
 * the mirrored provider's schema has it.
 */
export interface ProviderOnlyArgument {
  readonly resourceType: string;
  /** Path inside the resource: block names, then the argument. */
  readonly path: readonly string[];
  readonly why: string;
}

export const PROVIDER_6X_ONLY: readonly ProviderOnlyArgument[] = [
  {
    resourceType: 'aws_eks_node_group',
    path: ['node_repair_config', 'max_parallel_nodes_repaired_count'],
    why: 'added in provider 6.x (EKS node repair parallelism); 5.100.0 rejects it as an unsupported argument',
  },
];

type Json = Record<string, any>;

/** Removes one path from every resource of the type; returns how many were removed. */
function removePath(body: Json, path: readonly string[]): number {
  const [head, ...rest] = path;
  if (!(head in body)) return 0;
  if (rest.length === 0) {
    delete body[head];
    return 1;
  }
  const blocks = Array.isArray(body[head]) ? body[head] : [body[head]];
  return blocks.reduce((n: number, b: unknown) => n + (b && typeof b === 'object' ? removePath(b as Json, rest) : 0), 0);
}

/** Strips the table's arguments from a stack (in place); lists what it removed. */
export function stripProviderOnlyArguments(stack: Json, table: readonly ProviderOnlyArgument[] = PROVIDER_6X_ONLY): string[] {
  const removed: string[] = [];
  for (const entry of table) {
    for (const [name, body] of Object.entries<Json>(stack.resource?.[entry.resourceType] ?? {})) {
      if (removePath(body, entry.path) > 0) removed.push(`${entry.resourceType}.${name}: ${entry.path.join('.')}`);
    }
  }
  return removed;
}

/** `true` when the provider schema (`terraform providers schema -json`) knows the path. */
export function schemaHasPath(schema: Json, resourceType: string, path: readonly string[]): boolean {
  const provider = Object.values<Json>(schema.provider_schemas ?? {})[0];
  let block: Json | undefined = provider?.resource_schemas?.[resourceType]?.block;
  for (const [i, part] of path.entries()) {
    if (!block) return false;
    if (i === path.length - 1) return part in (block.attributes ?? {}) || part in (block.block_types ?? {});
    block = block.block_types?.[part]?.block;
  }
  return false;
}
