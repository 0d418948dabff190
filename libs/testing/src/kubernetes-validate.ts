/**
 * Validates rendered Kubernetes objects against the Kubernetes API schemas
 * with `kubernetes-models` (its generated per-kind validators run on
 * `@kubernetes-models/validate`). A kind without a validator here is an error,
 * so a new object in the chart cannot go unchecked.
 */
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';

type Model = { validate(): void };
const VALIDATORS: Record<string, (o: any) => Model> = {
  'v1/Namespace': (o) => new Namespace(o),
  'v1/PersistentVolume': (o) => new PersistentVolume(o),
  'v1/PersistentVolumeClaim': (o) => new PersistentVolumeClaim(o),
  'v1/Secret': (o) => new Secret(o),
  'v1/Service': (o) => new Service(o),
  'apps/v1/StatefulSet': (o) => new StatefulSet(o),
  'autoscaling/v2/HorizontalPodAutoscaler': (o) => new HorizontalPodAutoscaler(o),
  'networking.k8s.io/v1/NetworkPolicy': (o) => new NetworkPolicy(o),
  'policy/v1/PodDisruptionBudget': (o) => new PodDisruptionBudget(o),
  'storage.k8s.io/v1/StorageClass': (o) => new StorageClass(o),
};

/** `apiVersion/kind` of every kind a validator exists for. */
export const VALIDATED_KINDS = Object.keys(VALIDATORS);

/** Throws with the schema errors when the object is not valid for its apiVersion/kind. */
export function validateKubernetesObject(o: unknown): void {
  const { apiVersion, kind } = (o ?? {}) as { apiVersion?: unknown; kind?: unknown };
  const key = `${String(apiVersion)}/${String(kind)}`;
  const make = VALIDATORS[key];
  if (!make) throw new Error(`no validator for ${key}`);
  make(o).validate();
}
