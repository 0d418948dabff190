/**
 * The one shape of a container's requests and limits in the `@boomi-eks`
 * libraries: the Kubernetes `resources` block with cpu and memory, both
 * requested and limited (every container of ours has both).
 */

/** Container requests and limits, as Kubernetes quantities (`'100m'`, `'300Mi'`). */
export interface ContainerResources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

/**
 * The `resources` block of a chart's values or a container spec: a fresh
 * object with exactly `requests.{cpu,memory}` and `limits.{cpu,memory}`, in
 * that order, whatever else the input carries.
 */
export function containerResourcesValues(resources: ContainerResources): {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
} {
  return {
    requests: { cpu: resources.requests.cpu, memory: resources.requests.memory },
    limits: { cpu: resources.limits.cpu, memory: resources.limits.memory },
  };
}
