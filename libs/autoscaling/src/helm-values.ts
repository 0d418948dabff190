/**
 * Helpers shared by the Helm releases of this lib (not part of the public API).
 */
import { stringify } from 'yaml';

type PlainObject = Record<string, unknown>;

const isPlainObject = (v: unknown): v is PlainObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deep merge for Helm values: objects merge key by key, arrays and scalars in
 * `override` replace those in `base` (Helm's own rule for values files).
 * Neither argument is modified.
 */
export function mergeValues<T extends PlainObject>(base: T, override: PlainObject | undefined): T {
  if (!override) return base;
  const out: PlainObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeValues(current, value) : value;
  }
  return out as T;
}

/** cdktf token markers (`${TfToken[TOKEN.n]}`) must survive the escaping below. */
const TERRAFORM_INTERPOLATION = /\$\{(?!TfToken\[)/g;

/**
 * Renders Helm values as one YAML document for a Release's `values`.
 *
 * cdktf does not escape `${` in strings and Terraform would read it as an
 * interpolation, so every literal `${` becomes `$${`. cdktf's own token markers
 * are left alone so references (a cluster name from another stack) still
 * resolve. Lines are never folded, so a token is never split.
 */
export function toHelmValuesYaml(values: PlainObject): string {
  return stringify(values, { lineWidth: 0 }).replace(TERRAFORM_INTERPOLATION, () => '$${');
}

/** Release settings shared by this lib's Helm releases. */
export const RELEASE_DEFAULTS = {
  /** Roll back a failed install or upgrade instead of leaving it half applied. */
  atomic: true,
  cleanupOnFail: true,
  /** Wait until the Deployment is ready, so a broken release fails the apply. */
  wait: true,
  timeoutSeconds: 600,
  maxHistory: 10,
} as const;
