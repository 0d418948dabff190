/**
 * The one shape every validator of this workspace reports in, and the one
 * error class the libraries throw. A lib validates its own props under its own
 * field names (`maxReplicas`); `libs/config` re-bases the same issues under the
 * environment path (`molecule.hpa.maxReplicas`) with {@link underPath}, so the
 * rule and its wording live in one place.
 */

/** One problem: which field, what it holds, what is wrong, and what to do. */
export interface PropsIssue {
  /** Dotted path of the field, e.g. `hpa.maxReplicas` or `nodeGroups[0].instanceType`. */
  readonly path: string;
  /** The value found (printed in the message); `undefined` when the field is missing. */
  readonly value: unknown;
  /** What is wrong, without the value, e.g. `must be at least minReplicas (2)`. */
  readonly message: string;
  /** What to do about it, e.g. `raise maxReplicas or lower minReplicas`. */
  readonly fix: string;
}

/** Prints a value the way messages show it: strings quoted, objects as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

/** `path: (value) message: fix` — the one line an issue prints as (`: fix` left out when the fix is empty). */
export function formatIssue(issue: PropsIssue): string {
  return `${issue.path}: (${formatValue(issue.value)}) ${issue.message}${issue.fix ? `: ${issue.fix}` : ''}`;
}

/** Joins a base path and a relative one: `underPath('molecule', 'hpa.max')` → `molecule.hpa.max`, `[0]` stays glued. */
export function joinPath(base: string, path: string): string {
  if (base === '') return path;
  if (path === '') return base;
  return path.startsWith('[') ? `${base}${path}` : `${base}.${path}`;
}

/** The same issues re-based under `base` (how config reports a lib's issue under the environment's path). */
export function underPath(base: string, issues: readonly PropsIssue[]): PropsIssue[] {
  return issues.map((i) => ({ ...i, path: joinPath(base, i.path) }));
}

/**
 * The same issues with a lib's field names replaced by the caller's where the
 * two differ: `renamePaths(issues, { 'resources.cpuLimit': 'resources.limits.cpu' })`.
 * A rename applies to the path itself and to everything below it (`a.b`, `a[0]`).
 */
export function renamePaths(issues: readonly PropsIssue[], renames: Readonly<Record<string, string>>): PropsIssue[] {
  return issues.map((i) => {
    const from = Object.keys(renames).find((r) => i.path === r || i.path.startsWith(`${r}[`) || i.path.startsWith(`${r}.`));
    return from ? { ...i, path: renames[from] + i.path.slice(from.length) } : i;
  });
}

/**
 * Thrown when props or an environment are invalid. Holds every issue at once;
 * its message is a heading and one `  - path: (value) message: fix` line per issue.
 */
export class InvalidPropsError extends Error {
  constructor(
    /** What was being validated, e.g. `MoleculeChart 'molecule'` or `environment 'dev'`. */
    readonly subject: string,
    readonly issues: readonly PropsIssue[],
  ) {
    super(
      `${subject} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'InvalidPropsError';
  }
}

/** Throws {@link InvalidPropsError} when `issues` is not empty. */
export function throwIfIssues(subject: string, issues: readonly PropsIssue[]): void {
  if (issues.length > 0) throw new InvalidPropsError(subject, issues);
}
