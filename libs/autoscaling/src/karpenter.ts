import type { Construct } from 'constructs';
import { PinnedHelmRelease, type HelmReleaseOptions, type PinnedChart } from '@boomi-eks/primitives/helm';
import { KARPENTER_NAMESPACE, KARPENTER_SERVICE_ACCOUNT, karpenterValues, type KarpenterValuesInput } from './karpenter-values';

/** The Karpenter chart at a version (the catalog's `karpenter.chartVersion` for the cluster's minor). */
export function karpenterChart(version: string): PinnedChart {
  return { repository: 'oci://public.ecr.aws/karpenter', chart: 'karpenter', version, appVersion: version };
}

export interface KarpenterProps extends KarpenterValuesInput, HelmReleaseOptions {
  /** Chart version (KUBERNETES_RELEASES[minor].karpenter.chartVersion). */
  readonly chartVersion: string;
}

/**
 * Karpenter, for the workloads stack: a Helm release of the upstream chart
 * from its OCI registry, pinned, in kube-system. The chart installs the CRDs
 * (NodePool, NodeClaim, EC2NodeClass) on first install; Helm does not upgrade
 * CRDs, so a chart upgrade that changes them applies them first (docs/karpenter.md).
 * Its AWS side (role, queue, node role) is `KarpenterIdentity` in the cluster stack.
 * Release `karpenter`, on the shared {@link PinnedHelmRelease} base.
 */
export class Karpenter extends PinnedHelmRelease {
  /** Service account the chart creates (Pod Identity binds it). */
  readonly serviceAccount = KARPENTER_SERVICE_ACCOUNT;

  constructor(scope: Construct, id: string, props: KarpenterProps) {
    const { provider, dependsOn, timeoutSeconds, chartVersion, ...valuesInput } = props;
    super(scope, id, {
      releaseName: 'karpenter',
      namespace: KARPENTER_NAMESPACE,
      chart: karpenterChart(chartVersion),
      values: karpenterValues(valuesInput),
      timeoutSeconds,
      provider,
      dependsOn,
    });
  }
}
