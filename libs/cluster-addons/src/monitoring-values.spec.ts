import { parse } from 'yaml';
import { toHelmValuesYaml } from '@boomi-eks/primitives';
import { MONITORING_DEFAULTS } from './cluster-addons-defaults';
import {
  KUBERNETES_PODS_JOB,
  MONITORING_RESOURCE_PATHS,
  kubernetesPodsScrapeConfig,
  monitoringValues,
} from './monitoring-values';

/** Reads a dotted path out of the values. */
const at = (values: unknown, path: string): any =>
  path.split('.').reduce<any>((acc, key) => (acc === undefined || acc === null ? undefined : acc[key]), values);

describe('monitoringValues', () => {
  const values = monitoringValues();

  it.each(Object.entries(MONITORING_RESOURCE_PATHS))('gives %s (%s) cpu and memory requests and limits', (key, path) => {
    const r = at(values, path);
    expect(r).toEqual(MONITORING_DEFAULTS.resources[key as keyof typeof MONITORING_DEFAULTS.resources]);
    for (const bound of ['requests', 'limits']) for (const kind of ['cpu', 'memory']) expect(r[bound][kind]).toEqual(expect.any(String));
  });

  it('covers every component the chart runs by default: Prometheus, Alertmanager, Grafana, operator, kube-state-metrics, node-exporter', () => {
    expect(Object.values(MONITORING_RESOURCE_PATHS)).toEqual(
      expect.arrayContaining([
        'prometheus.prometheusSpec.resources',
        'alertmanager.alertmanagerSpec.resources',
        'grafana.resources',
        'prometheusOperator.resources',
        'kube-state-metrics.resources',
        'prometheus-node-exporter.resources',
      ]),
    );
  });

  it('keeps 10 days of samples unless told otherwise', () => {
    expect(at(values, 'prometheus.prometheusSpec.retention')).toBe('10d');
    expect(at(monitoringValues({ retention: '30d' }), 'prometheus.prometheusSpec.retention')).toBe('30d');
  });

  it('selects the monitors and rules of every release, not only its own', () => {
    const spec = at(values, 'prometheus.prometheusSpec');
    expect(spec).toEqual(
      expect.objectContaining({
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        probeSelectorNilUsesHelmValues: false,
      }),
    );
  });

  it('scrapes annotated pods with the kubernetes-pods job, then any extra job', () => {
    const extra = { job_name: 'molecule-jmx', static_configs: [{ targets: ['x:9404'] }] };
    const jobs = at(monitoringValues({ extraScrapeConfigs: [extra] }), 'prometheus.prometheusSpec.additionalScrapeConfigs');
    expect(jobs.map((j: { job_name: string }) => j.job_name)).toEqual([KUBERNETES_PODS_JOB, 'molecule-jmx']);
  });

  it('does not scrape what EKS keeps out of reach (controller manager, scheduler, etcd) nor kube-proxy on 127.0.0.1', () => {
    for (const c of ['kubeControllerManager', 'kubeScheduler', 'kubeEtcd', 'kubeProxy']) expect(values[c]).toEqual({ enabled: false });
  });

  it('sets no Grafana password: it removes the chart default so the grafana chart generates one', () => {
    expect(at(values, 'grafana')).toEqual(expect.objectContaining({ enabled: true, adminPassword: null }));
    expect(at(values, 'grafana.admin')).toBeUndefined();
    expect(parse(toHelmValuesYaml(values)).grafana.adminPassword).toBeNull();
  });

  it('takes a resource entry and deep-merges valuesOverride last', () => {
    const v = monitoringValues({
      resources: { prometheus: { requests: { cpu: '1', memory: '4Gi' }, limits: { cpu: '2', memory: '8Gi' } } },
      valuesOverride: { alertmanager: { enabled: false }, prometheus: { prometheusSpec: { retention: '2d' } } },
    });
    expect(at(v, 'prometheus.prometheusSpec.resources')).toEqual({ requests: { cpu: '1', memory: '4Gi' }, limits: { cpu: '2', memory: '8Gi' } });
    expect(at(v, 'prometheus.prometheusSpec.retention')).toBe('2d');
    expect(at(v, 'alertmanager.enabled')).toBe(false);
    expect(at(v, 'alertmanager.alertmanagerSpec.resources')).toEqual(MONITORING_DEFAULTS.resources.alertmanager);
    expect(at(v, 'grafana.resources')).toEqual(MONITORING_DEFAULTS.resources.grafana);
  });
});

describe('kubernetesPodsScrapeConfig', () => {
  const job = kubernetesPodsScrapeConfig() as { job_name: string; kubernetes_sd_configs: unknown; relabel_configs: Record<string, any>[] };
  const rule = (source: string) => job.relabel_configs.find((r) => (r.source_labels ?? []).includes(source));

  it('discovers pods', () => {
    expect(job.job_name).toBe('kubernetes-pods');
    expect(job.kubernetes_sd_configs).toEqual([{ role: 'pod' }]);
  });

  it('keeps only pods annotated prometheus.io/scrape: "true" (the cluster-autoscaler is)', () => {
    expect(job.relabel_configs[0]).toEqual({
      source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'],
      action: 'keep',
      regex: 'true',
    });
  });

  it('scrapes the port of prometheus.io/port and the path of prometheus.io/path', () => {
    const port = rule('__meta_kubernetes_pod_annotation_prometheus_io_port')!;
    expect(port).toEqual(expect.objectContaining({ target_label: '__address__', replacement: '$1:$2' }));
    // The relabelling regex, applied as Prometheus does: "<address>;<port>".
    const m = new RegExp(`^${port.regex}$`).exec('10.0.1.5:9090;8085')!;
    expect(`${m[1]}:${m[2]}`).toBe('10.0.1.5:8085');
    const noPort = new RegExp(`^${port.regex}$`).exec('10.0.1.5;8085')!;
    expect(`${noPort[1]}:${noPort[2]}`).toBe('10.0.1.5:8085');
    expect(rule('__meta_kubernetes_pod_annotation_prometheus_io_path')).toEqual(expect.objectContaining({ target_label: '__metrics_path__' }));
  });

  it('drops pods that are not running, and labels series with namespace, pod and node', () => {
    expect(rule('__meta_kubernetes_pod_phase')).toEqual(expect.objectContaining({ action: 'drop' }));
    expect(job.relabel_configs.map((r) => r.target_label).filter(Boolean)).toEqual(
      expect.arrayContaining(['namespace', 'pod', 'node']),
    );
  });

  it('never contains a Terraform interpolation, so the values reach Helm verbatim', () => {
    const yaml = toHelmValuesYaml({ job });
    expect(yaml).not.toContain('${');
    expect(parse(yaml).job).toEqual(job);
  });
});
