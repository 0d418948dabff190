/**
 * Helm values of the kube-prometheus-stack chart (chart-versions.ts), computed
 * by a pure function. Key paths are those of the chart's values.yaml and of
 * its subcharts (grafana, kube-state-metrics, prometheus-node-exporter).
 */
import { mergeValues, type ContainerResources } from '@boomi-eks/primitives';
import { MONITORING_DEFAULTS } from './cluster-addons-defaults';
import {
  ENCRYPTED_GP3_STORAGE_CLASS,
  encryptedGp3StorageClass,
  prometheusRetentionSize,
  prometheusVolumeGiB,
  quantityGiB,
  volumeClaimTemplate,
} from './monitoring-storage';

/** Namespace of the monitoring release. */
export const MONITORING_NAMESPACE = MONITORING_DEFAULTS.namespace;

/** Name of the scrape job that honours the `prometheus.io/*` pod annotations. */
export const KUBERNETES_PODS_JOB = 'kubernetes-pods';

/** The containers the values give requests and limits to, by value path. */
export interface MonitoringResources {
  /** `prometheus.prometheusSpec.resources` @default requests 500m/2Gi, limits 2/4Gi */
  readonly prometheus: ContainerResources;
  /** `alertmanager.alertmanagerSpec.resources` @default requests 50m/64Mi, limits 200m/256Mi */
  readonly alertmanager: ContainerResources;
  /** `prometheusOperator.resources` @default requests 50m/128Mi, limits 500m/256Mi */
  readonly operator: ContainerResources;
  /** `prometheusOperator.prometheusConfigReloader.resources` (the sidecar of Prometheus and Alertmanager) @default requests 10m/32Mi, limits 100m/64Mi */
  readonly configReloader: ContainerResources;
  /** `prometheusOperator.admissionWebhooks.patch.resources` (the certificate Jobs) @default requests 10m/32Mi, limits 100m/64Mi */
  readonly webhookJobs: ContainerResources;
  /** `grafana.resources` @default requests 100m/256Mi, limits 500m/512Mi */
  readonly grafana: ContainerResources;
  /** `grafana.sidecar.resources` (dashboard and datasource sidecars) @default requests 20m/64Mi, limits 200m/128Mi */
  readonly grafanaSidecar: ContainerResources;
  /** `kube-state-metrics.resources` @default requests 20m/64Mi, limits 200m/256Mi */
  readonly kubeStateMetrics: ContainerResources;
  /** `prometheus-node-exporter.resources` (one per node) @default requests 25m/48Mi, limits 250m/128Mi */
  readonly nodeExporter: ContainerResources;
}

/** Where each entry of {@link MonitoringResources} goes in the values. */
export const MONITORING_RESOURCE_PATHS: Readonly<Record<keyof MonitoringResources, string>> = {
  prometheus: 'prometheus.prometheusSpec.resources',
  alertmanager: 'alertmanager.alertmanagerSpec.resources',
  operator: 'prometheusOperator.resources',
  configReloader: 'prometheusOperator.prometheusConfigReloader.resources',
  webhookJobs: 'prometheusOperator.admissionWebhooks.patch.resources',
  grafana: 'grafana.resources',
  grafanaSidecar: 'grafana.sidecar.resources',
  kubeStateMetrics: 'kube-state-metrics.resources',
  nodeExporter: 'prometheus-node-exporter.resources',
};

// Every default resource entry has the MonitoringResources shape: checked at compile time.
const _defaultResources: MonitoringResources = MONITORING_DEFAULTS.resources;
void _defaultResources;

export interface MonitoringValuesInput {
  /** How long Prometheus keeps samples. @default '10d' */
  readonly retention?: string;
  /** Requests and limits per container; entries given replace the default. @default MONITORING_DEFAULTS.resources */
  readonly resources?: Partial<MonitoringResources>;
  /** Further Prometheus scrape jobs, after the `kubernetes-pods` job. @default [] */
  readonly extraScrapeConfigs?: readonly Record<string, unknown>[];
  /**
   * Durable data: Prometheus and Alertmanager on volumes of an encrypted gp3
   * StorageClass, created by this release (`extraManifests`); needs the
   * aws-ebs-csi-driver add-on. `false`: emptyDir (the chart's default; data is
   * lost whenever a pod moves).
   * @default { enabled: true, storageClassName: 'gp3-encrypted', alertmanagerSize: '2Gi' } and a Prometheus volume sized for the retention
   */
  readonly storage?: {
    readonly enabled?: boolean;
    readonly storageClassName?: string;
    /** @default max(10Gi, retention days × 2Gi × 1.25) */
    readonly prometheusSize?: string;
    /** @default '2Gi' */
    readonly alertmanagerSize?: string;
  };
  /**
   * A Secret in the release's namespace holding `alertmanager.yaml` (receivers,
   * routes), made outside Terraform so no webhook URL or key is in the values.
   * @default - none (the chart's config: receiver 'null')
   */
  readonly alertmanagerConfigSecret?: string;
  /** Escape hatch: any chart values, deep-merged last (objects key by key; arrays and scalars replace). @default {} */
  readonly valuesOverride?: Readonly<Record<string, unknown>>;
}


/**
 * The `kubernetes-pods` scrape job: every pod annotated
 * `prometheus.io/scrape: "true"`, on the port of `prometheus.io/port` and the
 * path of `prometheus.io/path` (default /metrics), labelled with its
 * namespace, pod and pod labels. The cluster-autoscaler (port 8085),
 * node-local-dns (9253), node-problem-detector (20257, when annotated) and a
 * Molecule with a metrics endpoint carry these annotations. Pods that are
 * not running are dropped. Replacements use `$1`, never `${1}`, so Terraform
 * never sees an interpolation.
 */
export function kubernetesPodsScrapeConfig(): Record<string, unknown> {
  return {
    job_name: KUBERNETES_PODS_JOB,
    kubernetes_sd_configs: [{ role: 'pod' }],
    relabel_configs: [
      { source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'], action: 'keep', regex: 'true' },
      { source_labels: ['__meta_kubernetes_pod_phase'], action: 'drop', regex: 'Pending|Succeeded|Failed|Completed' },
      {
        source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_path'],
        action: 'replace',
        target_label: '__metrics_path__',
        regex: '(.+)',
      },
      {
        source_labels: ['__address__', '__meta_kubernetes_pod_annotation_prometheus_io_port'],
        action: 'replace',
        regex: '([^:]+)(?::\\d+)?;(\\d+)',
        replacement: '$1:$2',
        target_label: '__address__',
      },
      { action: 'labelmap', regex: '__meta_kubernetes_pod_label_(.+)' },
      { source_labels: ['__meta_kubernetes_namespace'], action: 'replace', target_label: 'namespace' },
      { source_labels: ['__meta_kubernetes_pod_name'], action: 'replace', target_label: 'pod' },
      { source_labels: ['__meta_kubernetes_pod_node_name'], action: 'replace', target_label: 'node' },
    ],
  };
}

/** Sets `value` at a dotted path of `values` (creating objects on the way). */
function setPath(values: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = values;
  for (const key of keys.slice(0, -1)) {
    at[key] = (at[key] as Record<string, unknown> | undefined) ?? {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}

/**
 * Helm values for kube-prometheus-stack on EKS:
 * - requests and limits on every container the release runs (see
 *   {@link MONITORING_RESOURCE_PATHS});
 * - the `kubernetes-pods` job in `prometheus.prometheusSpec.additionalScrapeConfigs`;
 * - ServiceMonitors, PodMonitors, PrometheusRules and Probes of every release
 *   are selected, not only this release's (`*SelectorNilUsesHelmValues: false`);
 * - no scrape of what EKS runs out of reach (controller manager, scheduler,
 *   etcd) or binds to 127.0.0.1 (kube-proxy metrics), so no alert fires for
 *   targets that can never be up;
 * - Grafana's admin password: the chart default `prom-operator` is removed
 *   (`adminPassword: null`), so the grafana chart generates a random one into
 *   its Secret; no password is in the values or the Terraform JSON.
 * `valuesOverride` is merged last and wins over everything.
 */
export function monitoringValues(input: MonitoringValuesInput = {}): Record<string, unknown> {
  const d = MONITORING_DEFAULTS;
  const resources: MonitoringResources = { ...d.resources, ...stripUndefined(input.resources ?? {}) };
  const values: Record<string, unknown> = {
    prometheus: {
      prometheusSpec: {
        retention: input.retention ?? d.retention,
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        probeSelectorNilUsesHelmValues: false,
        additionalScrapeConfigs: [kubernetesPodsScrapeConfig(), ...(input.extraScrapeConfigs ?? [])],
      },
    },
    grafana: {
      enabled: true,
      // null removes the parent chart's default 'prom-operator': the grafana chart then generates a password.
      adminPassword: null,
    },
    kubeControllerManager: { enabled: false },
    kubeScheduler: { enabled: false },
    kubeEtcd: { enabled: false },
    kubeProxy: { enabled: false },
  };
  for (const [key, path] of Object.entries(MONITORING_RESOURCE_PATHS) as [keyof MonitoringResources, string][]) {
    const r = resources[key];
    setPath(values, path, {
      requests: { cpu: r.requests.cpu, memory: r.requests.memory },
      limits: { cpu: r.limits.cpu, memory: r.limits.memory },
    });
  }
  return mergeValues(mergeValues(values, storageValues(input)), input.valuesOverride as Record<string, unknown> | undefined);
}

/** The values that put Prometheus and Alertmanager on volumes, and the alert receivers' Secret. */
function storageValues(input: MonitoringValuesInput): Record<string, unknown> {
  const retention = input.retention ?? MONITORING_DEFAULTS.retention;
  const storage = input.storage ?? {};
  const out: Record<string, unknown> = {};
  const alertmanagerSpec: Record<string, unknown> = {};
  if (input.alertmanagerConfigSecret) alertmanagerSpec.configSecret = input.alertmanagerConfigSecret;
  if (storage.enabled ?? true) {
    const className = storage.storageClassName ?? ENCRYPTED_GP3_STORAGE_CLASS;
    const prometheusGiB = storage.prometheusSize ? quantityGiB(storage.prometheusSize) : prometheusVolumeGiB(retention);
    out.extraManifests = [encryptedGp3StorageClass(className)];
    out.prometheus = {
      prometheusSpec: {
        storageSpec: volumeClaimTemplate(className, prometheusGiB),
        retentionSize: prometheusRetentionSize(prometheusGiB),
      },
    };
    alertmanagerSpec.storage = volumeClaimTemplate(className, quantityGiB(storage.alertmanagerSize ?? MONITORING_DEFAULTS.alertmanagerSize));
  }
  if (Object.keys(alertmanagerSpec).length > 0) out.alertmanager = { alertmanagerSpec };
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
