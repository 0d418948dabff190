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

export function schemaHasPath(path: string): boolean {
  if (path === '(root)') return true;
  let s = unwrap(EnvironmentSchema as unknown as ZodLike);
  for (const part of pathParts(path)) {
    const d = s._zod.def;
    if (d.type === 'record') return true;
    if (d.type === 'object' && typeof part === 'string' && Object.hasOwn(d.shape, part)) s = unwrap(d.shape[part]);
    else if (d.type === 'array' && typeof part === 'number') s = unwrap(d.element);
    else return false;
  }
  return true;
}
