/**
 * The rules of the cluster-autoscaler's input, as pure functions:
 * `clusterAutoscalerValues` (and so `ClusterAutoscaler`) throws them as one
 * `InvalidPropsError`; `@boomi-eks/config` reports the same issues under
 * `autoscaler.*` (and `cluster.kubernetesVersion`). Paths are the input's own
 * (`imageTag`, `resources.limits.memory`).
 */
import { cpuToMillicores, isCpuQuantity, isMemoryQuantity, memoryToMiB, minorOf, type PropsIssue, type ValidateOptions } from '@boomi-eks/primitives';
import { CLUSTER_AUTOSCALER_IMAGE_TAGS } from './autoscaler-defaults';

export type { ValidateOptions } from '@boomi-eks/primitives';

/** The fields of `ClusterAutoscalerValuesInput` the rules read. */
export interface ClusterAutoscalerRulesInput {
  /** Kubernetes minor of the cluster, e.g. '1.36'. */
  readonly kubernetesVersion: string;
  /** @default - the tag CLUSTER_AUTOSCALER_IMAGE_TAGS pins for the cluster's minor */
  readonly imageTag?: string;
  /** @default 300 */
  readonly maxNodesTotal?: number;
  /** @default requests and limits 100m / 300Mi */
  readonly resources?: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly cpu: string; readonly memory: string };
  };
}

const TAG = /^v\d+\.\d+\.\d+$/;

/**
 * The image tag rules: an explicit tag must be `vX.Y.Z` of the cluster's
 * minor; without one, the cluster's minor must have a pinned tag.
 */
export function validateClusterAutoscalerImage(
  input: Pick<ClusterAutoscalerRulesInput, 'kubernetesVersion' | 'imageTag'>,
  options: ValidateOptions = {},
): PropsIssue[] {
  const unresolved = options.isUnresolved ?? (() => false);
  const { kubernetesVersion: version, imageTag: tag } = input;
  if (tag !== undefined && unresolved(tag)) return [];
  if (unresolved(version)) {
    return tag === undefined
      ? [{ path: 'imageTag', value: undefined, message: 'is required when kubernetesVersion is known only at deploy time', fix: 'set the tag of the cluster’s minor, e.g. v1.36.1' }]
      : [];
  }
  const minor = minorOf(version);
  const pinned = minor ? CLUSTER_AUTOSCALER_IMAGE_TAGS[minor] : undefined;
  const orPinned = pinned ? `, or remove the field to use ${pinned}` : '';
  if (tag !== undefined) {
    if (!TAG.test(tag)) {
      return [{ path: 'imageTag', value: tag, message: 'is not a cluster-autoscaler tag such as v1.36.1', fix: `use a v${minor ?? version}.x tag${orPinned}` }];
    }
    if (minorOf(tag) !== minor) {
      return [
        {
          path: 'imageTag',
          value: tag,
          message: `is for Kubernetes ${minorOf(tag)} but the cluster runs ${version}: the autoscaler's minor must match the cluster's`,
          fix: `use a v${minor ?? version}.x tag${orPinned}`,
        },
      ];
    }
    return [];
  }
  if (!pinned) {
    return [
      {
        path: 'kubernetesVersion',
        value: version,
        message: 'has no cluster-autoscaler image tag',
        fix:
          `use one of ${Object.keys(CLUSTER_AUTOSCALER_IMAGE_TAGS).join(', ')}, add the minor to CLUSTER_AUTOSCALER_IMAGE_TAGS ` +
          `(libs/autoscaling/src/autoscaler-defaults.ts), or set imageTag to a v${minor ?? version}.x tag`,
      },
    ];
  }
  return [];
}

/** Every problem of the input: the image tag, `maxNodesTotal`, and the container resources. */
export function validateClusterAutoscaler(input: ClusterAutoscalerRulesInput, options: ValidateOptions = {}): PropsIssue[] {
  const unresolved = options.isUnresolved ?? (() => false);
  const out = validateClusterAutoscalerImage(input, options);
  const max = input.maxNodesTotal;
  if (max !== undefined && !unresolved(max) && !(Number.isInteger(max) && max >= 1)) {
    out.push({ path: 'maxNodesTotal', value: max, message: 'must be a whole number ≥ 1', fix: 'set it to at least the sum of the node groups’ maxSize' });
  }
  const r = input.resources;
  if (r) {
    const quantities: [string, string, (q: string) => boolean][] = [
      ['requests.cpu', r.requests.cpu, isCpuQuantity],
      ['requests.memory', r.requests.memory, isMemoryQuantity],
      ['limits.cpu', r.limits.cpu, isCpuQuantity],
      ['limits.memory', r.limits.memory, isMemoryQuantity],
    ];
    let readable = true;
    for (const [field, value, ok] of quantities) {
      if (unresolved(value)) readable = false;
      else if (!ok(value)) {
        readable = false;
        out.push({ path: `resources.${field}`, value, message: 'is not a Kubernetes quantity', fix: field.endsWith('cpu') ? "write it like '100m' or '1'" : "write it like '300Mi' or '1Gi'" });
      }
    }
    if (readable) {
      if (memoryToMiB(r.limits.memory) < memoryToMiB(r.requests.memory)) {
        out.push({ path: 'resources.limits.memory', value: r.limits.memory, message: `is below the request (${r.requests.memory})`, fix: 'raise the limit' });
      }
      if (cpuToMillicores(r.limits.cpu) < cpuToMillicores(r.requests.cpu)) {
        out.push({ path: 'resources.limits.cpu', value: r.limits.cpu, message: `is below the request (${r.requests.cpu})`, fix: 'raise the limit' });
      }
    }
  }
  return out;
}
