/**
 * AWS resource tag rules, as data.
 *
 * Source: "Tagging AWS resources", tag naming limits and requirements
 * (docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions):
 * key 1–128 Unicode characters, value 0–256; letters, numbers and spaces, and
 * `_ . : / = + - @`; the `aws:` prefix (any case) is reserved for AWS; at most
 * 50 user tags per resource.
 */

export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
export const TAGS_PER_RESOURCE_MAX = 50;
/** Characters AWS allows in tag keys and values (EC2 allows more; this is the rule every service accepts). */
export const TAG_CHARSET = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** Keys AWS reserves, matched case-insensitively. */
export const TAG_RESERVED_PREFIX = 'aws:';
/** Tags the stacks set on every resource (apps/platform base-stack.ts `environmentTags`): a file's value for these keys would be overwritten. */
export const PLATFORM_TAG_KEYS = ['Environment', 'ManagedBy', 'Project'] as const;
/** Tags the stacks set on some resources (`Name`), which count towards the 50 too. */
export const RESOURCE_TAG_KEYS = ['Name'] as const;

/** Every rule one tag breaks, as "<problem>" texts (empty when valid). */
export function tagProblems(key: string, value: string): { key: string[]; value: string[] } {
  const k: string[] = [];
  const v: string[] = [];
  if (key.length < 1 || key.length > TAG_KEY_MAX) k.push(`is ${key.length} characters long; AWS allows 1 to ${TAG_KEY_MAX}`);
  if (key.toLowerCase().startsWith(TAG_RESERVED_PREFIX)) k.push(`starts with '${TAG_RESERVED_PREFIX}', which AWS reserves for its own tags`);
  if (!TAG_CHARSET.test(key)) k.push('may hold only letters, digits, spaces and _ . : / = + - @');
  if (value.length > TAG_VALUE_MAX) v.push(`is ${value.length} characters long; AWS allows at most ${TAG_VALUE_MAX}`);
  if (!TAG_CHARSET.test(value)) v.push('may hold only letters, digits, spaces and _ . : / = + - @');
  return { key: k, value: v };
}
