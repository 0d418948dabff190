// Policy: every container the stacks run has cpu and memory requests and
// limits (the HPA's utilization targets and the capacity rule depend on
// requests; limits keep one pod from starving a node), and the Molecule's
// persistent volume outlives its claim.
import { parse as parseYaml } from 'yaml';
import { moleculesOf } from '@boomi-eks/config';
import { manifestsOf, resourcesNamed, synthesizePlatform } from './platform-under-test';

const platform = synthesizePlatform();
const stacks = platform.stacks.map((s) => [s.id, s] as const);

/** Kinds whose pod template is at spec.template (CronJob: spec.jobTemplate.spec.template). */
const POD_TEMPLATE_KINDS = ['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];

function podSpecOf(object: Record<string, any>): Record<string, any> | undefined {
  if (object.kind === 'Pod') return object.spec;
  if (object.kind === 'CronJob') return object.spec?.jobTemplate?.spec?.template?.spec;
  return object.spec?.template?.spec;
}

/**
 * Where a chart's values hold container resources: `resources` for a chart of
 * one container; for a chart of many components, every component's path
 * (kube-prometheus-stack: its own values.yaml and its subcharts'). A chart
 * added to the stacks with several components must be listed here.
 */
const RESOURCE_PATHS_BY_CHART: Readonly<Record<string, readonly string[]>> = {
  // Karpenter's chart keeps the controller's resources under `controller` (issue 20).
  karpenter: ['controller.resources'],
  'kube-prometheus-stack': [
    'prometheus.prometheusSpec.resources',
    'alertmanager.alertmanagerSpec.resources',
    'prometheusOperator.resources',
    'prometheusOperator.prometheusConfigReloader.resources',
    'prometheusOperator.admissionWebhooks.patch.resources',
    'grafana.resources',
    'grafana.sidecar.resources',
    'kube-state-metrics.resources',
    'prometheus-node-exporter.resources',
  ],
};
/**
 * external-secrets runs one container because its webhook and cert controller
 * are off (`webhook.create`/`certController.create: false`); turned on, they
 * would need `webhook.resources` and `certController.resources` here.
 */
const resourcePathsOf = (chart: string): readonly string[] => RESOURCE_PATHS_BY_CHART[chart] ?? ['resources'];

/** The value at a dotted path of Helm values. */
const valueAt = (values: Record<string, any> | undefined, path: string): any =>
  path.split('.').reduce<any>((acc, key) => (acc === undefined || acc === null ? undefined : acc[key]), values);

/** What a container (or a Helm chart's values) is missing of requests/limits × cpu/memory. */
function missingResources(resources: Record<string, any> | undefined): string[] {
  return ['requests', 'limits'].flatMap((bound) =>
    ['cpu', 'memory'].filter((r) => resources?.[bound]?.[r] === undefined || resources?.[bound]?.[r] === '').map((r) => `${bound}.${r}`),
  );
}

describe.each(stacks)('%s', (_id, stack) => {
  const objects = manifestsOf(stack.json);

  it('sets cpu and memory requests and limits on every container and init container of every pod template', () => {
    const gaps = objects
      .filter((o) => POD_TEMPLATE_KINDS.includes(o.kind))
      .flatMap((o) => {
        const pod = podSpecOf(o) ?? {};
        return [...(pod.initContainers ?? []), ...(pod.containers ?? [])].map((c: Record<string, any>) => ({
          object: `${o.kind}/${o.metadata?.name}`,
          container: c.name,
          missing: missingResources(c.resources),
        }));
      })
      .filter((g) => g.missing.length > 0);
    expect(gaps).toEqual([]);
  });

  it('gives every Helm release cpu and memory requests and limits in its values, and no set override of them', () => {
    for (const { name, body } of resourcesNamed(stack.json, 'helm_release')) {
      const values = (body.values ?? []).map((v: string) => parseYaml(v) as Record<string, any>);
      for (const path of resourcePathsOf(body.chart)) {
        // Helm merges values in order: the last file that sets the path wins.
        const resources = values.reduceRight((found: Record<string, any> | undefined, v: Record<string, any>) => found ?? valueAt(v, path), undefined);
        const where = `${body.name ?? name} ${path}`;
        expect({ release: where, missing: missingResources(resources) }).toEqual({ release: where, missing: [] });
        // A `set` entry names a path with dots (`resources.limits.cpu`): any under this path overrides it.
        const overrides = [...(body.set ?? []), ...(body.set_list ?? [])]
          .map((s: { name: string }) => s.name)
          .filter((n: string) => n === path || n.startsWith(`${path}.`));
        expect({ release: where, overrides }).toEqual({ release: where, overrides: [] });
      }
    }
  });

  it('keeps every PersistentVolume when its claim goes (reclaim policy Retain)', () => {
    const policies = objects
      .filter((o) => o.kind === 'PersistentVolume')
      .map((pv) => ({ pv: pv.metadata.name, policy: pv.spec?.persistentVolumeReclaimPolicy }));
    expect(policies.filter((p) => p.policy !== 'Retain')).toEqual([]);
  });
});

describe('every environment', () => {
  it('runs each Molecule\'s StatefulSet, metrics-server, the cluster-autoscaler and the extras it turns on (so the checks above are not vacuous)', () => {
    for (const env of platform.envs) {
      const workloads = platform.stacks.find((s) => s.env === env && s.kind === 'workloads')!;
      const kinds = manifestsOf(workloads.json).map((o) => o.kind);
      const releases = resourcesNamed(workloads.json, 'helm_release').map((r) => r.body.name).sort();
      const molecules = moleculesOf(env).length;
      expect({ env: env.name, statefulSets: kinds.filter((k) => k === 'StatefulSet').length, pvs: kinds.filter((k) => k === 'PersistentVolume').length, releases }).toEqual({
        env: env.name,
        statefulSets: molecules,
        pvs: molecules,
        releases: [
          ...(env.autoscaler.enabled ? [env.autoscaler.kind] : []), // cluster-autoscaler or karpenter
          ...Array<string>(molecules).fill('external-secrets'), // always, one per Molecule: it makes boomi-secret
          ...(env.monitoring.enabled ? ['kube-prometheus-stack'] : []),
          ...(env.metricsServer.enabled ? ['metrics-server'] : []),
          ...(env.nodeLocalDns.enabled ? ['node-local-dns'] : []),
          ...(env.nodeHealth.enabled ? ['node-problem-detector'] : []),
        ].sort(),
      });
    }
  });

  it('checks a multi-component chart at every component, and at least one environment runs one', () => {
    const charts = platform.stacks.flatMap((s) => resourcesNamed(s.json, 'helm_release').map((r) => r.body.chart as string));
    expect(charts).toContain('kube-prometheus-stack');
    expect(resourcePathsOf('kube-prometheus-stack').length).toBeGreaterThan(1);
  });

  it('handles spot interruptions once: no AWS node termination handler next to EKS managed node groups', () => {
    // Every node group is an EKS managed node group (capacity rebalancing + drain on rebalance and
    // interruption notices): a termination handler would drain the same nodes a second time.
    const handlers = platform.stacks.flatMap((s) =>
      resourcesNamed(s.json, 'helm_release')
        .filter((r) => /termination-handler/.test(`${r.body.chart} ${r.body.name}`))
        .map((r) => `${s.id}/${r.body.name}`),
    );
    expect(handlers).toEqual([]);
    for (const s of platform.stacks) expect(resourcesNamed(s.json, 'aws_autoscaling_group')).toEqual([]);
  });
});
