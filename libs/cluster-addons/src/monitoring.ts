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
 * Prometheus and Alertmanager keep their data on EBS volumes of an encrypted
 * gp3 StorageClass that the release creates (`storage`, default on): the
 * cluster needs the aws-ebs-csi-driver add-on (the platform's cluster stack
 * installs it with monitoring). With `storage.enabled: false` they use
 * emptyDir and lose their data whenever a pod moves.
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
