import type { Construct } from 'constructs';
import { Token, type ITerraformDependable } from 'cdktf';
import { PinnedHelmRelease, type HelmReleaseOptions } from '@boomi-eks/primitives/helm';
import { CLUSTER_AUTOSCALER_CHART } from './chart-versions';
import {
  CLUSTER_AUTOSCALER_NAMESPACE,
  CLUSTER_AUTOSCALER_SERVICE_ACCOUNT,
  clusterAutoscalerValues,
  type ClusterAutoscalerValuesInput,
} from './autoscaler-values';

export interface ClusterAutoscalerProps extends ClusterAutoscalerValuesInput, HelmReleaseOptions {
  /** Resources to create first (node groups, the Pod Identity association). @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The cluster-autoscaler, for the workloads stack: a Helm release of the
 * upstream chart at the pinned version (chart-versions.ts) in kube-system, with
 * values from `clusterAutoscalerValues`. Its IAM role lives in the cluster
 * stack (`ClusterAutoscalerIdentity`), bound to the release's service account.
 * Release `cluster-autoscaler`, on the shared {@link PinnedHelmRelease} base.
 */
export class ClusterAutoscaler extends PinnedHelmRelease {
  /** Service account the chart creates. */
  readonly serviceAccount = CLUSTER_AUTOSCALER_SERVICE_ACCOUNT;

  constructor(scope: Construct, id: string, props: ClusterAutoscalerProps) {
    const { provider, dependsOn, timeoutSeconds, ...valuesInput } = props;
    super(scope, id, {
      releaseName: 'cluster-autoscaler',
      namespace: CLUSTER_AUTOSCALER_NAMESPACE,
      chart: CLUSTER_AUTOSCALER_CHART,
      values: clusterAutoscalerValues(valuesInput, { isUnresolved: Token.isUnresolved }),
      timeoutSeconds,
      provider,
      dependsOn,
    });
  }
}
