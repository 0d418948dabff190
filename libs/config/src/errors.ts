import { InvalidPropsError, type PropsIssue } from '@boomi-eks/primitives';

/**
 * One problem found in an environment: the one issue shape of the workspace
 * (`@boomi-eks/primitives`), with `path` the dotted environment path
 * (`molecule.resources.requests.memory`), the value found, the problem and the fix.
 */
export type ConfigIssue = PropsIssue;

/**
 * What an environment rule of this lib writes: the path and one text in the
 * printed shape `(<value>) <problem>: <fix>`. {@link issueFromText} turns it
 * into a {@link ConfigIssue}; the libs' validators return ConfigIssues directly.
 */
export interface RuleIssue {
  /** Dotted path of the field, e.g. `molecule.resources.requests.memory`. */
  readonly path: string;
  /** `(<value>) <problem>: <fix>`; the value part may be left out. */
  readonly message: string;
}

/**
 * What a rule of this lib returns: its own text issues, or a lib validator's
 * issues already in the shared shape (composed under config paths), which
 * {@link toConfigIssue} passes through untouched.
 */
export type RuleOutput = RuleIssue | ConfigIssue;

/** A rule's output as a {@link ConfigIssue}: structured issues as they are, text issues split by {@link issueFromText}. */
export function toConfigIssue(issue: RuleOutput, value?: unknown): ConfigIssue {
  return 'fix' in issue ? issue : issueFromText(issue, value);
}

/** Index of the `)` that closes the `(` at 0, or -1. */
function closingParen(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
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
 * The value of an issue whose text shows one: the value found at the path when
 * the text shows that one (`60` for `(60s)`), else what the text shows
 * (`'m7g.medium'`, one entry of a list), read back: `'x'` → 'x', `12` → 12.
 */
function shownOrFound(shown: string, found: unknown): unknown {
  const text = /^'.*'$/.test(shown) ? shown.slice(1, -1) : shown;
  if (found !== undefined && (found === null || typeof found !== 'object') && text.startsWith(String(found))) return found;
  if (text !== shown) return text;
  return /^-?\d+(\.\d+)?$/.test(shown) ? Number(shown) : shown;
}

/**
 * A rule's text as a {@link ConfigIssue}: a leading `(<value>) ` is split off
 * (the value is `value` when given, the shown text otherwise), the rest is cut
 * at its first `: ` into problem and fix. Printing the issue gives the same
 * line back, with the value shown the one way every issue shows it.
 */
export function issueFromText(issue: RuleIssue, value?: unknown): ConfigIssue {
  let text = issue.message;
  let shown: string | undefined;
  const close = text.startsWith('(') ? closingParen(text) : -1;
  if (close > 0 && text[close + 1] === ' ') {
    shown = text.slice(1, close);
    text = text.slice(close + 2);
  }
  const cut = topLevelColon(text);
  return {
    path: issue.path,
    value: shown === undefined ? value : shownOrFound(shown, value),
    message: cut < 0 ? text : text.slice(0, cut),
    fix: cut < 0 ? '' : text.slice(cut + 2),
  };
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
    issues: readonly (ConfigIssue | RuleIssue)[],
  ) {
    super(`environment '${environment}'`, issues.map((i) => ('fix' in i ? i : issueFromText(i))));
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
