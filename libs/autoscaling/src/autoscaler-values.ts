/**
 * Helm values of the upstream cluster-autoscaler chart (see chart-versions.ts),
 * computed by a pure function from a small typed input. Key names are those of
 * the chart's values.yaml (kubernetes/autoscaler charts/cluster-autoscaler).
 */
import { containerResourcesValues, mergeValues, minorOf, throwIfIssues, type ContainerResources } from '@boomi-eks/primitives';
import { CLUSTER_AUTOSCALER_DEFAULTS, CLUSTER_AUTOSCALER_FLAGS, CLUSTER_AUTOSCALER_IMAGE_TAGS, type Expander } from './autoscaler-defaults';
import { validateClusterAutoscaler, validateClusterAutoscalerImage, type ValidateOptions } from './validate-cluster-autoscaler';

/** Namespace of the autoscaler; the Pod Identity association names it. */
export const CLUSTER_AUTOSCALER_NAMESPACE = 'kube-system';
/** Service account the chart creates; the Pod Identity association binds to it. */
export const CLUSTER_AUTOSCALER_SERVICE_ACCOUNT = 'cluster-autoscaler';
/** Image repository of the autoscaler (the chart's default registry). */
export const CLUSTER_AUTOSCALER_IMAGE_REPOSITORY = 'registry.k8s.io/autoscaling/cluster-autoscaler';


/** A command-line flag value; the chart renders each as `--<key>=<value>`. */
export type FlagValue = string | number | boolean;

/**
 * What the values depend on. Shaped so an environment's `autoscaler` section
 * can be spread into it: `{ ...env.autoscaler, clusterName, region, kubernetesVersion }`.
 */
export interface ClusterAutoscalerValuesInput {
  /** EKS cluster name: auto-discovery finds the ASGs tagged for it. */
  readonly clusterName: string;
  /** AWS region of the cluster (`awsRegion`). */
  readonly region: string;
  /** Kubernetes minor of the cluster, e.g. '1.33'. */
  readonly kubernetesVersion: string;
  /**
   * Image tag (`vX.Y.Z`); its minor must equal the cluster's.
   * @default - the tag CLUSTER_AUTOSCALER_IMAGE_TAGS (autoscaler-defaults.ts) pins for the cluster's minor
   */
  readonly imageTag?: string;
  /** `--expander`. @default 'least-waste' (seed 000) */
  readonly expander?: Expander;
  /** `--balance-similar-node-groups`. @default true (seed 000) */
  readonly balanceSimilarNodeGroups?: boolean;
  /** `--skip-nodes-with-local-storage`. @default false (seed 000) */
  readonly skipNodesWithLocalStorage?: boolean;
  /** `--skip-nodes-with-system-pods`. @default false (seed 000) */
  readonly skipNodesWithSystemPods?: boolean;
  /** `--scale-down-unneeded-time`. @default '1m' (seed 000) */
  readonly scaleDownUnneededTime?: string;
  /** `--scale-down-delay-after-add`. @default '1m' (seed 000) */
  readonly scaleDownDelayAfterAdd?: string;
  /** `--scale-down-delay-after-failure`. @default '1m' (seed 000) */
  readonly scaleDownDelayAfterFailure?: string;
  /** `--scan-interval`. @default '5s' (seed 000) */
  readonly scanInterval?: string;
  /** `--max-nodes-total`. @default 300 (seed 000: 3 groups × 100) */
  readonly maxNodesTotal?: number;
  /** Container requests and limits. @default requests and limits 100m / 300Mi (seed 000) */
  readonly resources?: ContainerResources;
  /**
   * Further flags, merged over the chart's and the seed's flags (a key given here
   * wins). @default {}
   */
  readonly extraArgs?: Readonly<Record<string, FlagValue>>;
  /**
   * Escape hatch: any chart values, deep-merged last (objects key by key;
   * arrays and scalars replace). @default {}
   */
  readonly valuesOverride?: Readonly<Record<string, unknown>>;
}

/** The inputs with a default in CLUSTER_AUTOSCALER_DEFAULTS (autoscaler-defaults.ts): every optional flag and the resources. */
type DefaultedInputs = Required<
  Omit<ClusterAutoscalerValuesInput, 'clusterName' | 'region' | 'kubernetesVersion' | 'imageTag' | 'extraArgs' | 'valuesOverride'>
>;

/**
 * Labels EKS puts on every managed node from the node group's launch template.
 * With one launch template per node group (one group per AZ), their values
 * differ between groups, and cluster-autoscaler's AWS node-group comparator
 * does not ignore them (kubernetes/autoscaler#3230): `--balance-similar-node-groups`
 * would then never find two similar groups, and scale-ups would not spread
 * over the AZs. Each is passed as one `--balancing-ignore-label`.
 */
export const LAUNCH_TEMPLATE_NODE_LABELS = [
  'eks.amazonaws.com/sourceLaunchTemplateId',
  'eks.amazonaws.com/sourceLaunchTemplateVersion',
] as const;

/**
 * `extraArgs` keys for a repeated flag: the chart renders each key as
 * `--{{ $key | mustRegexFind "^[^_]+" }}` (charts/cluster-autoscaler
 * templates/deployment.yaml, chart 9.50.1), so everything from the first `_`
 * is dropped and `balancing-ignore-label_1`, `_2` both become
 * `--balancing-ignore-label`.
 */
export function repeatedFlag(flag: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((v, i) => [`${flag}_${i + 1}`, v]));
}

/** The chart's own logging flags (its values.yaml default `extraArgs`), kept as seed 000 had them. */
const CHART_LOGGING_ARGS = { logtostderr: true, stderrthreshold: 'info', v: 4 } as const;

/**
 * The autoscaler image tag for a cluster: the explicit tag when its minor
 * matches the cluster's, else the tag CLUSTER_AUTOSCALER_IMAGE_TAGS pins for
 * the cluster's minor. Throws `InvalidPropsError`, naming the field, when
 * neither gives a tag of the cluster's minor (validate-cluster-autoscaler.ts).
 */
export function clusterAutoscalerImageTag(kubernetesVersion: string, imageTag?: string, options: ValidateOptions = {}): string {
  throwIfIssues('cluster-autoscaler image', validateClusterAutoscalerImage({ kubernetesVersion, imageTag }, options));
  return imageTag ?? CLUSTER_AUTOSCALER_IMAGE_TAGS[minorOf(kubernetesVersion) ?? ''];
}

/**
 * Helm values for the cluster-autoscaler chart. Throws `InvalidPropsError`
 * with every problem of the input (validate-cluster-autoscaler.ts); pass
 * `options.isUnresolved` (`Token.isUnresolved`) to leave deploy-time values to Terraform.
 *
 * Flag precedence in `extraArgs`, lowest first: the chart's logging flags
 * (`logtostderr`, `stderrthreshold`, `v`), then seed 000's flags from this
 * input, then `input.extraArgs`. The whole object is then deep-merged with
 * `input.valuesOverride`, which therefore wins over everything.
 */
export function clusterAutoscalerValues(input: ClusterAutoscalerValuesInput, options: ValidateOptions = {}): Record<string, unknown> {
  throwIfIssues('ClusterAutoscaler', validateClusterAutoscaler(input, options));
  const d: DefaultedInputs = CLUSTER_AUTOSCALER_DEFAULTS;
  const seedArgs: Record<string, FlagValue> = {
    // One flag per input, in CLUSTER_AUTOSCALER_FLAGS' order: the input's value, else the default.
    ...Object.fromEntries(
      (Object.keys(CLUSTER_AUTOSCALER_FLAGS) as (keyof typeof CLUSTER_AUTOSCALER_FLAGS)[]).map((field) => [CLUSTER_AUTOSCALER_FLAGS[field], input[field] ?? d[field]]),
    ),
    // Without these, balancing never sees two per-AZ groups as similar (see LAUNCH_TEMPLATE_NODE_LABELS).
    ...((input.balanceSimilarNodeGroups ?? d.balanceSimilarNodeGroups) ? repeatedFlag('balancing-ignore-label', LAUNCH_TEMPLATE_NODE_LABELS) : {}),
  };
  const resources = input.resources ?? d.resources;
  const values: Record<string, unknown> = {
    cloudProvider: 'aws',
    awsRegion: input.region,
    autoDiscovery: {
      clusterName: input.clusterName,
      // The keys EKS puts on every managed node group's ASG; discovery matches key presence.
      tags: ['k8s.io/cluster-autoscaler/enabled', `k8s.io/cluster-autoscaler/${input.clusterName}`],
    },
    image: {
      repository: CLUSTER_AUTOSCALER_IMAGE_REPOSITORY,
      tag: input.imageTag ?? CLUSTER_AUTOSCALER_IMAGE_TAGS[minorOf(input.kubernetesVersion) ?? ''],
    },
    rbac: {
      create: true,
      // EKS Pod Identity binds the IAM role to this name: no IRSA annotation.
      serviceAccount: { create: true, name: CLUSTER_AUTOSCALER_SERVICE_ACCOUNT },
    },
    extraArgs: { ...CHART_LOGGING_ARGS, ...seedArgs, ...(input.extraArgs ?? {}) },
    podAnnotations: {
      'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false',
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '8085',
    },
    priorityClassName: 'system-cluster-critical',
    resources: containerResourcesValues(resources),
  };
  return mergeValues(values, input.valuesOverride as Record<string, unknown> | undefined);
}
