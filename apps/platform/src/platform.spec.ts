import { Testing } from 'cdktf';
import { ConfigError } from '@boomi-eks/config';
import { backendOf, listResources, onlyResource, type StackJson } from '@boomi-eks/testing';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { buildPlatform, validateAll } from './platform';
import { loadEnvironmentFiles } from './environments/load';
import { synthesizeShipped } from '../test/policy/platform-under-test';

// The shipped environments as the app builds them, without the ci-access stack (one synthesis per jest run, shared with workloads-stack.spec).
const out = synthesizeShipped();

const ENV_STACKS = ['dev-network', 'dev-cluster', 'prod-network', 'prod-cluster'];

describe('the shipped environments', () => {
  it('synthesize the state stack and a network, cluster and workloads stack per environment', () => {
    expect(out.stackIds()).toEqual(['dev-cluster', 'dev-network', 'dev-workloads', 'prod-cluster', 'prod-network', 'prod-workloads', 'state']);
  });

  it.each(ENV_STACKS)('%s keeps its state in S3 at <env>/<stack>.tfstate, encrypted and locked', (id) => {
    const [env, stack] = id.split('-');
    const backend = backendOf(out.stack(id));
    expect(backend.type).toBe('s3');
    expect(backend.config).toMatchObject({
      bucket: 'boomi-molecule-tfstate-123456789012',
      key: `${env}/${stack}.tfstate`,
      region: 'us-east-1',
      encrypt: true,
      use_lockfile: true,
    });
    expect(backend.config).not.toHaveProperty('dynamodb_table');
  });

  it.each(ENV_STACKS)('%s locks the AWS provider to the account and tags every resource', (id) => {
    const [env] = id.split('-');
    const aws = out.stack(id).provider!.aws[0];
    expect(aws.allowed_account_ids).toEqual(['123456789012']);
    expect((aws.default_tags as { tags: Record<string, string> }[])[0].tags).toMatchObject({
      Environment: env,
      ManagedBy: 'cdktf',
      CostCenter: `integration-${env}`,
    });
  });

  it('dev has one NAT gateway over two AZs, prod one per AZ over three', () => {
    expect(listResources(out.stack('dev-network'), NatGateway.tfResourceType)).toHaveLength(1);
    expect(listResources(out.stack('prod-network'), NatGateway.tfResourceType)).toHaveLength(3);
    const azs = (s: StackJson) => listResources(s, Subnet.tfResourceType).map((r) => r.availability_zone).sort();
    expect(azs(out.stack('dev-network'))).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1b']);
    expect(new Set(azs(out.stack('prod-network')))).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']));
  });

  it('prod keeps seed 000 node bounds (1..100, desired 1) with a group per AZ; dev is smaller', () => {
    const bounds = (s: StackJson) => listResources(s, EksNodeGroup.tfResourceType).map((g) => [g.node_group_name, g.scaling_config]);
    expect(bounds(out.stack('prod-cluster'))).toEqual(
      ['us-east-1a', 'us-east-1b', 'us-east-1c'].map((az) => [az, { min_size: 1, max_size: 100, desired_size: 1 }]),
    );
    expect(bounds(out.stack('dev-cluster'))).toEqual(
      ['us-east-1a', 'us-east-1b'].map((az) => [az, { min_size: 1, max_size: 3, desired_size: 1 }]),
    );
  });
});

describe('wiring between stacks', () => {
  const cluster = out.stack('prod-cluster');
  const network = out.stack('prod-network');
  const remote = cluster.data!.terraform_remote_state['cross-stack-reference-input-prod-network'];

  it("the cluster stack reads the network stack's state from the same bucket and key", () => {
    expect(remote.backend).toBe('s3');
    expect(remote.config).toMatchObject({ bucket: 'boomi-molecule-tfstate-123456789012', key: 'prod/network.tfstate', encrypt: true });
  });

  it("each node group's subnet is an output of the network stack: that AZ's private subnet", () => {
    const outputs = network.output!;
    for (const group of listResources(cluster, EksNodeGroup.tfResourceType)) {
      const [ref] = group.subnet_ids as string[];
      const m = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-prod-network\.outputs\.([^}]+)\}$/.exec(ref);
      expect(m).not.toBeNull();
      const produced = outputs[m![1]].value as string;
      const subnetName = /^\$\{aws_subnet\.([^.]+)\.id\}$/.exec(produced)![1];
      const subnet = network.resource![Subnet.tfResourceType][subnetName];
      expect(subnet.availability_zone).toBe(group.node_group_name);
      expect(subnet.tags['kubernetes.io/role/internal-elb']).toBe('1');
    }
  });

  it("the control plane sits in the network stack's private subnets", () => {
    const eks = onlyResource(cluster, EksCluster.tfResourceType);
    const subnetIds = eks.vpc_config.subnet_ids as string[];
    expect(subnetIds).toHaveLength(3);
    subnetIds.forEach((id) => expect(id).toContain('cross-stack-reference-input-prod-network'));
  });

  it('the deploy order is recorded: network before cluster', () => {
    const manifest = JSON.parse(require('node:fs').readFileSync(`${out.outdir}/manifest.json`, 'utf8'));
    expect(manifest.stacks['prod-cluster'].dependencies).toEqual(['prod-network']);
    expect(manifest.stacks['prod-network'].dependencies).toEqual([]);
  });
});

describe('validateAll', () => {
  const file = (over: Record<string, unknown>) => ({ ...(loadEnvironmentFiles()['dev.ts'] as object), ...over });

  it('reports every bad field of every file at once, each prefixed with its file', () => {
    try {
      validateAll({ 'a.ts': file({ name: 'aa', region: 'mars' }), 'b.ts': file({ name: 'bb', accountId: '12' }) });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const paths = (err as ConfigError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['a.ts: region', 'b.ts: accountId']));
    }
  });

  it('refuses two files with the same environment name', () => {
    expect(() => validateAll({ 'a.ts': file({}), 'b.ts': file({}) })).toThrow(/name: \('dev'\) is used by two environment files/);
  });

  it('refuses environments that name different state buckets', () => {
    const two = validateAll({ 'a.ts': file({ name: 'aa' }), 'b.ts': file({ name: 'bb', state: { bucket: 'other-bucket' } }) });
    expect(() => buildPlatform(Testing.app(), two)).toThrow(/state\.bucket: \(\[.+\]\) environments name 2 state buckets: the state stack manages one per account/);
  });
});
