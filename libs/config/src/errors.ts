import { InvalidPropsError, type PropsIssue } from '@boomi-eks/primitives';

/**
 * One problem found in an environment: the one issue shape of the workspace
 * (`@boomi-eks/primitives`), with `path` the dotted environment path
 * (`molecule.resources.requests.memory`), the value found, the problem and the fix.
 */
export type ConfigIssue = PropsIssue;

/** An issue at `path`: what every rule of this lib returns (`fix` left empty when the problem says it all). */
export function configIssue(path: string, value: unknown, message: string, fix = ''): ConfigIssue {
  return { path, value, message, fix };
}

/** Index of the first `: ` outside parentheses, or -1. */
function topLevelColon(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && text[i] === ':' && text[i + 1] === ' ') return i;
  }
  return -1;
}

/**
 * A zod schema message (the one text this lib still reads back) cut into
 * problem and fix at its first `: ` outside parentheses:
 * `must list at least one port: an empty list would allow every port`.
 * A message without one is all problem (`fix` empty).
 */
export function splitMessageAndFix(text: string): { message: string; fix: string } {
  const cut = topLevelColon(text);
  return cut < 0 ? { message: text, fix: '' } : { message: text.slice(0, cut), fix: text.slice(cut + 2) };
}

/** The value at a dotted path (`a.b[0].c`) of an object, or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  const keys = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let at: unknown = root;
  for (const key of keys) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key.startsWith('[') ? key.slice(1, -1) : key];
  }
  return at;
}

/**
 * Thrown when an environment is invalid: the workspace's one error class
 * (`InvalidPropsError`), holding every problem at once. Its message is one
 * line per problem, `<path>: (<value>) <problem>: <fix>`, ready to print.
 */
export class ConfigError extends InvalidPropsError {
  declare readonly issues: readonly ConfigIssue[];
  constructor(
    readonly environment: string,
    issues: readonly ConfigIssue[],
  ) {
    super(`environment '${environment}'`, issues);
    this.name = 'ConfigError';
  }
}

/** Joins a zod-style path (`['a', 0, 'b']`) as `a[0].b`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const k = String(key);
    return acc === '' ? k : `${acc}.${k}`;
  }, '');
}
