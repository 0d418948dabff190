/**
 * The upstream Helm charts this lib installs, pinned to exact versions in one
 * place. An upgrade is a reviewed change to this file, never a floating range.
 */
import type { PinnedChart } from '@boomi-eks/primitives/helm';

/**
 * deliveryhero `node-problem-detector`.
 *
 * Delivery Hero moved its charts from the chartmuseum at
 * charts.deliveryhero.io to OCI on GitHub Container Registry in October 2024
 * (deliveryhero/helm-charts PR #612, issue #606: the old index stopped
 * answering), so the repository is `oci://ghcr.io/deliveryhero/helm-charts`.
 * 2.4.0 is the chart that public EKS/OKE Terraform pins with that repository
 * (oracle-quickstart/oci-hpc-oke `node_problem_detector_chart_version`); its
 * values keep the keys used here (`settings.log_monitors`, `resources`,
 * `priorityClassName`, `tolerations`, `annotations`). The image is the
 * chart's default (registry.k8s.io/node-problem-detector).
 */
export const NODE_PROBLEM_DETECTOR_CHART: PinnedChart = {
  repository: 'oci://ghcr.io/deliveryhero/helm-charts',
  chart: 'node-problem-detector',
  version: '2.4.0',
  appVersion: 'chart default (registry.k8s.io/node-problem-detector image; not recorded here)',
};

/**
 * deliveryhero `node-local-dns` (same OCI repository, same move).
 *
 * 2.3.0 (appVersion 1.26.4, image registry.k8s.io/dns/k8s-dns-node-cache):
 * values `config.dnsServer` (kube-dns IP, iptables mode), `config.localDns`
 * (link-local IP), `config.dnsDomain`, `resources`, `tolerations`,
 * `prometheusScraping.enabled` (deliveryhero/helm-charts
 * stable/node-local-dns/README.md at 2.3.0).
 */
export const NODE_LOCAL_DNS_CHART: PinnedChart = {
  repository: 'oci://ghcr.io/deliveryhero/helm-charts',
  chart: 'node-local-dns',
  version: '2.3.0',
  appVersion: '1.26.4',
};

/**
 * prometheus-community `kube-prometheus-stack`.
 *
 * 77.6.2 (September 2025, Prometheus v3.5.x / Alertmanager v0.28.x, the same
 * generation as the other pins of this workspace), pinned by public EKS
 * Terraform (`kube_prometheus_stack_chart_version = "77.6.2"`). Every key set
 * in monitoring-values.ts was checked in the chart's values.yaml of that
 * generation (`prometheus.prometheusSpec.{resources,retention,
 * additionalScrapeConfigs,serviceMonitorSelectorNilUsesHelmValues,
 * podMonitorSelectorNilUsesHelmValues}`, `alertmanager.alertmanagerSpec.resources`,
 * `prometheusOperator.{resources,prometheusConfigReloader.resources,
 * admissionWebhooks.patch.resources}`, `grafana.{adminPassword,resources,
 * sidecar}`, `kube-state-metrics.resources`, `prometheus-node-exporter.resources`,
 * `kubeControllerManager|kubeScheduler|kubeEtcd|kubeProxy.enabled`).
 */
export const KUBE_PROMETHEUS_STACK_CHART: PinnedChart = {
  repository: 'https://prometheus-community.github.io/helm-charts',
  chart: 'kube-prometheus-stack',
  version: '77.6.2',
  appVersion: 'v0.85.0',
};

/**
 * external-secrets `external-secrets` (External Secrets Operator).
 *
 * 2.9.0 (tag `helm-chart-2.9.0`, 2026-08-08, appVersion v2.9.0). Read at that
 * tag: `deploy/charts/external-secrets/values.yaml` for every key set in
 * external-secrets-values.ts (`installCRDs`, `scopedNamespace`, `scopedRBAC`,
 * `processClusterStore`, `processClusterExternalSecret`,
 * `processClusterPushSecret`, `processPushSecret`, `processClusterGenerator`,
 * `serviceAccount.name`, `webhook.create`, `certController.create`,
 * `resources`); `templates/deployment.yaml` (`--namespace=<scopedNamespace>`,
 * cluster reconcilers off with `scopedRBAC`); `templates/rbac.yaml` (a Role in
 * the scoped namespace instead of a ClusterRole). Its CRDs are rendered as
 * templates (installed and upgraded with the release, `installCRDs`) and serve
 * `external-secrets.io/v1` only: v1beta1 is `served: false`
 * (`config/crds/bases/external-secrets.io_externalsecrets.yaml`).
 */
export const EXTERNAL_SECRETS_CHART: PinnedChart = {
  repository: 'https://charts.external-secrets.io',
  chart: 'external-secrets',
  version: '2.9.0',
  appVersion: 'v2.9.0',
};
