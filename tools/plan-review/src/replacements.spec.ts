import { diffStack } from './diff-stacks';
import { destroysOf, replacementsOf, valueAt } from './replacements';
import { SENSITIVE, type StackJson } from './types';

const stack = (resource: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}): StackJson => ({ resource, ...extra });

function replacements(before: StackJson, after: StackJson) {
  return replacementsOf(diffStack('s', before, after), before, after);
}

const lt = (name: string) => ({ name, block_device_mappings: [{ device_name: '/dev/xvda', ebs: { volume_size: 20 } }] });
const nodeGroup = (extra: Record<string, unknown> = {}) => ({
  cluster_name: 'c',
  instance_types: ['m5.large'],
  launch_template: { id: '${aws_launch_template.lt.id}', version: '${aws_launch_template.lt.latest_version}' },
  scaling_config: { desired_size: 1, min_size: 1, max_size: 3 },
  lifecycle: { ignore_changes: ['scaling_config[0].desired_size'] },
  ...extra,
});

describe('valueAt', () => {
  it('reads nested blocks written as objects or one-item lists', () => {
    expect(valueAt({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(valueAt({ a: [{ b: 2 }] }, 'a.b')).toBe(2);
    expect(valueAt({ a: [] }, 'a.b')).toBeUndefined();
    expect(valueAt(undefined, 'a')).toBeUndefined();
  });
});

describe('replacementsOf', () => {
  it('an in-place change (scaling, launch template version) replaces nothing', () => {
    const before = stack({ aws_launch_template: { lt: lt('x') }, aws_eks_node_group: { ng: nodeGroup() } });
    const after = stack({
      aws_launch_template: { lt: { ...lt('x'), block_device_mappings: [{ device_name: '/dev/xvda', ebs: { volume_size: 50 } }] } },
      aws_eks_node_group: { ng: nodeGroup({ scaling_config: { desired_size: 1, min_size: 2, max_size: 5 } }) },
    });
    expect(replacements(before, after)).toEqual([]);
  });

  it('a replaced launch template replaces the node groups reading its id (unknown) or its new name (knock-on)', () => {
    const named = nodeGroup({ launch_template: { name: '${aws_launch_template.lt.name}', version: '1' } });
    const before = stack({ aws_launch_template: { lt: lt('x') }, aws_eks_node_group: { ng: nodeGroup(), named } });
    const after = stack({ aws_launch_template: { lt: lt('y') }, aws_eks_node_group: { ng: nodeGroup(), named } });
    expect(replacements(before, after)).toEqual([
      { stack: 's', address: 'aws_eks_node_group.named', type: 'aws_eks_node_group', certain: true, reasons: [{ argument: 'launch_template.name', before: '${aws_launch_template.lt.name}', after: '(known after apply)', cause: 'aws_launch_template.lt' }] },
      { stack: 's', address: 'aws_eks_node_group.ng', type: 'aws_eks_node_group', certain: true, reasons: [{ argument: 'launch_template.id', before: '${aws_launch_template.lt.id}', after: '(known after apply)', cause: 'aws_launch_template.lt' }] },
      { stack: 's', address: 'aws_launch_template.lt', type: 'aws_launch_template', certain: true, reasons: [{ argument: 'name', before: 'x', after: 'y' }] },
    ]);
  });

  it('a replaced cluster does not replace what reads its unchanged configured name', () => {
    const cluster = (cidr: string) => ({ name: 'c', role_arn: 'r', kubernetes_network_config: { service_ipv4_cidr: cidr } });
    const ng = nodeGroup({ cluster_name: '${aws_eks_cluster.c.name}' });
    const r = replacements(stack({ aws_eks_cluster: { c: cluster('172.20.0.0/16') }, aws_eks_node_group: { ng } }), stack({ aws_eks_cluster: { c: cluster('172.21.0.0/16') }, aws_eks_node_group: { ng } }));
    expect(r.map((x) => x.address)).toEqual(['aws_eks_cluster.c']);
  });

  it('an ignored argument never replaces', () => {
    const ng = (type: string) => nodeGroup({ instance_types: [type], lifecycle: { ignore_changes: ['instance_types'] } });
    expect(replacements(stack({ aws_eks_node_group: { ng: ng('m5.large') } }), stack({ aws_eks_node_group: { ng: ng('m5.xlarge') } }))).toEqual([]);
  });

  it('a whole nested block added with a force-new argument inside replaces; one without does not', () => {
    const cluster = (extra: Record<string, unknown>) => ({ name: 'c', role_arn: 'r', vpc_config: { subnet_ids: ['a'] }, ...extra });
    const r = replacements(stack({ aws_eks_cluster: { c: cluster({}) } }), stack({ aws_eks_cluster: { c: cluster({ kubernetes_network_config: { service_ipv4_cidr: '10.1.0.0/16' } }) } }));
    expect(r[0].reasons).toEqual([{ argument: 'kubernetes_network_config.service_ipv4_cidr', before: undefined, after: '10.1.0.0/16' }]);
    expect(replacements(stack({ aws_eks_cluster: { c: cluster({}) } }), stack({ aws_eks_cluster: { c: cluster({ upgrade_policy: { support_type: 'STANDARD' } }) } }))).toEqual([]);
  });

  it('decides a conditional replacement from the values: removing envelope encryption replaces, adding it does not', () => {
    const enc = { encryption_config: { provider: { key_arn: 'k' }, resources: ['secrets'] } };
    const cluster = (extra: Record<string, unknown>) => ({ aws_eks_cluster: { c: { name: 'c', role_arn: 'r', ...extra } } });
    const removed = replacements(stack(cluster(enc)), stack(cluster({})));
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ certain: true, reasons: [{ argument: 'encryption_config', when: expect.stringContaining('cannot be disabled') }] });
    expect(replacements(stack(cluster({})), stack(cluster(enc)))).toEqual([]);
  });

  it('a node group ami_type written down where it was left out may replace (Computed); another AMI type replaces', () => {
    const group = (extra: Record<string, unknown>) => ({ aws_launch_template: { lt: lt('x') }, aws_eks_node_group: { ng: nodeGroup(extra) } });
    const added = replacements(stack(group({})), stack(group({ ami_type: 'AL2023_x86_64_STANDARD' })));
    expect(added).toEqual([expect.objectContaining({ address: 'aws_eks_node_group.ng', certain: false, reasons: [expect.objectContaining({ argument: 'ami_type', when: expect.stringContaining('Computed') })] })]);
    const changed = replacements(stack(group({ ami_type: 'AL2023_x86_64_STANDARD' })), stack(group({ ami_type: 'AL2023_ARM_64_STANDARD' })));
    expect(changed).toEqual([expect.objectContaining({ address: 'aws_eks_node_group.ng', certain: true })]);
    expect(replacements(stack(group({ ami_type: 'AL2023_x86_64_STANDARD' })), stack(group({ ami_type: 'AL2023_x86_64_STANDARD' })))).toEqual([]);
  });

  it('masks sensitive values of a replaced immutable secret', () => {
    const secret = (password: string) => ({ metadata: { name: 'boomi-secret' }, immutable: true, data: { password } });
    const r = replacements(stack({ kubernetes_secret_v1: { s: secret('p1') } }), stack({ kubernetes_secret_v1: { s: secret('p2') } }));
    expect(r).toEqual([expect.objectContaining({ certain: true, reasons: [expect.objectContaining({ argument: 'data', before: SENSITIVE, after: SENSITIVE })] })]);
    expect(JSON.stringify(r)).not.toMatch(/p1|p2/);
  });

  it('a changed region re-creates a regional AWS resource', () => {
    const r = replacements(stack({ aws_vpc: { v: { cidr_block: '10.0.0.0/16' } } }), stack({ aws_vpc: { v: { cidr_block: '10.0.0.0/16', region: 'eu-west-1' } } }));
    expect(r[0].reasons).toEqual([{ argument: 'region', before: undefined, after: 'eu-west-1' }]);
  });
});

describe('destroysOf', () => {
  const bucket = (b: string) => ({ bucket: b, tags: { a: '1' } });

  it('pairs removed and added resources of one type by similarity, and leaves an unpaired one as a plain destroy', () => {
    const before = stack({ aws_s3_bucket: { logs: bucket('logs'), data: bucket('data'), old: bucket('old') } });
    const after = stack({ aws_s3_bucket: { logs2: bucket('logs'), data2: bucket('data') } });
    const d = destroysOf(diffStack('s', before, after), before, after);
    expect(d.map((x) => [x.address, x.likelyRenamedTo])).toEqual([
      ['aws_s3_bucket.data', 'aws_s3_bucket.data2'],
      ['aws_s3_bucket.logs', 'aws_s3_bucket.logs2'],
      ['aws_s3_bucket.old', undefined],
    ]);
    expect(d[0].fix).toContain(".moveFromId('aws_s3_bucket.data')");
  });

  it('says when a move alone would still replace the resource (a force-new argument differs), references to renamed resources aside', () => {
    const ng = (lt: string, name: string) => nodeGroup({ node_group_name: name, launch_template: { id: `\${aws_launch_template.${lt}.id}`, version: '1' } });
    const before = stack({ aws_launch_template: { a: lt('x') }, aws_eks_node_group: { a: ng('a', 'a') } });
    const renamedOnly = stack({ aws_launch_template: { b: lt('x') }, aws_eks_node_group: { b: ng('b', 'a') } });
    const renamedAndNewName = stack({ aws_launch_template: { b: lt('x') }, aws_eks_node_group: { b: ng('b', 'general-a') } });
    const d1 = destroysOf(diffStack('s', before, renamedOnly), before, renamedOnly);
    expect(d1.map((x) => [x.address, x.likelyRenamedTo, x.replacedEvenIfMoved])).toEqual([
      ['aws_eks_node_group.a', 'aws_eks_node_group.b', undefined],
      ['aws_launch_template.a', 'aws_launch_template.b', undefined],
    ]);
    const d2 = destroysOf(diffStack('s', before, renamedAndNewName), before, renamedAndNewName);
    expect(d2[0].replacedEvenIfMoved).toEqual(['node_group_name']);
  });

  it('is silent for a resource moved (moved block) or forgotten (removed block with destroy = false)', () => {
    const before = stack({ aws_s3_bucket: { a: bucket('a'), b: bucket('b') } });
    const after = stack({ aws_s3_bucket: { a2: bucket('a') } }, { moved: [{ from: 'aws_s3_bucket.a', to: 'aws_s3_bucket.a2' }], removed: [{ from: 'aws_s3_bucket.b', lifecycle: { destroy: false } }] });
    expect(destroysOf(diffStack('s', before, after), before, after)).toEqual([]);
  });

  it('ignores data sources and outputs, and stacks removed whole (they are not destroyed)', () => {
    const before = stack({ aws_s3_bucket: { a: bucket('a') } }, { data: { aws_caller_identity: { me: {} } }, output: { o: { value: 1 } } });
    const after = stack({ aws_s3_bucket: { a: bucket('a') } });
    expect(destroysOf(diffStack('s', before, after), before, after)).toEqual([]);
    expect(destroysOf(diffStack('s', before, undefined), before, undefined)).toEqual([]);
  });
});
