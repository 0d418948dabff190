import { diffStack, diffStacks } from './diff-stacks';
import { appStack, baseSynth, headSynth, netBase, netHead } from '../test/fixtures';
import { SENSITIVE } from './types';

/** path → [before, after] of one changed block, for compact assertions. */
function changesOf(diff: ReturnType<typeof diffStack>, address: string) {
  const block = diff.changed.find((b) => b.address === address);
  if (!block) throw new Error(`${address} not changed; changed: ${diff.changed.map((b) => b.address).join(', ')}`);
  return block.attributes.map((a) => ({ path: a.path, action: a.action, before: a.before, after: a.after }));
}

describe('diffStack', () => {
  const diff = diffStack('net', netBase(), netHead());

  it('reports blocks added and removed, resources before outputs', () => {
    expect(diff.status).toBe('changed');
    expect(diff.added.map((b) => b.address)).toEqual(['aws_subnet.new_subnet', 'output.cidr']);
    expect(diff.removed).toEqual([{ address: 'aws_subnet.old_subnet', kind: 'resource', type: 'aws_subnet', constructPath: 'old_subnet' }]);
  });

  it('lists changed blocks in a stable order: resources, outputs, terraform settings', () => {
    expect(diff.changed.map((b) => b.address)).toEqual([
      'aws_iam_role.role',
      'aws_secretsmanager_secret_version.creds',
      'aws_security_group.sg',
      'aws_vpc.network_vpc_4E8F0223',
      'kubernetes_secret_v1.k8s',
      'output.token_out',
      'terraform.backend',
      'terraform.required_providers',
    ]);
  });

  it('gives each change its attribute path and old → new value', () => {
    expect(changesOf(diff, 'aws_vpc.network_vpc_4E8F0223')).toEqual([
      { path: 'tags.Owner', action: 'added', before: undefined, after: 'platform' },
      { path: 'tags["kubernetes.io/cluster/x"]', action: 'changed', before: 'shared', after: 'owned' },
    ]);
    expect(changesOf(diff, 'aws_security_group.sg')).toEqual([
      { path: 'ingress[0].cidr_blocks', action: 'changed', before: ['10.0.0.0/8'], after: ['10.0.0.0/8', '192.168.0.0/16'] },
      { path: 'instance_types', action: 'changed', before: ['m5.large'], after: ['m5.large', 'm5.xlarge'] },
    ]);
  });

  it('looks inside JSON strings: a policy change names the statement field', () => {
    expect(changesOf(diff, 'aws_iam_role.role')).toEqual([
      { path: 'assume_role_policy<json>.Statement[0].Condition.StringEquals.sub', action: 'changed', before: 'a', after: 'b' },
    ]);
  });

  it('reports the backend and provider versions', () => {
    expect(changesOf(diff, 'terraform.backend')).toEqual([{ path: 's3.key', action: 'changed', before: 'dev/net.tfstate', after: 'dev/network.tfstate' }]);
    expect(changesOf(diff, 'terraform.required_providers')).toEqual([{ path: 'aws.version', action: 'changed', before: '6.25.0', after: '6.26.0' }]);
  });

  it('masks secrets but still reports that they changed', () => {
    expect(changesOf(diff, 'aws_secretsmanager_secret_version.creds')).toEqual([{ path: 'secret_string', action: 'changed', before: SENSITIVE, after: SENSITIVE }]);
    expect(changesOf(diff, 'kubernetes_secret_v1.k8s')).toEqual([{ path: 'data.password', action: 'changed', before: SENSITIVE, after: SENSITIVE }]);
    expect(changesOf(diff, 'output.token_out')).toEqual([{ path: 'value', action: 'changed', before: SENSITIVE, after: SENSITIVE }]);
    expect(JSON.stringify(diff)).not.toMatch(/hunter|"p1"|"p2"|"s1"|"s2"/);
  });

  it('ignores cdktf metadata ("//")', () => {
    const a = netBase();
    (a['//'] as any).metadata.version = '9.9.9';
    (a.resource as any).aws_vpc.network_vpc_4E8F0223['//'].metadata.uniqueId = 'other';
    expect(diffStack('net', netBase(), a)).toEqual({ stack: 'net', status: 'unchanged', added: [], removed: [], changed: [] });
  });

  it('treats a stack only on one side as added or removed, with all its blocks', () => {
    expect(diffStack('app', undefined, appStack)).toMatchObject({ status: 'added', added: [{ address: 'aws_s3_bucket.bucket' }, { address: 'provider.aws' }], removed: [] });
    expect(diffStack('app', appStack, undefined)).toMatchObject({ status: 'removed', added: [], removed: [{ address: 'aws_s3_bucket.bucket' }, { address: 'provider.aws' }] });
  });
});

describe('diffStacks', () => {
  it('diffs every stack of either side, by id', () => {
    const diffs = diffStacks(baseSynth().stacks, headSynth().stacks);
    expect(diffs.map((d) => [d.stack, d.status])).toEqual([
      ['app', 'unchanged'],
      ['jobs', 'added'],
      ['legacy', 'removed'],
      ['net', 'changed'],
    ]);
  });
});
