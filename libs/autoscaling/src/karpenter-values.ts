/**
 * Helm values of the Karpenter chart (oci://public.ecr.aws/karpenter/karpenter),
 * as a pure function. Keys checked against the chart's values.yaml at
 * aws/karpenter-provider-aws v1.14.1.
 */
import { containerResourcesValues, type ContainerResources } from '@boomi-eks/primitives';

/** Namespace of the controller (upstream's getting-started choice for v1). */
export const KARPENTER_NAMESPACE = 'kube-system';
/** Service account the chart creates and Pod Identity binds. */
export const KARPENTER_SERVICE_ACCOUNT = 'karpenter';

export interface KarpenterValuesInput {
  /** EKS cluster name (`settings.clusterName`). */
  readonly clusterName: string;
  /** Interruption queue name (`settings.interruptionQueue`): the cluster stack's queue. */
  readonly interruptionQueueName: string;
  /**
   * Controller requests and limits. @default 1 cpu / 1Gi requests and limits
   * (upstream's getting-started values)
   */
  readonly resources?: ContainerResources;
}

export const KARPENTER_VALUES_DEFAULTS = {
  resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
  /** Two replicas on two nodes (the chart's required anti-affinity): leader election, no gap on a node loss. */
  replicas: 2,
} as const;

/**
 * The chart's values. The chart's own affinity keeps the controller off the
 * nodes it manages (`karpenter.sh/nodepool DoesNotExist`): it runs on the
 * fixed-size managed node groups. The controller image is the chart's own
 * (tag and digest pinned by the chart version).
 */
export function karpenterValues(input: KarpenterValuesInput): Record<string, unknown> {
  return {
    replicas: KARPENTER_VALUES_DEFAULTS.replicas,
    serviceAccount: { create: true, name: KARPENTER_SERVICE_ACCOUNT },
    settings: {
      clusterName: input.clusterName,
      interruptionQueue: input.interruptionQueueName,
    },
    controller: { resources: containerResourcesValues(input.resources ?? KARPENTER_VALUES_DEFAULTS.resources) },
  };
}
