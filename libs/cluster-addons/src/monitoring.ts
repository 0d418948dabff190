import { Construct } from 'constructs';
import type { Release } from '@cdktf/provider-helm/lib/release';
import { pinnedRelease, type HelmReleaseOptions } from '@boomi-eks/autoscaling';
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
 * Prometheus keeps its data on an emptyDir (the chart's default): this
 * cluster has no EBS CSI driver, so a pod move loses the samples. Add the
 * `aws-ebs-csi-driver` add-on and `prometheus.prometheusSpec.storageSpec`
 * through `valuesOverride` for retention across restarts.
 */
export class Monitoring extends Construct {
  /** Helm release name (prefixes the chart's objects: `<release>-grafana`, ...). */
  readonly releaseName = 'kube-prometheus-stack';
  /** Namespace of the release. */
  readonly namespace: string;
  /** Secret the grafana chart writes the generated admin password to (key `admin-password`). */
  readonly grafanaAdminSecretName: string;
  /** The Helm values passed to the chart (before YAML rendering). */
  readonly values: Readonly<Record<string, unknown>>;
  /** The Helm release resource, as the escape hatch. */
  readonly release: Release;

  constructor(scope: Construct, id: string, props: MonitoringProps = {}) {
    super(scope, id);
    const { namespace, provider, dependsOn, timeoutSeconds, ...valuesInput } = props;
    this.namespace = namespace ?? MONITORING_NAMESPACE;
    this.grafanaAdminSecretName = `${this.releaseName}-grafana`;
    this.values = monitoringValues(valuesInput);
    this.release = pinnedRelease(this, 'release', {
      name: this.releaseName,
      namespace: this.namespace,
      createNamespace: true,
      chart: KUBE_PROMETHEUS_STACK_CHART,
      values: this.values,
      timeoutSeconds: timeoutSeconds ?? 900,
      provider,
      dependsOn,
    });
  }
}
