import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { listResources, onlyResource, synthConstruct } from '@boomi-eks/testing';
import { ContainerLogs, EbsCsiIdentity, cloudwatchObservabilityConfigurationValues } from '@boomi-eks/eks';

describe('ContainerLogs', () => {
  const { json } = synthConstruct(
    (scope) => new ContainerLogs(scope, 'logs', { clusterName: 'dev-boomi', retentionDays: 30, kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k' }),
  );

  it('makes the four Container Insights log groups with retention and the customer-managed key', () => {
    const groups = listResources(json, CloudwatchLogGroup.tfResourceType);
    expect(groups.map((g) => g.name).sort()).toEqual(
      ['application', 'dataplane', 'host', 'performance'].map((g) => `/aws/containerinsights/dev-boomi/${g}`),
    );
    for (const g of groups) expect(g).toMatchObject({ retention_in_days: 30, kms_key_id: 'arn:aws:kms:us-east-1:123456789012:key/k' });
  });

  it('binds CloudWatchAgentServerPolicy to amazon-cloudwatch/cloudwatch-agent through Pod Identity', () => {
    expect(onlyResource(json, EksPodIdentityAssociation.tfResourceType)).toMatchObject({ namespace: 'amazon-cloudwatch', service_account: 'cloudwatch-agent' });
    expect(listResources(json, IamRolePolicyAttachment.tfResourceType).map((a) => a.policy_arn)).toEqual(['arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy']);
  });

  it('turns container logs on in the add-on configuration', () => {
    expect(cloudwatchObservabilityConfigurationValues()).toEqual({ containerLogs: { enabled: true } });
  });
});

describe('EbsCsiIdentity', () => {
  const { json } = synthConstruct((scope) => new EbsCsiIdentity(scope, 'ebs', { clusterName: 'dev-boomi' }));
  it('binds AmazonEBSCSIDriverPolicy to kube-system/ebs-csi-controller-sa through Pod Identity', () => {
    expect(onlyResource(json, EksPodIdentityAssociation.tfResourceType)).toMatchObject({ namespace: 'kube-system', service_account: 'ebs-csi-controller-sa' });
    expect(listResources(json, IamRolePolicyAttachment.tfResourceType).map((a) => a.policy_arn)).toEqual([
      'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
    ]);
  });
});
