/**
 * The add-ons' defaults, as plain data (no cdktf, no constructs): the charts'
 * value builders and `@boomi-eks/config` both read them from here (through
 * `@boomi-eks/cluster-addons/rules`), so each default has one owner.
 */

/** Defaults of `nodeLocalDnsValues` (NodeLocal DNSCache). */
export const NODE_LOCAL_DNS_DEFAULTS = {
  /** The Kubernetes docs' link-local address. */
  localIp: '169.254.20.10',
  dnsDomain: 'cluster.local',
  resources: {
    requests: { cpu: '25m', memory: '128Mi' },
    limits: { cpu: '200m', memory: '128Mi' },
  },
} as const;

/** Defaults of `nodeProblemDetectorValues`. */
export const NODE_PROBLEM_DETECTOR_DEFAULTS = {
  resources: {
    requests: { cpu: '20m', memory: '64Mi' },
    limits: { cpu: '200m', memory: '128Mi' },
  },
  prometheusScrape: false,
  logMonitors: ['/config/kernel-monitor.json', '/config/readonly-monitor.json'],
} as const;

/**
 * Link-local addresses already taken on an EKS node: instance metadata, Amazon
 * DNS, Time Sync, container credentials, EKS Pod Identity agent. NodeLocal
 * DNSCache must not listen on one of them.
 */
export const RESERVED_LINK_LOCAL: Readonly<Record<string, string>> = {
  '169.254.169.254': 'the instance metadata service',
  '169.254.169.253': 'the Amazon-provided DNS server',
  '169.254.169.123': 'the Amazon Time Sync service',
  '169.254.170.2': 'the container credentials endpoint',
  '169.254.170.23': 'the EKS Pod Identity agent',
};

const res = (rc: string, rm: string, lc: string, lm: string) => ({ requests: { cpu: rc, memory: rm }, limits: { cpu: lc, memory: lm } }) as const;

/** Defaults of `monitoringValues` / `Monitoring` (kube-prometheus-stack). */
export const MONITORING_DEFAULTS = {
  /** Namespace of the release. */
  namespace: 'monitoring',
  /** How long Prometheus keeps samples (the chart's default). */
  retention: '10d',
  /** Alertmanager volume (silences, notification log). */
  alertmanagerSize: '2Gi',
  /** Requests and limits per container. */
  resources: {
    prometheus: res('500m', '2Gi', '2', '4Gi'),
    alertmanager: res('50m', '64Mi', '200m', '256Mi'),
    operator: res('50m', '128Mi', '500m', '256Mi'),
    configReloader: res('10m', '32Mi', '100m', '64Mi'),
    webhookJobs: res('10m', '32Mi', '100m', '64Mi'),
    grafana: res('100m', '256Mi', '500m', '512Mi'),
    grafanaSidecar: res('20m', '64Mi', '200m', '128Mi'),
    kubeStateMetrics: res('20m', '64Mi', '200m', '256Mi'),
    nodeExporter: res('25m', '48Mi', '250m', '128Mi'),
  },
} as const;

/** Defaults of `externalSecretsValues` and `ExternalSecretsOperator` (the External Secrets Operator release). */
export const EXTERNAL_SECRETS_DEFAULTS = {
  namespace: 'external-secrets',
  releaseName: 'external-secrets',
  serviceAccountName: 'external-secrets',
  resources: {
    requests: { cpu: '20m', memory: '64Mi' },
    limits: { cpu: '200m', memory: '256Mi' },
  },
} as const;
