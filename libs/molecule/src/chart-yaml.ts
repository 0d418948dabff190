import { Chart } from 'cdk8s';
import { stringify } from 'yaml';
import { withoutHpaManagedReplicas } from './hpa-replicas';
import { KubernetesObject } from './manifest-order';

/** Options of {@link chartToYaml}. */
export interface ChartToYamlOptions {
  /**
   * Leave `spec.replicas` out of workloads that an HPA in the chart scales, so a
   * GitOps sync or `kubectl apply --server-side` never fights the HPA.
   * @default true
   */
  readonly hpaOwnsReplicas?: boolean;
}

/**
 * A chart (or its `toJson()` objects) as multi-document YAML, for GitOps and
 * `kubectl apply --dry-run=server`. Written with the YAML 1.1 schema that
 * Kubernetes reads, so strings such as 'yes', 'on' or '0755' come out quoted,
 * and without line folding.
 */
export function chartToYaml(chart: Chart | readonly KubernetesObject[], options: ChartToYamlOptions = {}): string {
  const rendered: KubernetesObject[] = Chart.isChart(chart) ? chart.toJson() : [...(chart as readonly KubernetesObject[])];
  const objects = options.hpaOwnsReplicas ?? true ? withoutHpaManagedReplicas(rendered) : rendered;
  return objects.map((o) => stringify(o, { version: '1.1', lineWidth: 0 })).join('---\n');
}
