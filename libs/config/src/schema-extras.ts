/**
 * The sections of the cluster extras (seeds 001, 002, 004): each is off unless
 * an environment turns it on, with documented defaults. Composed into
 * EnvironmentSchema (schema.ts) as `nodeHealth`, `nodeLocalDns`, `monitoring`.
 */
import { z } from 'zod';
import { MONITORING_DEFAULTS, NODE_LOCAL_DNS_DEFAULTS, NODE_PROBLEM_DETECTOR_DEFAULTS } from '@boomi-eks/cluster-addons/rules';

/** A mutable copy of a lib's frozen default resources (zod's output type is mutable). */
const copyResources = (r: { readonly requests: { readonly cpu: string; readonly memory: string }; readonly limits: { readonly cpu: string; readonly memory: string } }) => ({
  requests: { ...r.requests },
  limits: { ...r.limits },
});
import { cidr, k8sName, memory, resources } from './schema-fields';

/**
 * Node health (seed 001): node-problem-detector (Helm, kube-system) turns
 * kernel and runtime problems into node conditions and events; the EKS
 * node monitoring agent add-on sets the conditions EKS node auto repair acts
 * on; auto repair replaces (or reboots) a managed node that stays unhealthy.
 */
export const NodeHealthSchema = z
  .strictObject({
    /** @default false */
    enabled: z.boolean().default(false),
    /** EKS node auto repair on every managed node group. @default true (when enabled) */
    autoRepair: z.boolean().default(true),
    /** Nodes of one group repaired at the same time. @default 1 (the Molecule's PDB allows one pod down) */
    maxParallelRepairs: z.number().int().min(1).default(1),
    /** node-problem-detector container. @default requests 20m/64Mi, limits 200m/128Mi (the cluster-addons lib's) */
    resources: resources.default(copyResources(NODE_PROBLEM_DETECTOR_DEFAULTS.resources)),
  });

/**
 * NodeLocal DNSCache (seed 001): a DNS cache on every node, answering on the
 * kube-dns Service IP (the 10th address of cluster.serviceIpv4Cidr) and on a
 * link-local IP, so pods need no change.
 */
export const NodeLocalDnsSchema = z
  .strictObject({
    /** @default false */
    enabled: z.boolean().default(false),
    /**
     * Link-local address the cache also listens on, not one EKS nodes already
     * use (the cluster-addons lib's rule, rules-cluster.ts). @default '169.254.20.10' (the Kubernetes docs' address)
     */
    localIp: z.string().default(NODE_LOCAL_DNS_DEFAULTS.localIp),
    /** node-cache container. @default requests 25m/128Mi, limits 200m/128Mi (the cluster-addons lib's) */
    resources: resources.default(copyResources(NODE_LOCAL_DNS_DEFAULTS.resources)),
  });

/**
 * Monitoring (seed 001): kube-prometheus-stack (Prometheus Operator,
 * Prometheus, Alertmanager, Grafana, kube-state-metrics, node-exporter),
 * scraping every pod annotated `prometheus.io/scrape: "true"` (the
 * cluster-autoscaler is).
 */
export const MonitoringSchema = z
  .strictObject({
    /** @default false */
    enabled: z.boolean().default(false),
    /** Namespace of the release. @default 'monitoring' */
    namespace: k8sName.default(MONITORING_DEFAULTS.namespace),
    /** How long Prometheus keeps samples. @default '10d' (the chart's) */
    retention: z.string().regex(/^\d+(h|d|w|y)$/, { message: "must be a duration such as '10d' or '4w'" }).default(MONITORING_DEFAULTS.retention),
    /** node-exporter container (one per node). @default requests 25m/48Mi, limits 250m/128Mi */
    nodeExporterResources: resources.default(() => {
      const r = MONITORING_DEFAULTS.resources.nodeExporter;
      return { requests: { ...r.requests }, limits: { ...r.limits } };
    }),
    /** Any kube-prometheus-stack values, deep-merged last. @default {} */
    valuesOverride: z.record(z.string(), z.unknown()).default({}),
    /**
     * Durable data (issue 17): Prometheus and Alertmanager on EBS volumes of an
     * encrypted gp3 StorageClass (the aws-ebs-csi-driver add-on is installed),
     * so a node the autoscaler removes takes no samples with it.
     */
    storage: z
      .strictObject({
        /** @default true */
        enabled: z.boolean().default(true),
        /** Prometheus volume. @default - sized for the retention: max(10Gi, days × 2Gi × 1.25) */
        prometheusSize: memory.optional(),
        /** Alertmanager volume (silences, notification log). @default '2Gi' */
        alertmanagerSize: memory.default(MONITORING_DEFAULTS.alertmanagerSize),
      })
      .prefault({}),
    /**
     * Where alerts go: the name of a Secret in the monitoring namespace holding
     * `alertmanager.yaml` (receivers and routes), created outside Terraform so
     * webhook URLs and keys are never in code or state. @default - none: the
     * chart's config, whose only receiver is 'null' (alerts are visible in the UI only)
     */
    alertmanagerConfigSecret: k8sName.optional(),
  });

const runnerLabel = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, {
  message: "must be a GitHub Actions runner label, e.g. 'ubuntu-24.04' or 'boomi-prod-vpc'",
});

/**
 * How the pull-request workflow (.github/workflows/plan.yml) reaches this
 * environment's cluster API to plan its workloads stack. Only that stack
 * needs the API (the kubernetes and helm providers); the others plan on a
 * GitHub-hosted runner against AWS APIs alone.
 * - `none`: the workloads stack is not planned in CI; the PR comment says so.
 * - `github-hosted`: a GitHub-hosted runner (`runsOn`, e.g. a larger runner
 *   with static egress IPs) whose egress CIDRs (`egressCidrs`) must lie inside
 *   `cluster.endpoint.publicAccessCidrs`.
 * - `self-hosted`: a runner inside the VPC (`labels`), reaching the private
 *   endpoint (`cluster.endpoint.privateAccess` must be on).
 * Either path also gives the plan role its view-only EKS access entry.
 */
export const CiWorkloadsPlanSchema = z.discriminatedUnion('runner', [
  z.strictObject({ runner: z.literal('none') }),
  z.strictObject({
    runner: z.literal('github-hosted'),
    /** The runner label (`runs-on`). @default 'ubuntu-24.04' */
    runsOn: runnerLabel.default('ubuntu-24.04'),
    /** The runners' egress CIDRs; each must be inside cluster.endpoint.publicAccessCidrs. */
    egressCidrs: z.array(cidr).min(1, { message: 'must list the runners\' egress CIDRs (at least one)' }),
  }),
  z.strictObject({
    runner: z.literal('self-hosted'),
    /** The runner's labels (`runs-on`), e.g. ['self-hosted', 'linux', 'boomi-prod-vpc']. */
    labels: z.array(runnerLabel).min(1, { message: 'must list the self-hosted runner\'s labels (at least one)' }),
  }),
]);

/** CI settings of one environment (see {@link CiWorkloadsPlanSchema}). */
export const CiSchema = z.strictObject({
  /** @default { runner: 'none' } */
  workloadsPlan: CiWorkloadsPlanSchema.default({ runner: 'none' }),
});
