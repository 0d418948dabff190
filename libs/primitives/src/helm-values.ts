/**
 * Helm values as plain data: the deep merge every chart applies to its
 * `valuesOverride`, and the YAML rendering a `helm_release` takes. Pure
 * functions (the `yaml` package only): no cdktf.
 */
import { stringify } from 'yaml';
import { escapeTerraformTemplateString } from './terraform-escape';

/** A Helm values object (or any nested map of it). */
export type HelmValues = Record<string, unknown>;

const isPlainObject = (v: unknown): v is HelmValues => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deep merge for Helm values: objects merge key by key, arrays and scalars in
 * `override` replace those in `base` (Helm's own rule for values files). Keys
 * of `base` keep their order; new keys of `override` follow. Neither argument
 * is modified. `override` undefined returns `base` itself.
 */
export function mergeValues<T extends HelmValues>(base: T, override: Readonly<HelmValues> | undefined): T {
  if (!override) return base;
  const out: HelmValues = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeValues(current, value) : value;
  }
  return out as T;
}

/**
 * Renders Helm values as one YAML document for a release's `values`.
 *
 * Terraform template sequences are escaped (`${` → `$${`, `%{` → `%%{`,
 * {@link escapeTerraformTemplateString}) because cdktf does not escape them;
 * cdktf's own token markers are left alone so references (a cluster name from
 * another stack) still resolve. Lines are never folded, so a token is never split.
 */
export function toHelmValuesYaml(values: Readonly<HelmValues>): string {
  return escapeTerraformTemplateString(stringify(values, { lineWidth: 0 }));
}
