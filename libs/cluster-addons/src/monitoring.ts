import type { Construct } from 'constructs';
import { PinnedHelmRelease, type HelmReleaseOptions } from '@boomi-eks/primitives/helm';
import { KUBE_PROMETHEUS_STACK_CHART } from './chart-versions';
import { MONITORING_NAMESPACE, monitoringValues, type MonitoringValuesInput } from './monitoring-values';

export interface MonitoringProps extends MonitoringValuesInput, HelmReleaseOptions {
  /** Namespace of the release, created by Helm. @default 'monitoring' */
  readonly namespace?: string;
  /** Seconds Helm waits for the release to become ready (CRDs, webhook Jobs, Prometheus). @default 900 */
  readonly timeoutSeconds?: number;
}

/**
 * Monitoring (seed 001's kube-prometheus): a Helm release of
 * kube-prometheus-stack at the pinned version, with values from
 * `monitoringValues`: Prometheus Operator, Prometheus, Alertmanager,
 * Grafana, kube-state-metrics and node-exporter, every container with
 * requests and limits, and a `kubernetes-pods` job for annotated pods.
 *
 * Prometheus and Alertmanager keep their data on EBS volumes of an encrypted
 * gp3 StorageClass that the release creates (`storage`, default on): the
 * cluster needs the aws-ebs-csi-driver add-on (the platform's cluster stack
 * installs it with monitoring). With `storage.enabled: false` they use
 * emptyDir and lose their data whenever a pod moves.
 */
export class Monitoring extends PinnedHelmRelease {
  /** Secret the grafana chart writes the generated admin password to (key `admin-password`). */
  readonly grafanaAdminSecretName: string;

  constructor(scope: Construct, id: string, props: MonitoringProps = {}) {
    const { namespace, provider, dependsOn, timeoutSeconds, ...valuesInput } = props;
    super(scope, id, {
      // Prefixes the chart's objects: `<release>-grafana`, ...
      releaseName: 'kube-prometheus-stack',
      namespace: namespace ?? MONITORING_NAMESPACE,
      createNamespace: true,
      chart: KUBE_PROMETHEUS_STACK_CHART,
      values: monitoringValues(valuesInput),
      timeoutSeconds: timeoutSeconds ?? 900,
      provider,
      dependsOn,
    });
    this.grafanaAdminSecretName = `${this.releaseName}-grafana`;
  }
}
