/**
 * The IAM policy of the cluster-autoscaler, as a pure function.
 *
 * Actions: upstream's recommended policy (kubernetes/autoscaler
 * `cluster-autoscaler/cloudprovider/aws/README.md`), plus
 * `autoscaling:DescribeTags`, which upstream lists for ASG auto-discovery.
 * Reads need `Resource: '*'` (these actions support no resource scoping); the
 * two actions that change capacity are allowed only on ASGs tagged as owned by
 * this cluster (AWS EKS Best Practices, Cluster Autoscaler), which EKS managed
 * node groups are.
 */

/** Read-only actions, allowed on every resource. */
export const CLUSTER_AUTOSCALER_READ_ACTIONS = [
  'autoscaling:DescribeAutoScalingGroups',
  'autoscaling:DescribeAutoScalingInstances',
  'autoscaling:DescribeLaunchConfigurations',
  'autoscaling:DescribeScalingActivities',
  'autoscaling:DescribeTags',
  'ec2:DescribeImages',
  'ec2:DescribeInstanceTypes',
  'ec2:DescribeLaunchTemplateVersions',
  'ec2:GetInstanceTypesFromInstanceRequirements',
  'eks:DescribeNodegroup',
] as const;

/** Actions that change an ASG, allowed only on this cluster's ASGs. */
export const CLUSTER_AUTOSCALER_SCALING_ACTIONS = [
  'autoscaling:SetDesiredCapacity',
  'autoscaling:TerminateInstanceInAutoScalingGroup',
] as const;

/** An IAM policy document (the subset this lib writes). */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: 'Allow' | 'Deny';
    readonly Action: readonly string[];
    readonly Resource: string | readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  }[];
}

/**
 * The autoscaler's policy for one cluster. `clusterName` may be a token (a
 * reference to the cluster resource); it then resolves inside the JSON.
 */
export function clusterAutoscalerPolicy(clusterName: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DescribeNodeGroups',
        Effect: 'Allow',
        Action: [...CLUSTER_AUTOSCALER_READ_ACTIONS],
        Resource: '*',
      },
      {
        Sid: 'ScaleOwnNodeGroups',
        Effect: 'Allow',
        Action: [...CLUSTER_AUTOSCALER_SCALING_ACTIONS],
        Resource: '*',
        Condition: {
          StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: 'owned' },
        },
      },
    ],
  };
}

/** The policy as the JSON string an IAM resource takes. */
export function clusterAutoscalerPolicyJson(clusterName: string): string {
  return JSON.stringify(clusterAutoscalerPolicy(clusterName));
}
