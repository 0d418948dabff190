/**
 * Pure helpers of the manifest bridge: stable ids and the apply order of
 * Kubernetes objects (Terraform escaping is `escapeTerraformTemplates` in
 * @boomi-eks/primitives).
 */

/** A rendered Kubernetes object, as `Chart.toJson()` returns it. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** Kinds that live outside namespaces (a `metadata.namespace` on them is rejected by kubernetes_manifest). */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'StorageClass',
  'PersistentVolume',
  'PriorityClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CSIDriver',
  'IngressClass',
  'RuntimeClass',
  'VolumeSnapshotClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'APIService',
]);

const WORKLOAD_KINDS = new Set(['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);
const WORKLOAD_POLICY_KINDS = new Set(['HorizontalPodAutoscaler', 'PodDisruptionBudget']);

/**
 * Apply tier of a kind; an object is applied after every object of a lower tier
 * (and destroyed before them):
 * 0 Namespace and CRDs, 1 other cluster-scoped kinds (StorageClass), 2 PersistentVolume,
 * 3 namespaced objects that pods use (PVC, Service, Secret, ConfigMap, … and unknown kinds),
 * 4 workloads (StatefulSet, Deployment, …), 5 what targets workloads (HPA, PDB).
 */
export function applyTier(kind: string): number {
  if (kind === 'Namespace' || kind === 'CustomResourceDefinition') return 0;
  if (kind === 'PersistentVolume') return 2;
  if (CLUSTER_SCOPED_KINDS.has(kind)) return 1;
  if (WORKLOAD_KINDS.has(kind)) return 4;
  if (WORKLOAD_POLICY_KINDS.has(kind)) return 5;
  return 3;
}

/**
 * The construct id of an object's manifest: `<kind>-<name>` in lower case, other
 * characters than a-z 0-9 - _ replaced by `-`. It becomes part of the Terraform
 * address, so it must never change for an existing object.
 */
export function manifestId(object: Pick<KubernetesObject, 'kind' | 'metadata'>): string {
  return `${object.kind}-${object.metadata.name}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}
