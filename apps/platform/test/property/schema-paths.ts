/**
 * Does an issue path (`nodeGroups[0].name`, `tags.aws:team`, `(root)`) name a
 * field of the environment schema? Walks the zod schema by the path's parts,
 * through defaults, optionals, prefaults and pipes; a record's key is any
 * string (and may hold dots), so everything below a record is accepted.
 */
import { EnvironmentSchema } from '@boomi-eks/config';

interface ZodLike {
  readonly _zod: { readonly def: Record<string, any> & { readonly type: string } };
}

const unwrap = (s: ZodLike): ZodLike => {
  let cur = s;
  for (;;) {
    const d = cur._zod.def;
    if (['default', 'optional', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(d.type)) cur = d.innerType;
    else if (d.type === 'pipe') cur = d.in;
    else return cur;
  }
};

/** `a.b[0].c` → ['a', 'b', 0, 'c']. */
export function pathParts(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const token of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) parts.push(/^\[\d+\]$/.test(token) ? Number(token.slice(1, -1)) : token);
  return parts;
}

/** Does `parts` lead to a field of `schema`? A union (discriminated or not) has the path when one of its options has it. */
function hasParts(schema: ZodLike, parts: readonly (string | number)[]): boolean {
  const s = unwrap(schema);
  const d = s._zod.def;
  if (d.type === 'union') return (d.options as ZodLike[]).some((o) => hasParts(o, parts));
  if (parts.length === 0) return true;
  const [part, ...rest] = parts;
  if (d.type === 'record') return true;
  if (d.type === 'object' && typeof part === 'string' && Object.hasOwn(d.shape, part)) return hasParts(d.shape[part], rest);
  if (d.type === 'array' && typeof part === 'number') return hasParts(d.element, rest);
  return false;
}

export function schemaHasPath(path: string): boolean {
  if (path === '(root)') return true;
  return hasParts(EnvironmentSchema as unknown as ZodLike, pathParts(path));
}
