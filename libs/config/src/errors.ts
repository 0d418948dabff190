/** One problem found in an environment: the field it is about and what to do. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. `molecule.resources.requests.memory`. */
  readonly path: string;
  /** What is wrong, with the value, and the fix. */
  readonly message: string;
}

/**
 * Thrown when an environment is invalid. Holds every problem at once; its
 * message is one line per problem, `<path>: <message>`, ready to print.
 */
export class ConfigError extends Error {
  constructor(
    readonly environment: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      `environment '${environment}' is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n'),
    );
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
