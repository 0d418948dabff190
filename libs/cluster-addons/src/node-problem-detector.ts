import type { Construct } from 'constructs';
import { containerResourcesValues, mergeValues, type ContainerResources } from '@boomi-eks/primitives';
import { PinnedHelmRelease, type HelmReleaseOptions } from '@boomi-eks/primitives/helm';
import { NODE_PROBLEM_DETECTOR_CHART } from './chart-versions';
import { NODE_PROBLEM_DETECTOR_DEFAULTS } from './cluster-addons-defaults';

/** Namespace of node-problem-detector. */
export const NODE_PROBLEM_DETECTOR_NAMESPACE = 'kube-system';

/** Port of node-problem-detector's Prometheus exporter (the chart's `settings.prometheus_port`). */
export const NODE_PROBLEM_DETECTOR_METRICS_PORT = 20257;

export interface NodeProblemDetectorValuesInput {
  /** Container requests and limits. @default requests 20m/64Mi, limits 200m/128Mi */
  readonly resources?: ContainerResources;
  /**
   * Annotate the pods for the `kubernetes-pods` scrape job of the monitoring
   * release (`prometheus.io/scrape|port`). @default false
   */
  readonly prometheusScrape?: boolean;
  /**
   * Monitor definitions from the image's /config to run. The chart's default
   * also lists docker-monitor.json, which watches dockerd: EKS AL2023 nodes
   * run containerd only, so it is left out.
   * @default ['/config/kernel-monitor.json', '/config/readonly-monitor.json']
   */
  readonly logMonitors?: readonly string[];
  /** Escape hatch: any chart values, deep-merged last. @default {} */
  readonly valuesOverride?: Readonly<Record<string, unknown>>;
}

// Every optional input has a default (NODE_PROBLEM_DETECTOR_DEFAULTS, cluster-addons-defaults.ts): checked at compile time.
type DefaultedInputs = Required<Omit<NodeProblemDetectorValuesInput, 'valuesOverride'>>;

/**
 * Helm values of the node-problem-detector chart (deliveryhero
 * `stable/node-problem-detector/values.yaml`): kernel and read-only
 * filesystem monitors, a DaemonSet on every node (it tolerates every taint,
 * spot and NoExecute ones included), system-node-critical, requests and
 * limits. `valuesOverride` is merged last.
 */
export function nodeProblemDetectorValues(input: NodeProblemDetectorValuesInput = {}): Record<string, unknown> {
  const d: DefaultedInputs = NODE_PROBLEM_DETECTOR_DEFAULTS;
  const r = input.resources ?? d.resources;
  const values: Record<string, unknown> = {
    settings: {
      log_monitors: [...(input.logMonitors ?? d.logMonitors)],
      prometheus_port: NODE_PROBLEM_DETECTOR_METRICS_PORT,
    },
    priorityClassName: 'system-node-critical',
    // A node health agent belongs on every node, whatever its taints.
    tolerations: [{ operator: 'Exists' }],
    resources: containerResourcesValues(r),
  };
  if (input.prometheusScrape ?? d.prometheusScrape) {
    values.annotations = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(NODE_PROBLEM_DETECTOR_METRICS_PORT) };
  }
  return mergeValues(values, input.valuesOverride as Record<string, unknown> | undefined);
}

export interface NodeProblemDetectorProps extends NodeProblemDetectorValuesInput, HelmReleaseOptions {}

/**
 * node-problem-detector (seed 001): a DaemonSet that reads the kernel log and
 * sets node conditions (`KernelDeadlock`, `ReadonlyFilesystem`) and events,
 * and exports them as Prometheus metrics. It detects; it does not repair:
 * in this platform EKS node auto repair replaces unhealthy managed nodes
 * (see NodeGroups `nodeRepair` and the eks-node-monitoring-agent add-on).
 * Release `node-problem-detector`, on the shared {@link PinnedHelmRelease} base.
 */
export class NodeProblemDetector extends PinnedHelmRelease {
  constructor(scope: Construct, id: string, props: NodeProblemDetectorProps = {}) {
    const { provider, dependsOn, timeoutSeconds, ...valuesInput } = props;
    super(scope, id, {
      releaseName: 'node-problem-detector',
      namespace: NODE_PROBLEM_DETECTOR_NAMESPACE,
      chart: NODE_PROBLEM_DETECTOR_CHART,
      values: nodeProblemDetectorValues(valuesInput),
      timeoutSeconds,
      provider,
      dependsOn,
    });
  }
}
