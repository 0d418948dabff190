import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { Ec2Tag } from '@cdktf/provider-aws/lib/ec2-tag';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { listResources, onlyResource, decodeJsonencode, referencedResource, resourcesOfType, synthConstruct } from '@boomi-eks/testing';
import { KarpenterIdentity } from './karpenter-identity';

const CLUSTER = 'prod-boomi-molecule';

describe('KarpenterIdentity', () => {
  const { json } = synthConstruct((s) =>
    new KarpenterIdentity(s, 'karpenter', {
      clusterName: CLUSTER,
      region: 'us-east-1',
      accountId: '111122223333',
      nodeSecurityGroupId: 'sg-0123',
      tags: { Environment: 'prod' },
    }),
  );
  const roles = resourcesOfType(json, IamRole.tfResourceType);
  const nodeRoleKey = Object.keys(roles).find((k) => roles[k].name === `${CLUSTER}-karpenter-node`)!;
  const controllerPolicy = decodeJsonencode(onlyResource(json, IamRolePolicy.tfResourceType).policy);
  const statement = (sid: string) => controllerPolicy.Statement.find((s: { Sid: string }) => s.Sid === sid);
  const queueKey = Object.keys(resourcesOfType(json, SqsQueue.tfResourceType))[0];

  it('binds the controller role to kube-system/karpenter through Pod Identity', () => {
    expect(onlyResource(json, EksPodIdentityAssociation.tfResourceType)).toMatchObject({ cluster_name: CLUSTER, namespace: 'kube-system', service_account: 'karpenter' });
    expect(Object.values(roles).map((r) => r.name).sort()).toEqual([`${CLUSTER}-karpenter`, `${CLUSTER}-karpenter-node`]);
  });

  it('lets the controller launch, tag and terminate only instances tagged for this cluster and a NodePool', () => {
    for (const sid of ['AllowScopedEC2InstanceActionsWithTags', 'AllowScopedResourceCreationTagging']) {
      expect(statement(sid).Condition.StringEquals).toMatchObject({
        [`aws:RequestTag/kubernetes.io/cluster/${CLUSTER}`]: 'owned',
        'aws:RequestTag/eks:eks-cluster-name': CLUSTER,
      });
      expect(statement(sid).Condition.StringLike).toEqual({ 'aws:RequestTag/karpenter.sh/nodepool': '*' });
    }
    const deletion = statement('AllowScopedDeletion');
    expect(deletion.Action).toEqual(['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate']);
    expect(deletion.Condition.StringEquals).toEqual({ [`aws:ResourceTag/kubernetes.io/cluster/${CLUSTER}`]: 'owned' });
    expect(statement('AllowScopedResourceTagging').Condition['ForAllValues:StringEquals']).toEqual({ 'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'] });
    expect(statement('AllowRegionalReadActions').Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' } });
  });

  it('passes only the node role, only to EC2', () => {
    const pass = statement('AllowPassingInstanceRole');
    expect(referencedResource(json, pass.Resource)).toEqual({ type: IamRole.tfResourceType, name: nodeRoleKey, attribute: 'arn' });
    expect(pass.Condition.StringEquals['iam:PassedToService']).toContain('ec2.amazonaws.com');
    // No statement allows an action on every resource except reads and the unscoped list.
    const unscoped = controllerPolicy.Statement.filter((s: { Resource: unknown }) => s.Resource === '*').map((s: { Sid: string }) => s.Sid);
    expect(unscoped.sort()).toEqual(['AllowPricingReadActions', 'AllowRegionalReadActions', 'AllowUnscopedInstanceProfileListAction', 'AllowZonalShiftStatusReadOnly']);
  });

  it('reads and deletes messages of its own interruption queue only, and describes only its cluster', () => {
    const sqs = statement('AllowInterruptionQueueActions');
    expect(sqs.Action).toEqual(['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage']);
    expect(referencedResource(json, sqs.Resource)).toEqual({ type: SqsQueue.tfResourceType, name: queueKey, attribute: 'arn' });
    expect(statement('AllowAPIServerEndpointDiscovery').Resource).toBe(`arn:aws:eks:us-east-1:111122223333:cluster/${CLUSTER}`);
  });

  it('keeps the inline policy under IAM’s 10,240-character limit for a role', () => {
    const compact = JSON.stringify(controllerPolicy).replace(/\s/g, '');
    expect(compact.length).toBeLessThan(10240);
  });

  it('gives the node role the managed node policies and an EC2_LINUX access entry', () => {
    const attached = listResources(json, IamRolePolicyAttachment.tfResourceType).map((a) => a.policy_arn).sort();
    expect(attached).toEqual([
      'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
      'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
      'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
      'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
    ]);
    const entry = onlyResource(json, EksAccessEntry.tfResourceType);
    expect(entry.type).toBe('EC2_LINUX');
    expect(referencedResource(json, entry.principal_arn)).toEqual({ type: IamRole.tfResourceType, name: nodeRoleKey, attribute: 'arn' });
    expect(decodeJsonencode(roles[nodeRoleKey].assume_role_policy).Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
  });

  it('creates the interruption queue with SSE and a policy that admits EventBridge and denies plain HTTP', () => {
    expect(onlyResource(json, SqsQueue.tfResourceType)).toMatchObject({ name: `${CLUSTER}-karpenter`, sqs_managed_sse_enabled: true, message_retention_seconds: 300 });
    const policy = decodeJsonencode(onlyResource(json, SqsQueuePolicy.tfResourceType).policy);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] }, Action: 'sqs:SendMessage' });
    expect(policy.Statement[1]).toMatchObject({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  it('routes spot interruption, rebalance, instance state change and scheduled change events to the queue', () => {
    const rules = listResources(json, CloudwatchEventRule.tfResourceType).map((r) => decodeJsonencode(r.event_pattern)['detail-type'][0]);
    expect(rules).toEqual(
      expect.arrayContaining([
        'EC2 Spot Instance Interruption Warning',
        'EC2 Instance Rebalance Recommendation',
        'EC2 Instance State-change Notification',
        'AWS Health Event',
      ]),
    );
    const targets = listResources(json, CloudwatchEventTarget.tfResourceType);
    expect(targets).toHaveLength(rules.length);
    for (const t of targets) expect(referencedResource(json, t.arn)).toEqual({ type: SqsQueue.tfResourceType, name: queueKey, attribute: 'arn' });
  });

  it('tags the node security group for the EC2NodeClass selector', () => {
    expect(onlyResource(json, Ec2Tag.tfResourceType)).toMatchObject({ resource_id: 'sg-0123', key: 'karpenter.sh/discovery', value: CLUSTER });
  });
});
