import {
  CLUSTER_AUTOSCALER_READ_ACTIONS,
  CLUSTER_AUTOSCALER_SCALING_ACTIONS,
  clusterAutoscalerPolicy,
} from './autoscaler-iam';

interface Statement {
  Effect: string;
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string>>;
}
const statements = (): Statement[] => clusterAutoscalerPolicy('prod-boomi-molecule').Statement as unknown as Statement[];
const SCALING = ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'];

describe('clusterAutoscalerPolicy', () => {
  it('allows the describe/read actions on every resource, and nothing else unconditionally', () => {
    const open = statements().filter((s) => !s.Condition);
    expect(open).toHaveLength(1);
    expect(open[0]).toEqual({
      Sid: 'DescribeNodeGroups',
      Effect: 'Allow',
      Resource: '*',
      Action: [
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
      ],
    });
    expect(open[0].Action.every((a) => /^(autoscaling|ec2|eks):(Describe|Get)/.test(a))).toBe(true);
  });

  it('allows the scaling actions only on ASGs tagged k8s.io/cluster-autoscaler/<cluster> = owned', () => {
    const scaling = statements().filter((s) => s.Action.some((a) => SCALING.includes(a)));
    expect(scaling).toHaveLength(1);
    expect(scaling[0].Action).toEqual(SCALING);
    expect(scaling[0].Effect).toBe('Allow');
    expect(scaling[0].Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/k8s.io/cluster-autoscaler/prod-boomi-molecule': 'owned' },
    });
  });

  it('has no wildcard action, and every * resource is either read-only or tag-conditioned', () => {
    for (const s of statements()) {
      expect(s.Action.filter((a) => a.includes('*'))).toEqual([]);
      const readOnly = s.Action.every((a) => (CLUSTER_AUTOSCALER_READ_ACTIONS as readonly string[]).includes(a));
      if (!readOnly) expect(Object.keys(s.Condition?.StringEquals ?? {})).toEqual(['aws:ResourceTag/k8s.io/cluster-autoscaler/prod-boomi-molecule']);
    }
    expect(statements().flatMap((s) => s.Action).sort()).toEqual([...CLUSTER_AUTOSCALER_READ_ACTIONS, ...CLUSTER_AUTOSCALER_SCALING_ACTIONS].sort());
  });

  it('is a valid 2012-10-17 policy with only Allow statements', () => {
    const doc = clusterAutoscalerPolicy('x');
    expect(doc.Version).toBe('2012-10-17');
    expect(doc.Statement.map((s) => s.Effect)).toEqual(['Allow', 'Allow']);
  });
});
