import type { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { containerResourcesValues, mergeValues, type ContainerResources } from '@boomi-eks/primitives';
import { PinnedHelmRelease, type HelmReleaseOptions } from '@boomi-eks/primitives/helm';
import { METRICS_SERVER_CHART } from './chart-versions';

/** Namespace of metrics-server. */
export const METRICS_SERVER_NAMESPACE = 'kube-system';

export interface MetricsServerValuesInput {
  /**
   * Container requests and limits. Every container of ours has both. The
   * requests are the chart's defaults; the limits follow upstream's sizing
   * rule (about 1m cpu and 2MiB per node) for seed 000's 300 nodes.
   * @default requests 100m / 200Mi, limits 500m / 600Mi
   */
  readonly resources?: ContainerResources;
  /**
   * Escape hatch: any chart values, deep-merged last (objects key by key;
   * arrays and scalars replace). @default {}
   */
  readonly valuesOverride?: Readonly<Record<string, unknown>>;
}

/** Defaults of `metricsServerValues`. */
export const METRICS_SERVER_DEFAULTS = {
  resources: {
    requests: { cpu: '100m', memory: '200Mi' },
    limits: { cpu: '500m', memory: '600Mi' },
  },
} as const satisfies Required<Omit<MetricsServerValuesInput, 'valuesOverride'>>;

/**
 * Helm values for the metrics-server chart (kubernetes-sigs/metrics-server
 * `charts/metrics-server/values.yaml`): resources, then `valuesOverride` last.
 * The chart's default args suit EKS (kubelet on its node status port with
 * verified TLS), so none are changed.
 */
export function metricsServerValues(input: MetricsServerValuesInput = {}): Record<string, unknown> {
  const r = input.resources ?? METRICS_SERVER_DEFAULTS.resources;
  const values: Record<string, unknown> = { resources: containerResourcesValues(r) };
  return mergeValues(values, input.valuesOverride as Record<string, unknown> | undefined);
}

export interface MetricsServerProps extends MetricsServerValuesInput, HelmReleaseOptions {
  /** Resources to create first (node groups). @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * metrics-server, which the Molecule's HPA reads cpu and memory from: a Helm
 * release of the upstream chart at the pinned version in kube-system
 * (release `metrics-server`, on the shared {@link PinnedHelmRelease} base).
 */
export class MetricsServer extends PinnedHelmRelease {
  constructor(scope: Construct, id: string, props: MetricsServerProps = {}) {
    const { provider, dependsOn, timeoutSeconds, ...valuesInput } = props;
    super(scope, id, {
      releaseName: 'metrics-server',
      namespace: METRICS_SERVER_NAMESPACE,
      chart: METRICS_SERVER_CHART,
      values: metricsServerValues(valuesInput),
      timeoutSeconds,
      provider,
      dependsOn,
    });
  }
}
