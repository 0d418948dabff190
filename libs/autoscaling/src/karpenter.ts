import { Construct } from 'constructs';
import type { Release } from '@cdktf/provider-helm/lib/release';
import { pinnedRelease, type HelmReleaseOptions } from './pinned-release';
import { KARPENTER_NAMESPACE, KARPENTER_SERVICE_ACCOUNT, karpenterValues, type KarpenterValuesInput } from './karpenter-values';
import type { PinnedChart } from './chart-versions';

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
 */
export class Karpenter extends Construct {
  readonly releaseName = 'karpenter';
  readonly namespace = KARPENTER_NAMESPACE;
  readonly serviceAccount = KARPENTER_SERVICE_ACCOUNT;
  readonly values: Readonly<Record<string, unknown>>;
  readonly release: Release;

  constructor(scope: Construct, id: string, props: KarpenterProps) {
    super(scope, id);
    const { provider, dependsOn, timeoutSeconds, chartVersion, ...valuesInput } = props;
    this.values = karpenterValues(valuesInput);
    this.release = pinnedRelease(this, 'release', {
      name: this.releaseName,
      namespace: KARPENTER_NAMESPACE,
      chart: karpenterChart(chartVersion),
      values: this.values,
      timeoutSeconds,
      provider,
      dependsOn,
    });
  }
}
