// autoscaler.kind 'karpenter' across the stacks (issue 20): the network stack
// tags the private subnets, the cluster stack makes the roles and the queue and
// no cluster-autoscaler role, the workloads stack installs the chart wired to
// that queue and the NodePools after it, and no cluster-autoscaler release.
import { Testing } from 'cdktf';
import { parse as parseYaml } from 'yaml';
import { Release } from '@cdktf/provider-helm/lib/release';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { Ec2Tag } from '@cdktf/provider-aws/lib/ec2-tag';
import { listResources, onlyResource, synthApp } from '@boomi-eks/testing';
import { buildPlatform, validateAll } from '../platform';
import { loadEnvironmentFiles } from '../environments/load';

const shipped = loadEnvironmentFiles() as Record<string, Record<string, any>>;
const dev = shipped['dev.ts'];
const karpenterDev = {
  ...dev,
  nodeGroups: undefined,
  nodeGroupDefaults: { ...(dev.nodeGroupDefaults ?? {}), minSize: 1, maxSize: 1, desiredSize: 1 },
  autoscaler: { kind: 'karpenter' },
};
delete (karpenterDev as Record<string, unknown>).nodeGroups;
const app = Testing.app();
const [env] = validateAll({ 'dev.ts': karpenterDev });
buildPlatform(app, [env]);
const out = synthApp(app);
const network = out.stack('dev-network');
const cluster = out.stack('dev-cluster');
const workloads = out.stack('dev-workloads');
const REMOTE = 'data.terraform_remote_state.cross-stack-reference-input-dev-cluster.outputs.';

describe('autoscaler.kind karpenter', () => {
  it('tags every private subnet (and only those) for the EC2NodeClass', () => {
    const subnets = listResources(network, Subnet.tfResourceType);
    const tagged = subnets.filter((s) => s.tags['karpenter.sh/discovery'] === 'dev-boomi-molecule');
    expect(tagged.length).toBe(env.availabilityZones.length);
    expect(tagged.every((s) => s.tags['kubernetes.io/role/internal-elb'] === '1')).toBe(true);
  });

  it('makes Karpenter’s roles and queue, tags the cluster security group, and no cluster-autoscaler role', () => {
    const roles = listResources(cluster, IamRole.tfResourceType).map((r) => r.name);
    expect(roles).toEqual(expect.arrayContaining(['dev-boomi-molecule-karpenter', 'dev-boomi-molecule-karpenter-node']));
    expect(roles).not.toContain('dev-boomi-molecule-cluster-autoscaler');
    expect(onlyResource(cluster, SqsQueue.tfResourceType).name).toBe('dev-boomi-molecule-karpenter');
    expect(onlyResource(cluster, Ec2Tag.tfResourceType).resource_id).toMatch(/^\$\{aws_eks_cluster\.[^.]+\.vpc_config\[0\]\.cluster_security_group_id\}$/);
  });

  it('keeps fixed-size on-demand system node groups', () => {
    for (const g of listResources(cluster, EksNodeGroup.tfResourceType)) {
      expect(g.capacity_type).toBe('ON_DEMAND');
      expect(g.scaling_config).toEqual({ min_size: 1, max_size: 1, desired_size: 1 });
    }
  });

  it('installs the chart with the cluster stack’s queue and cluster name, and no cluster-autoscaler', () => {
    const releases = listResources(workloads, Release.tfResourceType);
    expect(releases.map((r) => r.name)).not.toContain('cluster-autoscaler');
    const karpenter = releases.find((r) => r.name === 'karpenter')!;
    expect(karpenter).toMatchObject({ repository: 'oci://public.ecr.aws/karpenter', chart: 'karpenter', version: '1.14.1' });
    const values = parseYaml(String(karpenter.values[0]));
    expect(values.settings.clusterName).toBe('dev-boomi-molecule');
    // The queue name reaches the values through the cluster stack's remote state output of the queue's name.
    const m = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-dev-cluster\.outputs\.([^}]+)\}$/.exec(values.settings.interruptionQueue);
    expect(m).not.toBeNull();
    expect(values.settings.interruptionQueue.startsWith(`\${${REMOTE}`)).toBe(true);
    expect(cluster.output![m![1]].value).toMatch(/^\$\{aws_sqs_queue\.[^.]+\.name\}$/);
  });

  it('applies the EC2NodeClass and NodePools after the release that installs their CRDs', () => {
    const manifests = Object.entries(workloads.resource![Manifest.tfResourceType]).filter(([, r]) => /karpenter/.test(r.manifest.apiVersion));
    expect(manifests.map(([, r]) => `${r.manifest.kind}/${r.manifest.metadata.name}`).sort()).toEqual(['EC2NodeClass/default', 'NodePool/general', 'NodePool/molecule']);
    const releaseKey = Object.entries(workloads.resource![Release.tfResourceType]).find(([, r]) => r.name === 'karpenter')![0];
    for (const [, r] of manifests) expect(r.depends_on).toContain(`helm_release.${releaseKey}`);
    const nodeClass = manifests.find(([, r]) => r.manifest.kind === 'EC2NodeClass')![1].manifest;
    expect(nodeClass.spec.role).toMatch(new RegExp(`^\\$\\{${REMOTE.replace(/\./g, '\\.')}`));
    expect(nodeClass.spec.tags).toMatchObject({ Environment: 'dev', ManagedBy: 'cdktf' });
  });
});
