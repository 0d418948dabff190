// The cluster extras (seeds 001, 002, 004) as the stacks wire them: which
// environment gets which release, the node health pieces in the cluster stack,
// the Molecule's placement against spot capacity, and node-local-dns on the
// kube-dns IP of the environment's service CIDR.
import { Testing } from 'cdktf';
import { parse as parseYaml } from 'yaml';
import { buildPlatform, validateAll } from '../platform';
import { loadEnvironmentFiles } from '../environments/load';
import { listResources, synthApp, type StackJson } from '@boomi-eks/testing';
import { Release } from '@cdktf/provider-helm/lib/release';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { KUBERNETES_RELEASES } from '@boomi-eks/config';
import { MONITORING_DEFAULTS, NODE_LOCAL_DNS_DEFAULTS, NODE_PROBLEM_DETECTOR_DEFAULTS } from '@boomi-eks/cluster-addons';

type Input = Record<string, any>;
const shipped = loadEnvironmentFiles() as Record<string, Input>;

function synth(inputs: Record<string, Input>) {
  const envs = validateAll(inputs);
  const app = Testing.app();
  buildPlatform(app, envs);
  return { envs, out: synthApp(app) };
}

const releaseNamed = (stack: StackJson, name: string) => listResources(stack, Release.tfResourceType).find((r) => r.name === name);
const valuesOf = (release: Record<string, any> | undefined) => parseYaml(release!.values[0]);
const statefulSet = (stack: StackJson) => listResources(stack, Manifest.tfResourceType).map((r) => r.manifest).find((m) => m.kind === 'StatefulSet');

describe('the shipped environments', () => {
  const { out } = synth(shipped);

  it('prod-workloads holds the monitoring and node-health releases; dev-workloads holds neither', () => {
    const extras = (id: string) =>
      listResources(out.stack(id), Release.tfResourceType)
        .map((r) => r.name)
        .filter((n) => ['kube-prometheus-stack', 'node-problem-detector', 'node-local-dns'].includes(n))
        .sort();
    expect(extras('prod-workloads')).toEqual(['kube-prometheus-stack', 'node-problem-detector']);
    expect(extras('dev-workloads')).toEqual([]);
  });

  it('prod-cluster turns on node auto repair, one node at a time, on every group, and installs the node monitoring agent', () => {
    const prod = out.stack('prod-cluster');
    const groups = listResources(prod, EksNodeGroup.tfResourceType);
    expect(groups.length).toBe(3);
    for (const g of groups) expect(g.node_repair_config).toEqual({ enabled: true, max_parallel_nodes_repaired_count: 1 });
    const agent = listResources(prod, EksAddon.tfResourceType).find((a) => a.addon_name === 'eks-node-monitoring-agent');
    expect(agent).toEqual(expect.objectContaining({ addon_version: KUBERNETES_RELEASES['1.33'].optionalAddons['eks-node-monitoring-agent'] }));
    // After the nodes, like coredns: it is a DaemonSet.
    expect(agent!.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_eks_node_group\./)]));
  });

  it('dev-cluster has neither', () => {
    const dev = out.stack('dev-cluster');
    for (const g of listResources(dev, EksNodeGroup.tfResourceType)) expect(g.node_repair_config).toBeUndefined();
    expect(listResources(dev, EksAddon.tfResourceType).map((a) => a.addon_name)).not.toContain('eks-node-monitoring-agent');
  });

  it("keeps the Molecule on on-demand nodes in both (placement 'on-demand', the default)", () => {
    for (const id of ['dev-workloads', 'prod-workloads']) {
      const pod = statefulSet(out.stack(id)).spec.template.spec;
      expect({ id, nodeSelector: pod.nodeSelector, tolerations: pod.tolerations }).toEqual({
        id,
        nodeSelector: { 'eks.amazonaws.com/capacityType': 'ON_DEMAND' },
        tolerations: undefined,
      });
    }
  });

  it('annotates node-problem-detector for the scrape job in prod, where monitoring is on', () => {
    expect(valuesOf(releaseNamed(out.stack('prod-workloads'), 'node-problem-detector')).annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '20257',
    });
  });

  it("scrapes the cluster-autoscaler: its pods carry the annotations prometheus' kubernetes-pods job keeps", () => {
    const prod = out.stack('prod-workloads');
    const ca = valuesOf(releaseNamed(prod, 'cluster-autoscaler')).podAnnotations;
    const job = valuesOf(releaseNamed(prod, 'kube-prometheus-stack')).prometheus.prometheusSpec.additionalScrapeConfigs[0];
    expect(ca).toEqual(expect.objectContaining({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8085' }));
    expect(job.relabel_configs[0]).toEqual({ source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'], action: 'keep', regex: ca['prometheus.io/scrape'] });
  });

  it('does not annotate the Molecule for Prometheus: the image serves no metrics endpoint unless one is configured', () => {
    expect(statefulSet(out.stack('prod-workloads')).spec.template.metadata.annotations).toBeUndefined();
  });

  it('keeps the config defaults of the extras equal to the libs’ defaults', () => {
    const [prod] = validateAll({ 'prod.ts': shipped['prod.ts'] });
    expect(prod.nodeHealth.resources).toEqual(NODE_PROBLEM_DETECTOR_DEFAULTS.resources);
    expect(prod.nodeLocalDns.resources).toEqual(NODE_LOCAL_DNS_DEFAULTS.resources);
    expect(prod.nodeLocalDns.localIp).toBe(NODE_LOCAL_DNS_DEFAULTS.localIp);
    expect(prod.monitoring.nodeExporterResources).toEqual(MONITORING_DEFAULTS.resources.nodeExporter);
    expect(prod.monitoring.retention).toBe(MONITORING_DEFAULTS.retention);
  });
});

describe('an environment with spot groups, every extra, and the Molecule allowed on spot', () => {
  const prod = shipped['prod.ts'];
  const input: Input = {
    ...structuredClone(prod),
    name: 'spotty',
    cluster: { ...prod.cluster, serviceIpv4Cidr: '10.200.0.0/16' },
    molecule: { ...prod.molecule, placement: 'any', metrics: { port: 9404 } },
    nodeLocalDns: { enabled: true },
    nodeGroups: [
      { name: 'od-a', availabilityZone: 'us-east-1a' },
      { name: 'spot-a', availabilityZone: 'us-east-1a', capacityType: 'SPOT', instanceTypes: ['m5.large', 'm5a.large', 'm6i.large'], minSize: 0, maxSize: 20 },
      { name: 'spot-b', availabilityZone: 'us-east-1b', capacityType: 'SPOT', instanceTypes: ['m5.large', 'm5a.large', 'm6i.large'], minSize: 0, maxSize: 20 },
    ],
    autoscaler: { maxNodesTotal: 140 },
  };
  const { out } = synth({ 'spotty.ts': input });
  const cluster = out.stack('spotty-cluster');
  const workloads = out.stack('spotty-workloads');

  it('gives the SPOT groups their instance types, label and PreferNoSchedule taint; the on-demand group none', () => {
    const byName = Object.fromEntries(listResources(cluster, EksNodeGroup.tfResourceType).map((g) => [g.node_group_name, g]));
    expect(byName['spot-a']).toEqual(
      expect.objectContaining({
        capacity_type: 'SPOT',
        instance_types: ['m5.large', 'm5a.large', 'm6i.large'],
        labels: { 'node.boomi.io/capacity': 'spot' },
        taint: [{ key: 'spot', value: 'true', effect: 'PREFER_NO_SCHEDULE' }],
      }),
    );
    expect(byName['od-a'].capacity_type).toBe('ON_DEMAND');
    expect(byName['od-a'].labels).toBeUndefined();
    expect(byName['od-a'].taint ?? []).toEqual([]);
  });

  it("lets the Molecule tolerate the spot taint, without a nodeSelector (placement 'any')", () => {
    const pod = statefulSet(workloads).spec.template.spec;
    expect(pod.nodeSelector).toBeUndefined();
    expect(pod.tolerations).toEqual([{ key: 'spot', operator: 'Equal', value: 'true', effect: 'PreferNoSchedule' }]);
  });

  it('annotates the Molecule pods for Prometheus on the configured metrics port (monitoring is on)', () => {
    expect(statefulSet(workloads).spec.template.metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9404',
      'prometheus.io/path': '/metrics',
    });
  });

  it('wires node-local-dns to the 10th address of the service CIDR (10.200.0.10) and 169.254.20.10', () => {
    expect(valuesOf(releaseNamed(workloads, 'node-local-dns')).config).toEqual(
      expect.objectContaining({ dnsServer: '10.200.0.10', localDns: '169.254.20.10' }),
    );
  });

  it('leaves the autoscaler balancing on: spot and on-demand groups are never "similar" (their capacity labels differ), so it balances within each', () => {
    const args = valuesOf(releaseNamed(workloads, 'cluster-autoscaler')).extraArgs;
    expect(args).toEqual(expect.objectContaining({ expander: 'least-waste', 'balance-similar-node-groups': true }));
    // Only the per-group launch-template labels are ignored; eks.amazonaws.com/capacityType and
    // node.boomi.io/capacity still tell spot groups from on-demand ones.
    expect(Object.entries(args).filter(([k]) => k.startsWith('balancing-ignore-label')).map(([, v]) => v)).toEqual([
      'eks.amazonaws.com/sourceLaunchTemplateId',
      'eks.amazonaws.com/sourceLaunchTemplateVersion',
    ]);
  });
});
