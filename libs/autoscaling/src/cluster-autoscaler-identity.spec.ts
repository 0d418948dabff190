import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { decodeJsonencode, listResources, onlyResource, referencedResource, synthConstruct } from '@boomi-eks/testing';
import { ClusterAutoscalerIdentity } from './cluster-autoscaler-identity';

describe('ClusterAutoscalerIdentity', () => {
  const { json, result } = synthConstruct((s) => new ClusterAutoscalerIdentity(s, 'ca-identity', { clusterName: 'prod-boomi-molecule' }));

  it('associates the role with kube-system/cluster-autoscaler on this cluster', () => {
    const association = onlyResource(json, EksPodIdentityAssociation.tfResourceType);
    expect(association).toMatchObject({
      cluster_name: 'prod-boomi-molecule',
      namespace: 'kube-system',
      service_account: 'cluster-autoscaler',
    });
    expect(referencedResource(json, association.role_arn)).toMatchObject({ type: IamRole.tfResourceType, attribute: 'arn' });
  });

  it('trusts EKS Pod Identity and names the role after the cluster', () => {
    const role = onlyResource(json, IamRole.tfResourceType);
    expect(role.name).toBe('prod-boomi-molecule-cluster-autoscaler');
    expect(decodeJsonencode(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
  });

  it('attaches the autoscaler policy inline, scaling scoped to this cluster', () => {
    const policies = listResources(json, IamRolePolicy.tfResourceType);
    expect(policies).toHaveLength(1);
    const doc = decodeJsonencode(policies[0].policy);
    const scaling = doc.Statement.find((s: { Action: string[] }) => s.Action.includes('autoscaling:SetDesiredCapacity'));
    expect(scaling.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/k8s.io/cluster-autoscaler/prod-boomi-molecule': 'owned' } });
  });

  it('scopes scaling to a cluster name given as a reference (the key goes through zipmap)', () => {
    const { json: wired } = synthConstruct((s) => {
      const cluster = new CloudwatchLogGroup(s, 'named', { name: 'c' });
      return new ClusterAutoscalerIdentity(s, 'id', { clusterName: cluster.name, roleName: 'ca-role' });
    });
    const policy = onlyResource(wired, IamRolePolicy.tfResourceType).policy;
    expect(policy).toContain('zipmap(');
    const scaling = decodeJsonencode(policy).Statement[1];
    expect(scaling.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/k8s.io/cluster-autoscaler/${aws_cloudwatch_log_group.named.name}': 'owned' } });
  });

  it('exposes the role ARN as a reference to the role', () => {
    expect(result.roleArn).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
    expect(result.namespace).toBe('kube-system');
    expect(result.serviceAccount).toBe('cluster-autoscaler');
  });

  it('takes an explicit role name', () => {
    const { json: custom } = synthConstruct((s) => new ClusterAutoscalerIdentity(s, 'id', { clusterName: 'c', roleName: 'ca-role' }));
    expect(onlyResource(custom, IamRole.tfResourceType).name).toBe('ca-role');
  });
});
