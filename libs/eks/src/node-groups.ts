import { Construct } from 'constructs';
import { Fn, ITerraformDependable, Token } from 'cdktf';
import { throwIfIssues } from '@boomi-eks/primitives';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { serviceTrustPolicy } from '@boomi-eks/primitives';
import { validateNodeGroups } from './validate-node-groups';
import { amiTypeFor, NODE_GROUP_DEFAULTS, type CapacityType, type NodeAmiType, type NodeGroupTaint } from './node-group-defaults';

/** Policies of the node role: worker, CNI, image pulls, and SSM (instead of SSH). */
export const NODE_ROLE_POLICY_ARNS = [
  'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
  'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
  'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
  'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
] as const;

export interface NodeGroupSpec {
  /** EKS node group name. */
  readonly name: string;
  /** The one subnet (and so the one AZ) of this group. */
  readonly subnetId: string;
  /** @default ['m5.large'] */
  readonly instanceTypes?: readonly string[];
  /** @default 'ON_DEMAND' */
  readonly capacityType?: CapacityType;
  /** @default 1 (seed 000) */
  readonly minSize?: number;
  /** @default 100 (seed 000) */
  readonly maxSize?: number;
  /** Initial size; ignored after create so the autoscaler owns it. @default 1 (seed 000) */
  readonly desiredSize?: number;
  /** Root volume in GiB (gp3, encrypted). @default 20 (seed 000) */
  readonly diskSizeGiB?: number;
  /** @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default [] */
  readonly taints?: readonly NodeGroupTaint[];
  /**
   * Node AMI type (`ami_type`), always written out so EKS never picks one;
   * it must run on the instance types (validate-node-groups.ts).
   * @default - that of the instance types (`amiTypeFor`): 'AL2023_ARM_64_STANDARD' when all are Graviton, else 'AL2023_x86_64_STANDARD'
   */
  readonly amiType?: NodeAmiType;
  /**
   * AMI release (`release_version`, e.g. '1.36.0-20260715'); its minor must be
   * the cluster's. @default - the latest AMI release of `kubernetesVersion`
   */
  readonly releaseVersion?: string;
}

/** EKS node auto repair of a managed node group (`node_repair_config`). */
export interface NodeRepair {
  /** Replace (or reboot) nodes whose `Ready` or node-monitoring-agent conditions stay unhealthy. */
  readonly enabled: boolean;
  /**
   * At most this many nodes of a group repaired at the same time.
   * @default - EKS's own pacing
   */
  readonly maxParallelNodesRepairedCount?: number;
}

export interface NodeGroupsProps {
  readonly clusterName: string;
  /**
   * Kubernetes minor of the nodes (`version`): the cluster's, so a minor bump
   * upgrades the nodes in the same apply. They roll after the control plane
   * and the add-ons nodes need, because they depend on those (`dependsOn`).
   */
  readonly kubernetesVersion: string;
  /** One managed node group each (seed 000: one per AZ, so the autoscaler balances zones). */
  readonly groups: readonly NodeGroupSpec[];
  /**
   * What must exist (and be upgraded) before nodes join or roll: the add-ons
   * nodes need (vpc-cni, kube-proxy, eks-pod-identity-agent). Apply order:
   * control plane → these add-ons → node groups → the rest. @default []
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Tags for the nodes' instances, volumes and network interfaces. The AWS
   * provider's default_tags do not reach a launch template's tag
   * specifications, so pass the environment's tags here. @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * EKS node auto repair for every group. Works from the `Ready` condition and
   * the conditions of the `eks-node-monitoring-agent` add-on (install it for
   * more than `Ready`).
   * @default - not set: EKS leaves auto repair off
   */
  readonly nodeRepair?: NodeRepair;
}

/**
 * Managed node groups on launch templates: IMDSv2 required with hop limit 1
 * (pods cannot reach the node's credentials), an encrypted gp3 root volume,
 * private subnets only. `desired_size` is ignored after create so a redeploy
 * never undoes what the cluster-autoscaler did.
 */
export class NodeGroups extends Construct {
  readonly nodeRoleArn: string;
  readonly nodeRoleName: string;
  /** EKS node group names, in the order given. */
  readonly nodeGroupNames: string[];
  readonly nodeGroups: EksNodeGroup[];

  constructor(scope: Construct, id: string, props: NodeGroupsProps) {
    super(scope, id);
    // Every problem at once (validate-node-groups.ts); deploy-time tokens are left to Terraform.
    throwIfIssues(`NodeGroups for '${props.clusterName}'`, validateNodeGroups(props, { isUnresolved: Token.isUnresolved }));

    const role = new IamRole(this, 'node-role', {
      name: `${props.clusterName}-node`,
      assumeRolePolicy: Fn.jsonencode(serviceTrustPolicy('ec2.amazonaws.com')),
    });
    const attachments = NODE_ROLE_POLICY_ARNS.map(
      (policyArn, i) => new IamRolePolicyAttachment(this, `node-role-policy-${i}`, { role: role.name, policyArn }),
    );

    this.nodeGroups = props.groups.map((g) => {
      const d = NODE_GROUP_DEFAULTS;
      const minSize = g.minSize ?? d.minSize;
      const maxSize = g.maxSize ?? d.maxSize;
      const desiredSize = g.desiredSize ?? d.desiredSize;

      const template = new LaunchTemplate(this, `${g.name}-lt`, {
        name: `${props.clusterName}-${g.name}`,
        updateDefaultVersion: true,
        metadataOptions: {
          httpEndpoint: 'enabled',
          httpTokens: 'required',
          httpPutResponseHopLimit: 1,
        },
        blockDeviceMappings: [
          {
            deviceName: '/dev/xvda',
            ebs: {
              volumeSize: g.diskSizeGiB ?? d.diskSizeGiB,
              volumeType: 'gp3',
              encrypted: 'true',
              deleteOnTermination: 'true',
            },
          },
        ],
        tagSpecifications: (['instance', 'volume', 'network-interface'] as const).map((resourceType) => ({
          resourceType,
          tags: { ...props.tags, Name: `${props.clusterName}-${g.name}` },
        })),
      });

      return new EksNodeGroup(this, g.name, {
        clusterName: props.clusterName,
        nodeGroupName: g.name,
        nodeRoleArn: role.arn,
        subnetIds: [g.subnetId],
        instanceTypes: [...(g.instanceTypes ?? d.instanceTypes)],
        capacityType: g.capacityType ?? d.capacityType,
        // Nodes follow the control plane: same minor, explicit AMI type, optional AMI release pin.
        version: props.kubernetesVersion,
        amiType: g.amiType ?? amiTypeFor(g.instanceTypes ?? d.instanceTypes),
        releaseVersion: g.releaseVersion,
        scalingConfig: { minSize, maxSize, desiredSize },
        updateConfig: { maxUnavailable: 1 },
        labels: g.labels && Object.keys(g.labels).length > 0 ? { ...g.labels } : undefined,
        taint: g.taints?.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
        launchTemplate: { id: template.id, version: Token.asString(template.latestVersion) },
        nodeRepairConfig: props.nodeRepair
          ? {
              enabled: props.nodeRepair.enabled,
              maxParallelNodesRepairedCount: props.nodeRepair.enabled ? props.nodeRepair.maxParallelNodesRepairedCount : undefined,
            }
          : undefined,
        lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
        dependsOn: [...attachments, ...(props.dependsOn ?? [])],
      });
    });

    this.nodeRoleArn = role.arn;
    this.nodeRoleName = role.name;
    this.nodeGroupNames = this.nodeGroups.map((n) => n.nodeGroupName);
  }
}
