import { Construct } from 'constructs';
import { Token, type ITerraformDependable } from 'cdktf';
import type { Release } from '@cdktf/provider-helm/lib/release';
import { CLUSTER_AUTOSCALER_CHART } from './chart-versions';
import {
  CLUSTER_AUTOSCALER_NAMESPACE,
  CLUSTER_AUTOSCALER_SERVICE_ACCOUNT,
  clusterAutoscalerValues,
  type ClusterAutoscalerValuesInput,
} from './autoscaler-values';
import { pinnedRelease, type HelmReleaseOptions } from './pinned-release';

export interface ClusterAutoscalerProps extends ClusterAutoscalerValuesInput, HelmReleaseOptions {
  /** Resources to create first (node groups, the Pod Identity association). @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The cluster-autoscaler, for the workloads stack: a Helm release of the
 * upstream chart at the pinned version (chart-versions.ts) in kube-system, with
 * values from `clusterAutoscalerValues`. Its IAM role lives in the cluster
 * stack (`ClusterAutoscalerIdentity`), bound to the release's service account.
 */
export class ClusterAutoscaler extends Construct {
  /** Helm release name. */
  readonly releaseName = 'cluster-autoscaler';
  /** Namespace of the release. */
  readonly namespace = CLUSTER_AUTOSCALER_NAMESPACE;
  /** Service account the chart creates. */
  readonly serviceAccount = CLUSTER_AUTOSCALER_SERVICE_ACCOUNT;
  /** The Helm values passed to the chart (before YAML rendering). */
  readonly values: Readonly<Record<string, unknown>>;
  /** The Helm release resource, as the escape hatch. */
  readonly release: Release;

  constructor(scope: Construct, id: string, props: ClusterAutoscalerProps) {
    super(scope, id);
    const { provider, dependsOn, timeoutSeconds, ...valuesInput } = props;
    this.values = clusterAutoscalerValues(valuesInput, { isUnresolved: Token.isUnresolved });
    this.release = pinnedRelease(this, 'release', {
      name: this.releaseName,
      namespace: CLUSTER_AUTOSCALER_NAMESPACE,
      chart: CLUSTER_AUTOSCALER_CHART,
      values: this.values,
      timeoutSeconds: timeoutSeconds,
      provider,
      dependsOn,
    });
  }
}
