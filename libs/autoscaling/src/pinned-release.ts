import type { Construct } from 'constructs';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Release } from '@cdktf/provider-helm/lib/release';
import type { PinnedChart } from './chart-versions';
import { RELEASE_DEFAULTS, toHelmValuesYaml } from './helm-values';

/** What every Helm-release construct of these libs takes besides its values. */
export interface HelmReleaseOptions {
  /** Helm provider of the workloads stack. @default - the stack's default helm provider */
  readonly provider?: TerraformProvider;
  /** Resources to create first. @default [] */
  readonly dependsOn?: ITerraformDependable[];
  /** Seconds Helm waits for the release to become ready. @default 600 */
  readonly timeoutSeconds?: number;
}

export interface PinnedReleaseProps extends HelmReleaseOptions {
  /** Helm release name. */
  readonly name: string;
  readonly namespace: string;
  /** The chart at its exact version (one `PinnedChart` constant per chart). */
  readonly chart: PinnedChart;
  /** Helm values; rendered as YAML with `${` escaped for Terraform. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Create the namespace when missing. @default false */
  readonly createNamespace?: boolean;
}

/**
 * The one way this platform installs a chart: pinned repository, chart and
 * version, values rendered by `toHelmValuesYaml`, and RELEASE_DEFAULTS
 * (atomic, clean up on failure, wait, keep 10 revisions).
 */
export function pinnedRelease(scope: Construct, id: string, props: PinnedReleaseProps): Release {
  return new Release(scope, id, {
    name: props.name,
    namespace: props.namespace,
    createNamespace: props.createNamespace,
    repository: props.chart.repository,
    chart: props.chart.chart,
    version: props.chart.version,
    values: [toHelmValuesYaml(props.values as Record<string, unknown>)],
    atomic: RELEASE_DEFAULTS.atomic,
    cleanupOnFail: RELEASE_DEFAULTS.cleanupOnFail,
    wait: RELEASE_DEFAULTS.wait,
    timeout: props.timeoutSeconds ?? RELEASE_DEFAULTS.timeoutSeconds,
    maxHistory: RELEASE_DEFAULTS.maxHistory,
    provider: props.provider,
    dependsOn: props.dependsOn,
  });
}
