/**
 * Which attribute values never appear in a review. A review is posted as a PR
 * comment, so anything that can hold a secret is shown as `(sensitive)`; the
 * change itself (its path) is still reported.
 *
 * Masked:
 * - the value of an output or variable marked `sensitive: true` (on either side);
 * - in `kubernetes_secret` / `kubernetes_secret_v1` (resources and data sources):
 *   `data`, `binary_data`, `string_data`, and any path with a key matching
 *   /password|secret|token|private_key/;
 * - in `kubernetes_manifest` of `kind: Secret`: `manifest.data` and `manifest.stringData`;
 * - in any `aws_secretsmanager_*` block: `secret_string*` and `secret_binary*`;
 * - in any block: keys named `password`, `master_password`, `private_key`,
 *   `client_secret`, `set_sensitive` (helm) and write-only `*_wo` attributes.
 */
import type { Block, PathSegment } from './types';

const ANY_BLOCK_KEYS = /^(password|master_password|private_key|client_secret|set_sensitive|.+_wo)$/;
const K8S_SECRET_TYPES = new Set(['kubernetes_secret', 'kubernetes_secret_v1']);
const K8S_SECRET_DATA = new Set(['data', 'binary_data', 'string_data']);
const K8S_SECRET_KEYS = /password|secret|token|private_key/i;

function keys(segments: readonly PathSegment[]): string[] {
  return segments.filter((s): s is string => typeof s === 'string');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function markedSensitive(config: unknown): boolean {
  return isObject(config) && config.sensitive === true;
}

function isSecretManifest(config: unknown): boolean {
  return isObject(config) && isObject(config.manifest) && config.manifest.kind === 'Secret';
}

/**
 * True when the value at `segments` of this block must not be shown. `before`
 * and `after` are the block on each side (either may be absent).
 */
export function isSensitivePath(before: Block | undefined, after: Block | undefined, segments: readonly PathSegment[]): boolean {
  const block = after ?? before;
  if (!block) return false;
  const names = keys(segments);
  const first = names[0] ?? '';

  if (names.some((k) => ANY_BLOCK_KEYS.test(k))) return true;

  if ((block.kind === 'output' || block.kind === 'variable') && (markedSensitive(before?.config) || markedSensitive(after?.config))) {
    return first === 'value' || first === 'default';
  }
  if ((block.kind === 'resource' || block.kind === 'data') && K8S_SECRET_TYPES.has(block.type)) {
    return K8S_SECRET_DATA.has(first) || names.some((k) => K8S_SECRET_KEYS.test(k));
  }
  if (block.kind === 'resource' && block.type === 'kubernetes_manifest') {
    const secret = isSecretManifest(before?.config) || isSecretManifest(after?.config);
    return secret && first === 'manifest' && (names[1] === 'data' || names[1] === 'stringData');
  }
  if ((block.kind === 'resource' || block.kind === 'data') && block.type.startsWith('aws_secretsmanager_')) {
    return /^secret_(string|binary)/.test(first);
  }
  return false;
}

/**
 * True when the value at `segments`, or anything nested in it, must not be
 * shown: an added `{ "password": ... }` object is masked whole.
 */
export function needsMask(before: Block | undefined, after: Block | undefined, segments: readonly PathSegment[], values: readonly unknown[]): boolean {
  if (isSensitivePath(before, after, segments)) return true;
  const nested = (value: unknown, path: readonly PathSegment[]): boolean => {
    if (Array.isArray(value)) return value.some((v, i) => nested(v, [...path, i]));
    if (!isObject(value)) return false;
    return Object.entries(value).some(([k, v]) => isSensitivePath(before, after, [...path, k]) || nested(v, [...path, k]));
  };
  return values.some((v) => nested(v, segments));
}
