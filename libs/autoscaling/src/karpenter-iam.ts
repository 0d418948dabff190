/**
 * Karpenter's IAM, as upstream scopes it: the controller policies of
 * aws/karpenter-provider-aws v1.14 `getting-started-with-karpenter/cloudformation.yaml`
 * (KarpenterControllerNodeLifecyclePolicy, -IAMIntegrationPolicy,
 * -EKSIntegrationPolicy, -InterruptionPolicy, -ResourceDiscoveryPolicy), the
 * node role's managed policies and the interruption queue's policy. Pure
 * functions returning policy objects: the construct renders them with
 * `Fn.jsonencode`, never JSON.stringify.
 */

/** Tag whose value is the cluster name on the private subnets and the node security group (EC2NodeClass selectors). */
export const KARPENTER_DISCOVERY_TAG = 'karpenter.sh/discovery';

/** Managed policies of the node role (upstream's KarpenterNodeRole). */
export const KARPENTER_NODE_POLICY_NAMES = [
  'AmazonEKS_CNI_Policy',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEC2ContainerRegistryPullOnly',
  'AmazonSSMManagedInstanceCore',
] as const;

/** EventBridge rules feeding the interruption queue: name suffix → event pattern (upstream's five rules). */
export const KARPENTER_INTERRUPTION_EVENTS: Readonly<Record<string, { source: string[]; 'detail-type': string[] }>> = {
  'scheduled-change': { source: ['aws.health'], 'detail-type': ['AWS Health Event'] },
  'spot-interruption': { source: ['aws.ec2'], 'detail-type': ['EC2 Spot Instance Interruption Warning'] },
  rebalance: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance Rebalance Recommendation'] },
  'instance-state-change': { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] },
  'capacity-reservation-interruption': {
    source: ['aws.ec2'],
    'detail-type': ['EC2 Capacity Reservation Instance Interruption Warning'],
  },
};

export interface KarpenterPolicyScope {
  /** Literal cluster name: it is part of condition keys, which cannot hold a Terraform reference. */
  readonly clusterName: string;
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** ARN of the node role (iam:PassRole is limited to it). */
  readonly nodeRoleArn: string;
  /** ARN of the interruption queue. */
  readonly queueArn: string;
}

type Statement = Record<string, unknown>;

/** The controller's policy document (one inline policy; upstream splits it into five managed policies). */
export function karpenterControllerPolicy(s: KarpenterPolicyScope): { Version: string; Statement: Statement[] } {
  const ec2 = (r: string) => `arn:${s.partition}:ec2:${s.region}:*:${r}`;
  const clusterTag = `kubernetes.io/cluster/${s.clusterName}`;
  const taggedResources = ['fleet/*', 'instance/*', 'volume/*', 'network-interface/*', 'launch-template/*', 'spot-instances-request/*'].map(ec2);
  const instanceProfile = `arn:${s.partition}:iam::${s.accountId}:instance-profile/*`;
  const clusterArn = `arn:${s.partition}:eks:${s.region}:${s.accountId}:cluster/${s.clusterName}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowScopedEC2InstanceAccessActions',
        Effect: 'Allow',
        Resource: [
          `arn:${s.partition}:ec2:${s.region}::image/*`,
          `arn:${s.partition}:ec2:${s.region}::snapshot/*`,
          ec2('security-group/*'),
          ec2('subnet/*'),
          ec2('capacity-reservation/*'),
          ec2('placement-group/*'),
        ],
        Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
      },
      {
        Sid: 'AllowScopedEC2LaunchTemplateAccessActions',
        Effect: 'Allow',
        Resource: ec2('launch-template/*'),
        Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
        Condition: {
          StringEquals: { [`aws:ResourceTag/${clusterTag}`]: 'owned' },
          StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
        },
      },
      {
        Sid: 'AllowScopedEC2InstanceActionsWithTags',
        Effect: 'Allow',
        Resource: taggedResources,
        Action: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'],
        Condition: {
          StringEquals: { [`aws:RequestTag/${clusterTag}`]: 'owned', 'aws:RequestTag/eks:eks-cluster-name': s.clusterName },
          StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
        },
      },
      {
        Sid: 'AllowScopedResourceCreationTagging',
        Effect: 'Allow',
        Resource: taggedResources,
        Action: 'ec2:CreateTags',
        Condition: {
          StringEquals: {
            [`aws:RequestTag/${clusterTag}`]: 'owned',
            'aws:RequestTag/eks:eks-cluster-name': s.clusterName,
            'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'],
          },
          StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
        },
      },
      {
        Sid: 'AllowScopedResourceTagging',
        Effect: 'Allow',
        Resource: ec2('instance/*'),
        Action: 'ec2:CreateTags',
        Condition: {
          StringEquals: { [`aws:ResourceTag/${clusterTag}`]: 'owned' },
          StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
          StringEqualsIfExists: { 'aws:RequestTag/eks:eks-cluster-name': s.clusterName },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'] },
        },
      },
      {
        Sid: 'AllowScopedDeletion',
        Effect: 'Allow',
        Resource: [ec2('instance/*'), ec2('launch-template/*')],
        Action: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
        Condition: {
          StringEquals: { [`aws:ResourceTag/${clusterTag}`]: 'owned' },
          StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' },
        },
      },
      {
        Sid: 'AllowPassingInstanceRole',
        Effect: 'Allow',
        Resource: s.nodeRoleArn,
        Action: 'iam:PassRole',
        Condition: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] } },
      },
      {
        Sid: 'AllowScopedInstanceProfileCreationActions',
        Effect: 'Allow',
        Resource: instanceProfile,
        Action: ['iam:CreateInstanceProfile'],
        Condition: {
          StringEquals: {
            [`aws:RequestTag/${clusterTag}`]: 'owned',
            'aws:RequestTag/eks:eks-cluster-name': s.clusterName,
            'aws:RequestTag/topology.kubernetes.io/region': s.region,
          },
          StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' },
        },
      },
      {
        Sid: 'AllowScopedInstanceProfileTagActions',
        Effect: 'Allow',
        Resource: instanceProfile,
        Action: ['iam:TagInstanceProfile'],
        Condition: {
          StringEquals: {
            [`aws:ResourceTag/${clusterTag}`]: 'owned',
            'aws:ResourceTag/topology.kubernetes.io/region': s.region,
            [`aws:RequestTag/${clusterTag}`]: 'owned',
            'aws:RequestTag/eks:eks-cluster-name': s.clusterName,
            'aws:RequestTag/topology.kubernetes.io/region': s.region,
          },
          StringLike: {
            'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*',
            'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*',
          },
        },
      },
      {
        Sid: 'AllowScopedInstanceProfileActions',
        Effect: 'Allow',
        Resource: instanceProfile,
        Action: ['iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'],
        Condition: {
          StringEquals: { [`aws:ResourceTag/${clusterTag}`]: 'owned', 'aws:ResourceTag/topology.kubernetes.io/region': s.region },
          StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' },
        },
      },
      { Sid: 'AllowAPIServerEndpointDiscovery', Effect: 'Allow', Resource: clusterArn, Action: 'eks:DescribeCluster' },
      {
        Sid: 'AllowInterruptionQueueActions',
        Effect: 'Allow',
        Resource: s.queueArn,
        Action: ['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
      },
      {
        Sid: 'AllowZonalShiftStatusReadOnly',
        Effect: 'Allow',
        Resource: '*',
        Action: ['arc-zonal-shift:GetManagedResource'],
        Condition: { StringEquals: { 'arc-zonal-shift:ResourceIdentifier': clusterArn } },
      },
      {
        Sid: 'AllowRegionalReadActions',
        Effect: 'Allow',
        Resource: '*',
        Action: [
          'ec2:DescribeCapacityReservations',
          'ec2:DescribeImages',
          'ec2:DescribeInstances',
          'ec2:DescribeInstanceStatus',
          'ec2:DescribeInstanceTypeOfferings',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeLaunchTemplates',
          'ec2:DescribePlacementGroups',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSpotPriceHistory',
          'ec2:DescribeSubnets',
        ],
        Condition: { StringEquals: { 'aws:RequestedRegion': s.region } },
      },
      { Sid: 'AllowSSMReadActions', Effect: 'Allow', Resource: `arn:${s.partition}:ssm:${s.region}::parameter/aws/service/*`, Action: 'ssm:GetParameter' },
      { Sid: 'AllowPricingReadActions', Effect: 'Allow', Resource: '*', Action: 'pricing:GetProducts' },
      { Sid: 'AllowUnscopedInstanceProfileListAction', Effect: 'Allow', Resource: '*', Action: 'iam:ListInstanceProfiles' },
      { Sid: 'AllowInstanceProfileReadActions', Effect: 'Allow', Resource: instanceProfile, Action: 'iam:GetInstanceProfile' },
    ],
  };
}

/** The interruption queue's policy: EventBridge (and SQS) may send; anything over plain HTTP is denied. */
export function interruptionQueuePolicy(queueArn: string): { Version: string; Id: string; Statement: Statement[] } {
  return {
    Version: '2012-10-17',
    Id: 'EC2InterruptionPolicy',
    Statement: [
      {
        Sid: 'AllowEventBridge',
        Effect: 'Allow',
        Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
      },
      {
        Sid: 'DenyHTTP',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sqs:*',
        Resource: queueArn,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
}
