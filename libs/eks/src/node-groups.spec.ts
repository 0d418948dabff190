import { Construct } from 'constructs';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { NodeGroups, type NodeGroupSpec, type NodeGroupsProps } from '@boomi-eks/eks';
import { InvalidPropsError } from '@boomi-eks/primitives';
import { decodeJsonencode, listResources, onlyResource, referencedResource, resourcesOfType, synthConstruct, type StackJson } from '@boomi-eks/testing';

const GROUPS: NodeGroupSpec[] = [
  { name: 'workers-a', subnetId: 'subnet-0a' },
  { name: 'workers-b', subnetId: 'subnet-0b' },
  { name: 'workers-c', subnetId: 'subnet-0c' },
];

function synthNodeGroups(
  props: Partial<NodeGroupsProps> = {},
  before?: (scope: Construct) => Partial<NodeGroupsProps>,
): { json: StackJson; nodeGroups: NodeGroups } {
  const { json, result } = synthConstruct((scope) => {
    const extra = before?.(scope) ?? {};
    return new NodeGroups(scope, 'nodes', { clusterName: 'boomi-dev', kubernetesVersion: '1.36', groups: GROUPS, ...props, ...extra });
  });
  return { json, nodeGroups: result };
}

/** The node group resource with the given EKS name. */
function nodeGroupNamed(json: StackJson, name: string): Record<string, any> {
  const found = listResources(json, EksNodeGroup.tfResourceType).filter((g) => g.node_group_name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The launch template a node group points at, checking that id and version name the same template. */
function launchTemplateOf(json: StackJson, group: Record<string, any>): Record<string, any> {
  const id = referencedResource(json, group.launch_template.id);
  const version = referencedResource(json, group.launch_template.version);
  expect(id).toEqual(expect.objectContaining({ type: LaunchTemplate.tfResourceType, attribute: 'id' }));
  expect(version).toEqual(expect.objectContaining({ type: LaunchTemplate.tfResourceType, name: id!.name, attribute: 'latest_version' }));
  return resourcesOfType(json, LaunchTemplate.tfResourceType)[id!.name];
}

describe('NodeGroups', () => {
  it('makes one managed node group per spec, each in its single subnet', () => {
    const { json, nodeGroups } = synthNodeGroups();
    const groups = listResources(json, EksNodeGroup.tfResourceType);
    expect(groups.map((g) => [g.node_group_name, g.subnet_ids])).toEqual([
      ['workers-a', ['subnet-0a']],
      ['workers-b', ['subnet-0b']],
      ['workers-c', ['subnet-0c']],
    ]);
    groups.forEach((g) => expect(g.cluster_name).toBe('boomi-dev'));
    expect(nodeGroups.nodeGroups).toHaveLength(3);
  });

  it('seeds min 1, max 100, desired 1 when sizes are not given', () => {
    const { json } = synthNodeGroups();
    expect(nodeGroupNamed(json, 'workers-a').scaling_config).toEqual({ min_size: 1, max_size: 100, desired_size: 1 });
  });

  it('uses the sizes given', () => {
    const { json } = synthNodeGroups({ groups: [{ name: 'big', subnetId: 'subnet-0a', minSize: 2, maxSize: 6, desiredSize: 3 }] });
    expect(nodeGroupNamed(json, 'big').scaling_config).toEqual({ min_size: 2, max_size: 6, desired_size: 3 });
  });

  it('leaves desired_size to the autoscaler after create', () => {
    const { json } = synthNodeGroups();
    listResources(json, EksNodeGroup.tfResourceType).forEach((g) =>
      expect(g.lifecycle).toEqual({ ignore_changes: ['scaling_config[0].desired_size'] }),
    );
  });

  describe('launch template', () => {
    it('gives each group its own template, referenced by id and latest version', () => {
      const { json } = synthNodeGroups();
      const templates = GROUPS.map((g) => launchTemplateOf(json, nodeGroupNamed(json, g.name)));
      expect(new Set(templates).size).toBe(GROUPS.length);
      expect(listResources(json, LaunchTemplate.tfResourceType)).toHaveLength(GROUPS.length);
    });

    it('requires IMDSv2 with hop limit 1, so pods cannot reach the node credentials', () => {
      const { json } = synthNodeGroups();
      for (const g of GROUPS) {
        expect(launchTemplateOf(json, nodeGroupNamed(json, g.name)).metadata_options).toEqual({
          http_endpoint: 'enabled',
          http_tokens: 'required',
          http_put_response_hop_limit: 1,
        });
      }
    });

    it('gives the root volume /dev/xvda as encrypted gp3 of 20 GiB by default', () => {
      const { json } = synthNodeGroups();
      const template = launchTemplateOf(json, nodeGroupNamed(json, 'workers-a'));
      expect(template.block_device_mappings).toEqual([
        {
          device_name: '/dev/xvda',
          ebs: expect.objectContaining({ volume_type: 'gp3', encrypted: 'true', volume_size: 20 }),
        },
      ]);
    });

    it('sizes the root volume as given', () => {
      const { json } = synthNodeGroups({ groups: [{ name: 'disk', subnetId: 'subnet-0a', diskSizeGiB: 80 }] });
      const template = launchTemplateOf(json, nodeGroupNamed(json, 'disk'));
      expect(template.block_device_mappings[0].ebs).toEqual(expect.objectContaining({ volume_size: 80, encrypted: 'true' }));
    });
  });

  describe('node role', () => {
    it('is assumed by EC2 and has exactly the worker, CNI, ECR read-only and SSM policies', () => {
      const { json } = synthNodeGroups();
      const role = onlyResource(json, IamRole.tfResourceType);
      expect(decodeJsonencode(role.assume_role_policy).Statement).toEqual([
        expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ]);
      const roleName = Object.keys(resourcesOfType(json, IamRole.tfResourceType))[0];
      const attachments = listResources(json, IamRolePolicyAttachment.tfResourceType);
      attachments.forEach((a) => expect(a.role).toBe(`\${${IamRole.tfResourceType}.${roleName}.name}`));
      expect(attachments.map((a) => a.policy_arn).sort()).toEqual(
        [
          'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
          'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
          'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
          'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
        ].sort(),
      );
    });

    it('is the role of every group, which waits for its policies', () => {
      const { json } = synthNodeGroups();
      const roleName = Object.keys(resourcesOfType(json, IamRole.tfResourceType))[0];
      const attachmentAddresses = Object.keys(resourcesOfType(json, IamRolePolicyAttachment.tfResourceType)).map(
        (n) => `${IamRolePolicyAttachment.tfResourceType}.${n}`,
      );
      for (const g of listResources(json, EksNodeGroup.tfResourceType)) {
        expect(g.node_role_arn).toBe(`\${${IamRole.tfResourceType}.${roleName}.arn}`);
        expect(g.depends_on).toEqual(expect.arrayContaining(attachmentAddresses));
      }
    });
  });

  it('passes labels and taints through', () => {
    const { json } = synthNodeGroups({
      groups: [
        {
          name: 'molecule',
          subnetId: 'subnet-0a',
          labels: { workload: 'molecule', 'boomi.com/tier': 'runtime' },
          taints: [
            { key: 'dedicated', value: 'molecule', effect: 'NO_SCHEDULE' },
            { key: 'spot', effect: 'PREFER_NO_SCHEDULE' },
          ],
        },
      ],
    });
    const group = nodeGroupNamed(json, 'molecule');
    expect(group.labels).toEqual({ workload: 'molecule', 'boomi.com/tier': 'runtime' });
    expect(group.taint).toEqual([
      { key: 'dedicated', value: 'molecule', effect: 'NO_SCHEDULE' },
      { key: 'spot', effect: 'PREFER_NO_SCHEDULE' },
    ]);
  });

  it('has neither labels nor taints when none are given', () => {
    const { json } = synthNodeGroups();
    const group = nodeGroupNamed(json, 'workers-a');
    expect(group.labels).toBeUndefined();
    expect(group.taint ?? []).toEqual([]);
  });

  it('is ON_DEMAND m5.large by default, and takes SPOT with other instance types', () => {
    const { json } = synthNodeGroups({
      groups: [
        { name: 'default', subnetId: 'subnet-0a' },
        { name: 'spot', subnetId: 'subnet-0b', capacityType: 'SPOT', instanceTypes: ['m6i.large', 'm5.large'] },
      ],
    });
    expect(nodeGroupNamed(json, 'default')).toEqual(expect.objectContaining({ capacity_type: 'ON_DEMAND', instance_types: ['m5.large'] }));
    expect(nodeGroupNamed(json, 'spot')).toEqual(expect.objectContaining({ capacity_type: 'SPOT', instance_types: ['m6i.large', 'm5.large'] }));
  });

  it('waits for the given dependencies (the vpc-cni add-on)', () => {
    const { json } = synthNodeGroups({}, (scope) => ({
      dependsOn: [new IamRole(scope, 'stand-in-for-vpc-cni', { name: 'stand-in', assumeRolePolicy: '{}' })],
    }));
    const [standIn] = Object.entries(resourcesOfType(json, IamRole.tfResourceType)).find(([, r]) => r.name === 'stand-in')!;
    for (const g of listResources(json, EksNodeGroup.tfResourceType)) {
      expect(g.depends_on).toContain(`${IamRole.tfResourceType}.${standIn}`);
    }
  });

  describe('refuses', () => {
    it("minSize above maxSize, naming the group's path and both values, with every problem at once", () => {
      const groups = [{ name: 'bad', subnetId: 'subnet-0a', minSize: 5, maxSize: 2, desiredSize: 2 }];
      expect(() => synthNodeGroups({ groups })).toThrow(InvalidPropsError);
      expect(() => synthNodeGroups({ groups })).toThrow(
        "NodeGroups for 'boomi-dev' is invalid (2 problems):\n" +
          '  - groups[0].minSize: (5) is greater than maxSize (2): lower minSize or raise maxSize\n' +
          '  - groups[0].desiredSize: (2) must be between minSize (5) and maxSize (2): set desiredSize within the bounds',
      );
    });

    it.each([
      ['below minSize', { minSize: 2, maxSize: 5, desiredSize: 1 }],
      ['above maxSize', { minSize: 1, maxSize: 5, desiredSize: 6 }],
    ])('desiredSize %s, naming the values', (_, sizes) => {
      expect(() => synthNodeGroups({ groups: [{ name: 'bad', subnetId: 'subnet-0a', ...sizes }] })).toThrow(
        `groups[0].desiredSize: (${sizes.desiredSize}) must be between minSize (${sizes.minSize}) and maxSize (${sizes.maxSize})`,
      );
    });

    it('an empty group list, naming the cluster', () => {
      expect(() => synthNodeGroups({ groups: [] })).toThrow(/NodeGroups for 'boomi-dev' is invalid \(1 problem\):\n  - groups: \(\[\]\) is empty/);
    });
  });

  describe('node auto repair', () => {
    it('is not set when not asked for (EKS leaves it off)', () => {
      const { json } = synthNodeGroups();
      listResources(json, EksNodeGroup.tfResourceType).forEach((g) => expect(g.node_repair_config).toBeUndefined());
    });

    it('is enabled on every group with the given pace', () => {
      const { json } = synthNodeGroups({ nodeRepair: { enabled: true, maxParallelNodesRepairedCount: 1 } });
      for (const g of listResources(json, EksNodeGroup.tfResourceType)) {
        expect(g.node_repair_config).toEqual({ enabled: true, max_parallel_nodes_repaired_count: 1 });
      }
    });

    it('can be turned off explicitly', () => {
      const { json } = synthNodeGroups({ nodeRepair: { enabled: false, maxParallelNodesRepairedCount: 3 } });
      expect(nodeGroupNamed(json, 'workers-a').node_repair_config).toEqual({ enabled: false });
    });

    it('refuses a pace below 1, naming the field', () => {
      expect(() => synthNodeGroups({ nodeRepair: { enabled: true, maxParallelNodesRepairedCount: 0 } })).toThrow(
        /nodeRepair\.maxParallelNodesRepairedCount: \(0\) must be a whole number ≥ 1/,
      );
    });
  });

  it('passes a SPOT group with several instance types, its label and PreferNoSchedule taint through', () => {
    const { json } = synthNodeGroups({
      groups: [
        {
          name: 'spot-a',
          subnetId: 'subnet-0a',
          capacityType: 'SPOT',
          instanceTypes: ['m5.large', 'm5a.large', 'm6i.large'],
          labels: { 'node.boomi.io/capacity': 'spot' },
          taints: [{ key: 'spot', value: 'true', effect: 'PREFER_NO_SCHEDULE' }],
        },
      ],
    });
    expect(nodeGroupNamed(json, 'spot-a')).toEqual(
      expect.objectContaining({
        capacity_type: 'SPOT',
        instance_types: ['m5.large', 'm5a.large', 'm6i.large'],
        labels: { 'node.boomi.io/capacity': 'spot' },
        taint: [{ key: 'spot', value: 'true', effect: 'PREFER_NO_SCHEDULE' }],
      }),
    );
  });

  describe('nodes follow the control plane', () => {
    it('gives every group the cluster minor and an explicit AL2023 x86_64 AMI type, with no release pin by default', () => {
      const { json } = synthNodeGroups({ kubernetesVersion: '1.35' });
      for (const name of ['workers-a', 'workers-b', 'workers-c']) {
        const g = nodeGroupNamed(json, name);
        expect(g).toEqual(expect.objectContaining({ version: '1.35', ami_type: 'AL2023_x86_64_STANDARD' }));
        expect(g.release_version).toBeUndefined();
      }
    });

    it('passes an ARM AMI type and an AMI release pin through, per group', () => {
      const { json } = synthNodeGroups({
        groups: [
          { name: 'arm', subnetId: 'subnet-0a', instanceTypes: ['m7g.large'], amiType: 'AL2023_ARM_64_STANDARD', releaseVersion: '1.36.0-20260715' },
          { name: 'x86', subnetId: 'subnet-0b' },
        ],
      });
      expect(nodeGroupNamed(json, 'arm')).toEqual(
        expect.objectContaining({ version: '1.36', ami_type: 'AL2023_ARM_64_STANDARD', release_version: '1.36.0-20260715', instance_types: ['m7g.large'] }),
      );
      expect(nodeGroupNamed(json, 'x86')).toEqual(expect.objectContaining({ version: '1.36', ami_type: 'AL2023_x86_64_STANDARD' }));
    });
  });
});
