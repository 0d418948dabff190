/**
 * The upstream Helm charts this lib installs, pinned to exact versions in one
 * place. An upgrade is a reviewed change to this file, never a floating range.
 */
import type { PinnedChart } from '@boomi-eks/primitives/helm';

/**
 * kubernetes/autoscaler `cluster-autoscaler` chart.
 *
 * 9.50.1 (published 2025-08-14, appVersion 1.33.0) is the chart release for
 * cluster-autoscaler 1.33. It is what
 * cdk-eks-blueprints (`lib/addons/cluster-autoscaler/index.ts`, 1.29–1.33) and
 * Rancher's minor → chart map (33 → 9.50.1) pin. The image tag is not left to
 * the chart: `clusterAutoscalerValues` sets it from the cluster's minor
 * (KUBERNETES_RELEASES, 1.32–1.36, default 1.36). A newer chart line (9.59.x,
 * appVersion 1.35) exists upstream; moving to it is a separate, reviewed change.
 * Source: the chart repository's index.yaml (gh-pages of kubernetes/autoscaler).
 */
export const CLUSTER_AUTOSCALER_CHART: PinnedChart = {
  repository: 'https://kubernetes.github.io/autoscaler',
  chart: 'cluster-autoscaler',
  version: '9.50.1',
  appVersion: '1.33.0',
};

/**
 * kubernetes-sigs/metrics-server `metrics-server` chart.
 *
 * 3.13.0 (released 2025-07-22, app v0.8.0; tag `metrics-server-helm-chart-3.13.0`),
 * the latest chart release; metrics-server supports every Kubernetes minor ≥ 1.31
 * with v0.8.x.
 */
export const METRICS_SERVER_CHART: PinnedChart = {
  repository: 'https://kubernetes-sigs.github.io/metrics-server/',
  chart: 'metrics-server',
  version: '3.13.0',
  appVersion: '0.8.0',
};
