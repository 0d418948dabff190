/**
 * `@boomi-eks/primitives/helm`: the Helm release base every chart of the
 * `@boomi-eks` libraries is installed with (metrics-server, cluster-autoscaler,
 * Karpenter, node-local-dns, node-problem-detector, external-secrets,
 * kube-prometheus-stack). A secondary entry point because it needs cdktf,
 * constructs and `@cdktf/provider-helm` (optional peers of this package): the
 * main entry point stays free of them.
 */
import { Construct } from 'constructs';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Release } from '@cdktf/provider-helm/lib/release';
import { toHelmValuesYaml, type HelmValues } from './helm-values';

/** A Helm chart at an exact version: one constant per chart, in its lib's chart-versions.ts. */
export interface PinnedChart {
  /** Helm repository URL (`https://…` or `oci://…`). */
  readonly repository: string;
  /** Chart name in that repository. */
  readonly chart: string;
  /** Exact chart version (no ranges). */
  readonly version: string;
  /** The app version the chart ships by default, for reference. */
  readonly appVersion: string;
}

/** What every Helm-release construct of these libs takes besides its values. */
export interface HelmReleaseOptions {
  /** Helm provider of the workloads stack. @default - the stack's default helm provider */
  readonly provider?: TerraformProvider;
  /** Resources to create first. @default [] */
  readonly dependsOn?: ITerraformDependable[];
  /** Seconds Helm waits for the release to become ready. @default 600 */
  readonly timeoutSeconds?: number;
}

/** Release settings every pinned release shares. */
export const RELEASE_DEFAULTS = {
  /** Roll back a failed install or upgrade instead of leaving it half applied. */
  atomic: true,
  cleanupOnFail: true,
  /** Wait until the workloads are ready, so a broken release fails the apply. */
  wait: true,
  timeoutSeconds: 600,
  maxHistory: 10,
} as const;

export interface PinnedHelmReleaseProps extends HelmReleaseOptions {
  /** Helm release name. */
  readonly releaseName: string;
  /** Namespace of the release. */
  readonly namespace: string;
  /** The chart at its exact version. */
  readonly chart: PinnedChart;
  /** Helm values (plain data); rendered by `toHelmValuesYaml`, so `${` and `%{` are escaped for Terraform. */
  readonly values: Readonly<HelmValues>;
  /** Create the namespace when missing. @default false (unset on the release) */
  readonly createNamespace?: boolean;
}

/**
 * The one way this platform installs a chart, and the base class of every
 * chart construct: one `helm_release` (construct id `release`) of the pinned
 * repository, chart and version, the values rendered as one YAML document
 * (`toHelmValuesYaml`), and RELEASE_DEFAULTS (atomic, clean up on failure,
 * wait, keep 10 revisions, 600 s unless `timeoutSeconds` says otherwise).
 *
 * A chart construct extends it and computes its values with its own pure
 * values function before calling `super`:
 *
 * ```ts
 * class MetricsServer extends PinnedHelmRelease {
 *   constructor(scope: Construct, id: string, props: MetricsServerProps = {}) {
 *     const { provider, dependsOn, timeoutSeconds, ...valuesInput } = props;
 *     super(scope, id, { releaseName: 'metrics-server', namespace: 'kube-system', chart: METRICS_SERVER_CHART,
 *       values: metricsServerValues(valuesInput), provider, dependsOn, timeoutSeconds });
 *   }
 * }
 * ```
 */
export class PinnedHelmRelease extends Construct {
  /** Helm release name. */
  readonly releaseName: string;
  /** Namespace of the release. */
  readonly namespace: string;
  /** The chart and version installed. */
  readonly chart: PinnedChart;
  /** The Helm values passed to the chart (before YAML rendering). */
  readonly values: Readonly<HelmValues>;
  /** The Helm release resource, as the escape hatch. */
  readonly release: Release;

  constructor(scope: Construct, id: string, props: PinnedHelmReleaseProps) {
    super(scope, id);
    this.releaseName = props.releaseName;
    this.namespace = props.namespace;
    this.chart = props.chart;
    this.values = props.values;
    this.release = new Release(this, 'release', {
      name: props.releaseName,
      namespace: props.namespace,
      createNamespace: props.createNamespace,
      repository: props.chart.repository,
      chart: props.chart.chart,
      version: props.chart.version,
      values: [toHelmValuesYaml(props.values)],
      atomic: RELEASE_DEFAULTS.atomic,
      cleanupOnFail: RELEASE_DEFAULTS.cleanupOnFail,
      wait: RELEASE_DEFAULTS.wait,
      timeout: props.timeoutSeconds ?? RELEASE_DEFAULTS.timeoutSeconds,
      maxHistory: RELEASE_DEFAULTS.maxHistory,
      provider: props.provider,
      dependsOn: props.dependsOn,
    });
  }
}
