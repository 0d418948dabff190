/**
 * Attribute-level diff of two JSON values: the paths that differ, with the
 * value before and after. Strings that hold JSON (IAM policies) or YAML (Helm
 * values) are compared inside, so a one-line policy change reads as
 * `policy<json>.Statement[0].Action` rather than two kilobytes of string.
 */
import { parse as parseYaml } from 'yaml';
import type { PathSegment } from './types';

export interface RawChange {
  readonly segments: readonly PathSegment[];
  readonly action: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isContainer(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The document a string holds, when it is a JSON or multi-line YAML object or list. */
export function parseEmbedded(s: string): { kind: 'json' | 'yaml'; value: unknown } | undefined {
  const t = s.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      const value = JSON.parse(t);
      if (isContainer(value)) return { kind: 'json', value };
    } catch {
      // not JSON: maybe YAML flow style, tried below
    }
  }
  if (t.includes('\n')) {
    try {
      const value = parseYaml(t);
      if (isContainer(value)) return { kind: 'yaml', value };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Every difference between `before` and `after`, depth first, keys in sorted
 * order. Lists of equal length, or holding objects, are compared item by item;
 * lists of plain values whose length changed are reported whole.
 */
export function diffValues(before: unknown, after: unknown, path: readonly PathSegment[] = []): RawChange[] {
  const out: RawChange[] = [];
  walk(before, after, path, out);
  return out;
}

function walk(a: unknown, b: unknown, path: readonly PathSegment[], out: RawChange[]): void {
  if (deepEqual(a, b)) return;
  if (a === undefined) {
    out.push({ segments: path, action: 'added', after: b });
    return;
  }
  if (b === undefined) {
    out.push({ segments: path, action: 'removed', before: a });
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(a[k], b[k], [...path, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === b.length || [...a, ...b].some(isContainer)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...path, i], out);
      return;
    }
  }
  if (typeof a === 'string' && typeof b === 'string') {
    const ea = parseEmbedded(a);
    const eb = parseEmbedded(b);
    if (ea && eb && ea.kind === eb.kind) {
      walk(ea.value, eb.value, [...path, { embedded: ea.kind }], out);
      return;
    }
  }
  out.push({ segments: path, action: 'changed', before: a, after: b });
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `tags["kubernetes.io/role/elb"]`, `ingress[0].cidr_blocks`, `policy<json>.Statement[0]`. */
export function renderPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'object') out += `<${s.embedded}>`;
    else if (!IDENTIFIER.test(s)) out += `[${JSON.stringify(s)}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}
