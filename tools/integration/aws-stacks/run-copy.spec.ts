// The pure parts of the AWS stacks check: what the run's copy changes. These
// run without terraform or moto.
import { exclusions, inlineExcludedLiterals, referencesOf } from './moto-gaps';
import { schemaHasPath, stripProviderOnlyArguments } from './provider-compat';
import { motoOverride } from './terraform-run';

const stack = () => ({
  terraform: { backend: { s3: { bucket: 'b', key: 'dev/cluster.tfstate', region: 'us-east-1', encrypt: true, use_lockfile: true } } },
  data: { terraform_remote_state: { net: { backend: 's3', config: { bucket: 'b', key: 'dev/network.tfstate', region: 'us-east-1' } } } },
  resource: {
    aws_eks_cluster: { c: { name: 'dev-x', role_arn: '${aws_iam_role.cluster.arn}' } },
    aws_iam_role: {
      cluster: { name: 'dev-x-cluster' },
      node: { name: '${aws_eks_cluster.c.name}-node' },
    },
    aws_iam_role_policy: { p: { role: '${aws_iam_role.node.name}', policy: '${jsonencode({"k" = join("", ["a/", aws_eks_cluster.c.name])})}' } },
    aws_vpc_security_group_ingress_rule: { r: { referenced_security_group_id: '${aws_eks_cluster.c.vpc_config[0].cluster_security_group_id}' } },
    aws_eks_node_group: { g: { node_repair_config: { enabled: true, max_parallel_nodes_repaired_count: 1 }, node_role_arn: '${aws_iam_role.node.arn}' } },
  },
});

describe('exclusions', () => {
  it("excludes moto's gaps and, transitively, what references them", () => {
    const ex = exclusions(stack());
    expect([...ex.keys()].sort()).toEqual(['aws_eks_cluster.c', 'aws_eks_node_group.g', 'aws_iam_role.node', 'aws_iam_role_policy.p', 'aws_vpc_security_group_ingress_rule.r']);
    expect(ex.get('aws_iam_role.node')).toBe('needs aws_eks_cluster.c (excluded)');
    expect(referencesOf(stack(), 'aws_iam_role_policy.p').sort()).toEqual(['aws_eks_cluster.c', 'aws_iam_role.node']);
  });

  it('after inlining configured literals, only what needs computed attributes stays excluded', () => {
    const s = stack();
    expect(inlineExcludedLiterals(s)).toEqual(['aws_eks_cluster.c.name → "dev-x"']);
    expect(s.resource.aws_iam_role.node.name).toBe('dev-x-node');
    expect(s.resource.aws_iam_role_policy.p.policy).toBe('${jsonencode({"k" = join("", ["a/", "dev-x"])})}');
    expect([...exclusions(s).keys()].sort()).toEqual(['aws_eks_cluster.c', 'aws_eks_node_group.g', 'aws_vpc_security_group_ingress_rule.r']);
  });
});

describe('stripProviderOnlyArguments', () => {
  it('removes the table entries and says where', () => {
    const s = stack();
    expect(stripProviderOnlyArguments(s)).toEqual(['aws_eks_node_group.g: node_repair_config.max_parallel_nodes_repaired_count']);
    expect(s.resource.aws_eks_node_group.g.node_repair_config).toEqual({ enabled: true });
    expect(stripProviderOnlyArguments(s)).toEqual([]);
  });

  it('reads a provider schema for nested arguments', () => {
    const schema = { provider_schemas: { aws: { resource_schemas: { t: { block: { attributes: { a: {} }, block_types: { b: { block: { attributes: { c: {} } } } } } } } } } };
    expect(schemaHasPath(schema, 't', ['a'])).toBe(true);
    expect(schemaHasPath(schema, 't', ['b', 'c'])).toBe(true);
    expect(schemaHasPath(schema, 't', ['b', 'd'])).toBe(false);
    expect(schemaHasPath(schema, 'u', ['a'])).toBe(false);
  });
});

describe('motoOverride', () => {
  it('points the provider, the backend and every remote state at the emulator, keeping their bucket and key', () => {
    const o = motoOverride(stack(), 'https://127.0.0.1:1');
    expect(o.provider.aws[0].endpoints[0]).toMatchObject({ ec2: 'https://127.0.0.1:1', s3: 'https://127.0.0.1:1', eks: 'https://127.0.0.1:1', efs: 'https://127.0.0.1:1' });
    expect(o.provider.aws[0]).not.toHaveProperty('skip_requesting_account_id');
    expect(o.terraform.backend.s3).toMatchObject({ bucket: 'b', key: 'dev/cluster.tfstate', use_lockfile: true, use_path_style: true, endpoints: { s3: 'https://127.0.0.1:1' } });
    expect(o.data.terraform_remote_state.net.config).toMatchObject({ bucket: 'b', key: 'dev/network.tfstate', use_path_style: true });
    expect(motoOverride(stack(), 'u', { net: '/tmp/net.tfstate' }).data.terraform_remote_state.net).toEqual({ backend: 'local', config: { path: '/tmp/net.tfstate' } });
  });
});
