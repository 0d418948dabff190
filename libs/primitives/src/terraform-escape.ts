/**
 * Escaping of Terraform template sequences in strings that cdktf writes into
 * the synthesized JSON. cdktf does not escape them (TRAPS 16): Terraform reads
 * every string of its JSON syntax as a template, so a literal `${HOME}` in a
 * Helm value or a Kubernetes manifest would be an "Invalid reference" and a
 * literal `%{` a template directive. Pure functions, no dependencies.
 */

/** `${` not followed by cdktf's own token marker (`${TfToken[TOKEN.n]}`, which must still resolve). */
const TEMPLATE_INTERPOLATION = /\$\{(?!TfToken\[)/g;
/** `%{`: a Terraform template directive. */
const TEMPLATE_DIRECTIVE = /%\{/g;

/**
 * One string with its Terraform template sequences escaped: `${` → `$${` and
 * `%{` → `%%{`, so Terraform passes them on verbatim. cdktf token markers
 * (`${TfToken[…]}`) are left alone: references to other resources still resolve.
 */
export function escapeTerraformTemplateString(text: string): string {
  return text.replace(TEMPLATE_INTERPOLATION, '$$${').replace(TEMPLATE_DIRECTIVE, '%%{');
}

/**
 * Escapes Terraform template sequences in every string of a value (object
 * keys too), recursively, with {@link escapeTerraformTemplateString}. Class
 * instances (cdktf IResolvables) and other non-plain objects pass through
 * untouched. The input is not modified.
 */
export function escapeTerraformTemplates<T>(value: T): T {
  if (typeof value === 'string') return escapeTerraformTemplateString(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeTerraformTemplates(v)) as T;
  if (isPlainData(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [escapeTerraformTemplateString(k), escapeTerraformTemplates(v)]),
    ) as T;
  }
  return value;
}

/** Plain data only (an object literal or `Object.create(null)`), not a class instance. */
function isPlainData(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
