import { Fn, Token } from 'cdktf';

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

/** Condition key of the ASG tag that marks a node group as this cluster's. */
const OWNER_TAG_PREFIX = 'aws:ResourceTag/k8s.io/cluster-autoscaler/';

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
          StringEquals: { [`${OWNER_TAG_PREFIX}${clusterName}`]: 'owned' },
        },
      },
    ],
  };
}

/**
 * The policy as the string an IAM resource takes: a `jsonencode(...)`
 * expression (cdktf's HCL output cannot hold a JSON-string policy). When the
 * cluster name is a token (a reference to the cluster), the condition key is
 * built with `zipmap`/`join`, because cdktf cannot render a token inside an
 * object key.
 */
export function clusterAutoscalerPolicyJson(clusterName: string): string {
  const doc = clusterAutoscalerPolicy(clusterName);
  if (!Token.isUnresolved(clusterName)) return Fn.jsonencode(doc);
  const ownedBy = Fn.zipmap([Fn.join('', [OWNER_TAG_PREFIX, clusterName])], ['owned']);
  return Fn.jsonencode({ ...doc, Statement: doc.Statement.map((s) => (s.Condition ? { ...s, Condition: { StringEquals: ownedBy } } : s)) });
}
